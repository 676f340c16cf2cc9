/**
 * EC連携設定 create/update: every rule and reference is checked at once (validate-ec-setting.ts)
 * and all problems come back as SETTINGS_INVALID with fields. Creating a row also seeds its
 * 決済方法ごとの得意先 table from the manual's list, in the same transaction.
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { EcSetting, EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import { validateEcSetting } from '../../../src-shared/ec-settings/validate-ec-setting';
import { DEFAULT_PAYMENT_RULES } from '../import/mapping';
import type { Clock } from '../ports';
import type { Repositories } from '../repositories';
import { loadEcSettingRefs } from './ec-setting-refs';
import { normaliseValues } from './ec-setting-repository';

/** The service used by the IPC handlers, the CLI init and the demo. */
export function createEcSettingService(repos: Repositories, clock: Clock, extraApiHosts: readonly string[]) {
  const settings = repos.ecSettings;

  /** Throws SETTINGS_INVALID listing every problem, or returns the normalised values. */
  function check(values: EcSettingValues): EcSettingValues {
    const v = normaliseValues(values);
    const problems = validateEcSetting(v, loadEcSettingRefs(repos, v), jstDateOf(clock.now()), extraApiHosts);
    if (problems.length > 0) {
      throw new AppError('SETTINGS_INVALID', `EC連携設定に${problems.length}件の不備があります。各項目のメッセージを確認して修正してから保存してください。`, {
        fields: problems,
      });
    }
    return v;
  }

  /** Inserts a checked row with the manual's payment rules (inside the caller's transaction). */
  function insertChecked(v: EcSettingValues): EcSetting {
    const row = settings.insert(v);
    settings.insertPaymentRules(
      row.id,
      DEFAULT_PAYMENT_RULES.map((r) => ({ paymentName: r.payment, ruleKind: r.rule.kind, customerCode: r.rule.kind === 'customer' ? r.rule.customerCode : null })),
    );
    return row;
  }

  return {
    list: () => settings.list(),
    get: (id: number) => settings.get(id),
    check,
    insertChecked,
    create(values: EcSettingValues): EcSetting {
      const v = check(values);
      return repos.transaction(() => insertChecked(v));
    },
    update(id: number, values: EcSettingValues): EcSetting {
      settings.get(id);
      const v = check(values);
      return repos.transaction(() => settings.update(id, v));
    },
  };
}

export type EcSettingService = ReturnType<typeof createEcSettingService>;
