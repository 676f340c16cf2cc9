/**
 * 決済方法ごとの得意先: the editable table of a settings row, the check of the customers an import
 * will need, and 「不足している得意先を作成」 (all in one transaction).
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { CustomerStatus, PaymentRule, PaymentRuleInput } from '../../../src-shared/ec-settings/payment-rule';
import { isPartnerCode, PARTNER_CODE_MAX } from '../../../src-shared/masters/fields';
import { isNeverSupportedPayment } from '../import/mapping/default-payment-rules';
import type { Logger } from '../ports';
import type { Repositories } from '../repositories';


/** A customer name for a BC_* code, from the payment names that use it. */
export function customerNameFor(code: string, paymentNames: string[]): string {
  const base = paymentNames.length > 0 ? `Bカート ${paymentNames.join('・')}` : `Bカート ${code}`;
  return base.length > 100 ? `${base.slice(0, 99)}…` : base;
}

/** Checks a whole table; every problem with its row path (rules.N.field). */
export function validatePaymentRules(rules: PaymentRuleInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  rules.forEach((r, i) => {
    const name = r.paymentName.trim();
    if (name === '') problems.push({ path: `rules.${i}.paymentName`, message: `${i + 1}行目: 決済方法名を入力してください。` });
    else if (seen.has(name)) problems.push({ path: `rules.${i}.paymentName`, message: `${i + 1}行目: 決済方法「${name}」は${seen.get(name)! + 1}行目と重複しています。1行にまとめてください。` });
    else seen.set(name, i);
    const code = r.customerCode?.trim() ?? '';
    if (r.ruleKind === 'customer' && !isPartnerCode(code)) {
      problems.push({ path: `rules.${i}.customerCode`, message: `${i + 1}行目: 得意先コードを${PARTNER_CODE_MAX}文字以内（制御文字なし）で入力してください。` });
    }
    if (r.ruleKind !== 'unsupported' && isNeverSupportedPayment(name)) {
      problems.push({ path: `rules.${i}.ruleKind`, message: `${i + 1}行目: 決済方法「${name}」の注文は取り込みに対応していないため、「取込対象外」から変更できません。` });
    }
  });
  return problems;
}

/** The payment-rule service of a core. */
export function createPaymentRuleService(repos: Repositories, logger: Logger) {
  const settings = repos.ecSettings;

  function list(settingId: number): PaymentRule[] {
    settings.get(settingId);
    const rows = settings.paymentRules(settingId);
    const customers = repos.partners.byCodes(rows.flatMap((r) => (r.customerCode ? [r.customerCode] : [])));
    return rows.map((r) => {
      let status: CustomerStatus | null = null;
      const c = r.ruleKind === 'customer' && r.customerCode ? customers.get(r.customerCode) : undefined;
      if (r.ruleKind === 'customer') status = !c ? 'missing' : c.kind !== '得意先' ? 'wrong-kind' : !c.confirmed ? 'unconfirmed' : 'ok';
      return { id: r.id, paymentName: r.paymentName, ruleKind: r.ruleKind, customerCode: r.customerCode, customerStatus: status, customerName: c?.name ?? null };
    });
  }

  /** Fixed customer codes of the table that are not usable, with the payment names needing them. */
  function check(settingId: number) {
    const byCode = new Map<string, { status: Exclude<CustomerStatus, 'ok'>; paymentNames: string[] }>();
    for (const r of list(settingId)) {
      if (r.customerStatus === null || r.customerStatus === 'ok' || !r.customerCode) continue;
      const e = byCode.get(r.customerCode) ?? { status: r.customerStatus, paymentNames: [] };
      e.paymentNames.push(r.paymentName);
      byCode.set(r.customerCode, e);
    }
    const problems = [...byCode].map(([code, e]) => ({ code, ...e }));
    return { ok: problems.length === 0, problems };
  }

  return {
    list,
    check,
    update(settingId: number, rules: PaymentRuleInput[]): PaymentRule[] {
      settings.get(settingId);
      const problems = validatePaymentRules(rules);
      if (problems.length > 0) {
        throw new AppError('VALIDATION', `決済方法ごとの得意先に${problems.length}件の誤りがあります。各行のメッセージを確認して修正してください。`, { fields: problems });
      }
      repos.transaction(() =>
        settings.replacePaymentRules(
          settingId,
          rules.map((r) => ({
            paymentName: r.paymentName.trim(),
            ruleKind: r.ruleKind,
            customerCode: r.ruleKind === 'customer' ? (r.customerCode?.trim() ?? null) : null,
          })),
        ),
      );
      return list(settingId);
    },
    /** Creates missing customers and confirms unconfirmed 得意先, in one transaction. */
    createMissingCustomers(settingId: number) {
      const { problems } = check(settingId);
      const created: string[] = [];
      const confirmed: string[] = [];
      const skipped: { code: string; reason: string }[] = [];
      repos.transaction(() => {
        for (const p of problems) {
          if (p.status === 'missing') {
            repos.partners.insertCustomers([{ code: p.code, name: customerNameFor(p.code, p.paymentNames) }]);
            created.push(p.code);
          } else if (p.status === 'unconfirmed') {
            repos.partners.confirmByCode(p.code);
            confirmed.push(p.code);
          } else {
            skipped.push({ code: p.code, reason: `コード「${p.code}」は得意先以外の取引先で使われています。取引先マスタでコードを変更するか、決済方法の得意先コードを変えてください。` });
          }
        }
      });
      if (created.length + confirmed.length > 0) logger.child('settings').info('payment-rule customers created', { settingId, created, confirmed });
      return { created, confirmed, skipped };
    },
  };
}

export type PaymentRuleService = ReturnType<typeof createPaymentRuleService>;
