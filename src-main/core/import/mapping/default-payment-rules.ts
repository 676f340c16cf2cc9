/**
 * The seed of the user-editable 決済方法ごとの得意先 table (docs/import-rules.md#customer-per-payment-method). BCart sends
 * display names, and shops may rename methods, so this is only the starting content of the table.
 */
import type { PaymentRule } from './import-masters';

/** One row of the seeded table. */
export interface PaymentRuleRow {
  /** BCart 決済方法 display name */
  payment: string;
  rule: PaymentRule;
}

const customer = (customerCode: string): PaymentRule => ({ kind: 'customer', customerCode });

/** The manual's list, in its order. */
export const DEFAULT_PAYMENT_RULES: readonly PaymentRuleRow[] = [
  { payment: 'Bカートクレカ決済', rule: customer('BC_CreditCard') },
  { payment: 'Bカート掛け払い', rule: customer('BC_BcBilling') },
  { payment: 'Bカート掛け払い 請求代行プラン', rule: customer('BC_BcBillingAgency') },
  { payment: 'クレジットカード決済', rule: customer('BC_CreditCard') },
  { payment: 'クロネコwebコレクト', rule: customer('BC_CreditCard') },
  { payment: 'PayPal', rule: customer('BC_PayPal') },
  { payment: 'ペイジェント決済代行サービス', rule: customer('BC_CreditCard') },
  { payment: 'NP掛け払い', rule: customer('BC_NP-kakebarai') },
  { payment: '代金引換', rule: customer('BC_CashOnDelivery') },
  { payment: 'クロネコ掛け払い', rule: customer('BC_YamatoBilling') },
  { payment: 'Paid', rule: { kind: 'unsupported' } },
  { payment: '自社掛け払い', rule: { kind: 'member-ext-id' } },
  { payment: '銀行振込', rule: { kind: 'member-ext-id' } },
  { payment: 'カスタム決済(その他)', rule: { kind: 'unsupported' } },
];

/** The fixed customer codes the table needs (for 「不足している得意先を作成」). */
export function requiredCustomerCodes(rows: readonly PaymentRuleRow[] = DEFAULT_PAYMENT_RULES): string[] {
  const codes = rows.flatMap((r) => (r.rule.kind === 'customer' ? [r.rule.customerCode] : []));
  return [...new Set(codes)];
}

/** The table as the lookup map ImportMasters.paymentRules expects (names trimmed). */
export function paymentRuleMap(rows: readonly PaymentRuleRow[] = DEFAULT_PAYMENT_RULES): Map<string, PaymentRule> {
  return new Map(rows.map((r) => [r.payment.trim(), r.rule]));
}

/**
 * Methods the import can never book, whatever the table says: Paid settles through its own
 * service and BCart's order does not carry what the books would need. Compared trimmed and
 * NFKC-normalised, case-insensitively, so 「ＰＡＩＤ」 is Paid too.
 */
export const NEVER_SUPPORTED_PAYMENTS: readonly string[] = ['Paid'];

export function isNeverSupportedPayment(name: string): boolean {
  let never = neverByName.get(name);
  if (never === undefined) {
    const key = name.normalize('NFKC').trim().toLowerCase();
    never = NEVER_SUPPORTED_PAYMENTS.some((n) => n.toLowerCase() === key);
    // a shop has a handful of 決済方法 names; the bound keeps odd input from growing it
    if (neverByName.size < 256) neverByName.set(name, never);
  }
  return never;
}

/** The answer per name seen: the import asks once per order (10,000 times in bench/import.bench.ts). */
const neverByName = new Map<string, boolean>();
