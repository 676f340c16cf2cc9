/**
 * Onboarding from BCart through a settings row's connection: preview, then create in one
 * transaction. The create step fetches again and re-plans against the database, so it is idempotent
 * (existing codes are skipped and reported) even when the preview is stale.
 */
import type { OnboardingResult } from '../../../src-shared/setup/onboarding';
import type { BcartSessions } from '../ec-settings/bcart-sessions';
import type { Logger } from '../ports';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { planCustomersFromMembers, planProductsFromSets } from './onboarding-plan';

function result<T extends { code: string; status: string; reason: string | null }>(plan: T[], codes: string[] | undefined): { create: T[]; out: OnboardingResult } {
  const wanted = codes ? new Set(codes) : null;
  const create = plan.filter((r) => r.status === 'new' && (!wanted || wanted.has(r.code)));
  const skipped = plan.filter((r) => r.status !== 'new' && (!wanted || wanted.has(r.code))).map((r) => ({ code: r.code, reason: r.reason ?? '' }));
  return { create, out: { created: create.map((r) => r.code), skipped } };
}

/** The onboarding service of a core. */
export function createOnboardingService(repos: Repositories, bcart: BcartSessions, storeMode: StoreMode, logger: Logger) {
  const log = logger.child('onboarding');

  async function productPlan(settingId: number) {
    const { client, setting } = bcart.session(settingId);
    const [sets, bcartProducts] = await Promise.all([client.listProductSets(), client.listProducts()]);
    return { setting, rows: planProductsFromSets(sets, bcartProducts, repos.products.existingCodes()) };
  }

  async function customerPlan(settingId: number) {
    const { client } = bcart.session(settingId);
    const members = await client.listCustomers();
    return planCustomersFromMembers(members, repos.partners.kindsByCode());
  }

  return {
    previewProducts: async (settingId: number) => ({ rows: (await productPlan(settingId)).rows }),
    async createProducts(settingId: number, codes?: string[]): Promise<OnboardingResult> {
      // 受付停止 (tax update) freezes the product master
      storeMode.assertOpen('商品の登録');
      const { setting, rows } = await productPlan(settingId);
      const { create, out } = result(rows, codes);
      const taxIds = {
        標準: setting.standardTaxClassId ?? repos.taxClasses.idOfKind('標準'),
        軽減: setting.reducedTaxClassId ?? repos.taxClasses.idOfKind('軽減'),
      };
      repos.transaction(() => {
        storeMode.assertOpen('商品の登録');
        repos.products.insertOnboarded(create, taxIds);
      });
      log.info('products created from BCart sets', { settingId, created: out.created.length, skipped: out.skipped.length });
      return out;
    },
    previewCustomers: async (settingId: number) => ({ rows: await customerPlan(settingId) }),
    async createCustomers(settingId: number, codes?: string[]): Promise<OnboardingResult> {
      const { create, out } = result(await customerPlan(settingId), codes);
      repos.transaction(() => repos.partners.insertCustomers(create));
      log.info('customers created from BCart members', { settingId, created: out.created.length, skipped: out.skipped.length });
      return out;
    },
  };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
