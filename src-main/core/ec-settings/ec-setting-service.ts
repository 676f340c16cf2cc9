/**
 * EC連携設定 create/update: every rule and reference is checked at once (validate-ec-setting.ts)
 * and all problems come back as SETTINGS_INVALID with fields. Creating a row also seeds its
 * 決済方法ごとの得意先 table from the manual's list, in the same transaction.
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { EcSetting, EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import { validateEcSetting } from '../../../src-shared/ec-settings/validate-ec-setting';
import type { CoreContext } from '../core-context';
import { paymentRules } from '../db/schema';
import { DEFAULT_PAYMENT_RULES } from '../import/mapping';
import { loadEcSettingRefs } from './ec-setting-refs';
import { ecSettingRepository, normaliseValues } from './ec-setting-repository';

/** Throws SETTINGS_INVALID listing every problem, or returns the normalised values. */
export function checkEcSetting(ctx: Pick<CoreContext, 'orm' | 'clock' | 'extraApiHosts'>, values: EcSettingValues): EcSettingValues {
  const v = normaliseValues(values);
  const problems = validateEcSetting(v, loadEcSettingRefs(ctx, v), jstDateOf(ctx.clock.now()), ctx.extraApiHosts);
  if (problems.length > 0) {
    throw new AppError('SETTINGS_INVALID', `EC連携設定に${problems.length}件の不備があります。各項目のメッセージを確認して修正してから保存してください。`, {
      fields: problems,
    });
  }
  return v;
}

/** Inserts the manual's payment rules for a new settings row (inside the caller's transaction). */
export function seedPaymentRules(ctx: Pick<CoreContext, 'orm' | 'now'>, settingId: number): void {
  const now = ctx.now();
  const rows = DEFAULT_PAYMENT_RULES.map((r) => ({
    ecSettingId: settingId,
    paymentName: r.payment,
    ruleKind: r.rule.kind,
    customerCode: r.rule.kind === 'customer' ? r.rule.customerCode : null,
    createdAt: now,
    updatedAt: now,
  }));
  ctx.orm.insert(paymentRules).values(rows).run();
}

/** The settings service used by the IPC handlers, the CLI init and the demo. */
export function ecSettingService(ctx: CoreContext) {
  const repo = ecSettingRepository(ctx);
  return {
    list: () => repo.list(),
    get: (id: number) => repo.get(id),
    create(values: EcSettingValues): EcSetting {
      const v = checkEcSetting(ctx, values);
      return ctx.db.transaction(() => {
        const row = repo.insert(v);
        seedPaymentRules(ctx, row.id);
        return row;
      })();
    },
    update(id: number, values: EcSettingValues): EcSetting {
      repo.get(id);
      const v = checkEcSetting(ctx, values);
      return ctx.db.transaction(() => repo.update(id, v))();
    },
  };
}
