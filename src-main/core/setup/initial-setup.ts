/**
 * 初期設定 in one go (CLI `init` and 「デモデータで試す」): the standard masters (a 部門, a 倉庫, a
 * 請求口座, the 送料・手数料 and 値引・ポイント products, the BC_* customers), products from BCart
 * sets, 得意先 from members with a 貴社独自会員ID, and one EC連携設定 with its token.
 * Everything is fetched first, then written in ONE transaction; existing codes are reused, so a
 * second run creates nothing.
 */
import { eq } from 'drizzle-orm';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { emptyEcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { createBcartClient } from '../bcart/client';
import type { CoreContext } from '../core-context';
import { assertStoreOpen } from '../store-mode/store-mode';
import { bankAccounts, departments, ecSettings, partners, products, workflows } from '../db/schema';
import { DEFAULT_PAYMENT_RULES, requiredCustomerCodes } from '../import/mapping';
import { createBcartSession } from '../ec-settings/bcart-session';
import { checkEcSetting, seedPaymentRules } from '../ec-settings/ec-setting-service';
import { ecSettingRepository } from '../ec-settings/ec-setting-repository';
import { existingPartnerKinds, existingProductCodes, insertCustomers, insertProducts, taxClassIdOf } from './master-writes';
import { planCustomersFromMembers, planProductsFromSets } from './onboarding-plan';
import { customerNameFor } from '../ec-settings/payment-rule-service';

export interface InitialSetupOptions {
  baseUrl: string;
  /** personal access token; saved through the TokenStore only */
  token: string;
  /** 出荷取込開始日; default today − 7 (JST) */
  from?: string;
  /** the settings row to create or reuse, default "Bカート" */
  settingName?: string;
}

/** What was created, by Japanese master name (empty arrays: nothing new). */
export interface InitialSetupReport {
  settingId: number;
  created: Record<string, string[]>;
  /** the token differed from the stored one and was saved */
  tokenSaved: boolean;
  /** an existing settings row got the new API URL (demo restarts on a new port) */
  urlUpdated: boolean;
}

export const STANDARD_CODES = {
  department: 'EC',
  warehouse: 'WH-EC',
  bankAccount: 'BANK-01',
  shippingFee: 'SHIPPING-FEE',
  discount: 'DISCOUNT-POINT',
} as const;

/** Runs the whole setup; see the module header. */
export async function runInitialSetup(ctx: CoreContext, opts: InitialSetupOptions): Promise<InitialSetupReport> {
  // it creates products, which 受付停止 (tax update) freezes
  assertStoreOpen(ctx.db, '初期設定');
  const baseUrl = opts.baseUrl.trim().replace(/\/+$/, '');
  const client = createBcartClient({ baseUrl, getAccessToken: async () => opts.token, fetch: ctx.fetch, clock: ctx.clock, timers: ctx.timers, logger: ctx.logger });
  const [sets, bcartProducts, members] = await Promise.all([client.listProductSets(), client.listProducts(), client.listCustomers()]);
  const db = ctx.orm;
  const created: Record<string, string[]> = { 部門: [], 倉庫: [], 請求口座: [], 商品: [], 得意先: [], EC連携設定: [] };
  const settingName = opts.settingName ?? 'Bカート';
  const repo = ecSettingRepository(ctx);
  let urlUpdated = false;

  const settingId = ctx.db.transaction(() => {
    assertStoreOpen(ctx.db, '初期設定');
    const now = ctx.now();
    const stamp = { confirmed: true, createdAt: now, updatedAt: now };
    let dep = db.select({ id: departments.id }).from(departments).where(eq(departments.code, STANDARD_CODES.department)).get();
    if (!dep) {
      dep = db.insert(departments).values({ code: STANDARD_CODES.department, name: 'EC事業部', ...stamp }).returning({ id: departments.id }).get();
      created['部門']!.push(STANDARD_CODES.department);
    }
    let wh = db.select({ id: partners.id }).from(partners).where(eq(partners.code, STANDARD_CODES.warehouse)).get();
    if (!wh) {
      wh = db.insert(partners).values({ code: STANDARD_CODES.warehouse, name: 'Bカート連携倉庫', kind: '倉庫', ...stamp }).returning({ id: partners.id }).get();
      created['倉庫']!.push(STANDARD_CODES.warehouse);
    }
    let bank = db.select({ id: bankAccounts.id }).from(bankAccounts).where(eq(bankAccounts.code, STANDARD_CODES.bankAccount)).get();
    if (!bank) {
      bank = db
        .insert(bankAccounts)
        .values({ code: STANDARD_CODES.bankAccount, bankName: '(要変更) 取引銀行', branchName: '本店', accountType: '普通', accountNumber: '0000000', holder: 'ヨウヘンコウ', ...stamp })
        .returning({ id: bankAccounts.id })
        .get();
      created['請求口座']!.push(STANDARD_CODES.bankAccount);
    }
    const std = taxClassIdOf(ctx, '標準');
    const fee = (code: string, name: string) => {
      const found = db.select({ id: products.id }).from(products).where(eq(products.code, code)).get();
      if (found) return found.id;
      created['商品']!.push(code);
      return db
        .insert(products)
        .values({ code, name, unitQuantity: 1, inventoryTracked: false, taxClassId: std, unitPrice: 0, ...stamp })
        .returning({ id: products.id })
        .get().id;
    };
    const shippingId = fee(STANDARD_CODES.shippingFee, '送料・手数料');
    const discountId = fee(STANDARD_CODES.discount, '値引・ポイント');

    const newProducts = planProductsFromSets(sets, bcartProducts, existingProductCodes(ctx)).filter((r) => r.status === 'new');
    insertProducts(ctx, newProducts, { 標準: std, 軽減: taxClassIdOf(ctx, '軽減') });
    created['商品']!.push(...newProducts.map((r) => r.code));

    const kinds = existingPartnerKinds(ctx);
    const bc = requiredCustomerCodes(DEFAULT_PAYMENT_RULES)
      .filter((code) => !kinds.has(code))
      .map((code) => ({
        code,
        name: customerNameFor(code, DEFAULT_PAYMENT_RULES.filter((r) => r.rule.kind === 'customer' && r.rule.customerCode === code).map((r) => r.payment)),
      }));
    insertCustomers(ctx, bc);
    for (const c of bc) kinds.set(c.code, '得意先');
    const newMembers = planCustomersFromMembers(members, kinds).filter((r) => r.status === 'new');
    insertCustomers(ctx, newMembers);
    created['得意先']!.push(...bc.map((c) => c.code), ...newMembers.map((c) => c.code));

    const existing = db.select({ id: ecSettings.id, apiBaseUrl: ecSettings.apiBaseUrl }).from(ecSettings).where(eq(ecSettings.name, settingName)).get();
    if (existing) {
      if (existing.apiBaseUrl !== baseUrl) {
        const { id: _id, createdAt: _c, updatedAt: _u, ...values } = repo.get(existing.id);
        repo.update(existing.id, checkEcSetting(ctx, { ...values, apiBaseUrl: baseUrl }));
        urlUpdated = true;
      }
      return existing.id;
    }
    const wf = (kind: '出荷' | '請求') => db.select({ id: workflows.id }).from(workflows).where(eq(workflows.kind, kind)).orderBy(workflows.id).get()?.id ?? null;
    const today = jstDateOf(ctx.clock.now());
    const values = checkEcSetting(ctx, {
      ...emptyEcSetting(today),
      name: settingName,
      departmentId: dep.id,
      warehouseId: wh.id,
      bankAccountId: bank.id,
      standardTaxClassId: std,
      reducedTaxClassId: taxClassIdOf(ctx, '軽減'),
      exemptTaxClassId: taxClassIdOf(ctx, '非課税'),
      shippingFeeProductId: shippingId,
      discountProductId: discountId,
      importStartDate: opts.from ?? addDays(today, -7),
      productLinkSameCode: true,
      shipmentWorkflowId: wf('出荷'),
      invoiceWorkflowId: wf('請求'),
      apiBaseUrl: baseUrl,
    });
    const row = repo.insert(values);
    seedPaymentRules(ctx, row.id);
    created['EC連携設定']!.push(settingName);
    return row.id;
  })();

  const session = createBcartSession(ctx, repo.get(settingId));
  let tokenSaved = false;
  const current = await session.auth.getAccessToken().catch(() => null);
  if (current !== opts.token.trim()) {
    await session.auth.savePersonalToken(opts.token);
    tokenSaved = true;
  }
  ctx.logger.child('setup').info('initial setup done', { settingId, created: Object.fromEntries(Object.entries(created).map(([k, v]) => [k, v.length])), tokenSaved });
  return { settingId, created, tokenSaved, urlUpdated };
}
