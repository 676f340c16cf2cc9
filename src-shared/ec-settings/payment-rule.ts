/** 決済方法ごとの得意先 (docs/import-rules.md#customer-per-payment-method): BCart payment display name → customer rule. */
import { z } from 'zod';
import { PARTNER_CODE_MAX } from '../masters/fields';

export const PAYMENT_RULE_KINDS = ['customer', 'member-ext-id', 'unsupported'] as const;
export type PaymentRuleKind = (typeof PAYMENT_RULE_KINDS)[number];

/** Japanese labels of the rule kinds (the table's select). */
export const PAYMENT_RULE_KIND_LABELS: Record<PaymentRuleKind, string> = {
  customer: '得意先コードを指定',
  'member-ext-id': '貴社独自会員IDの得意先',
  unsupported: '取込対象外 (エラー)',
};

/** One editable row. */
export const paymentRuleInput = z
  .object({
    paymentName: z.string().max(100),
    ruleKind: z.enum(PAYMENT_RULE_KINDS),
    // a bound only (UTF-16 units); the service checks the 255-character 取引先コード rule per row
    customerCode: z.string().max(PARTNER_CODE_MAX * 2).nullable(),
  })
  .strict();
export type PaymentRuleInput = z.infer<typeof paymentRuleInput>;

/** Status of the customer a row points to. */
export const CUSTOMER_STATUSES = ['ok', 'missing', 'unconfirmed', 'wrong-kind'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const paymentRule = paymentRuleInput.extend({
  id: z.number().int(),
  /** null for rules without a fixed customer */
  customerStatus: z.enum(CUSTOMER_STATUSES).nullable(),
  customerName: z.string().nullable(),
});
export type PaymentRule = z.infer<typeof paymentRule>;

export const paymentRulesUpdate = z.object({ settingId: z.number().int().positive(), rules: z.array(paymentRuleInput).max(500) }).strict();

/** A customer the import will need that is not usable yet. */
export const requiredCustomerProblem = z.object({
  code: z.string(),
  status: z.enum(['missing', 'unconfirmed', 'wrong-kind']),
  paymentNames: z.array(z.string()),
});
export const paymentRulesCheck = z.object({ ok: z.boolean(), problems: z.array(requiredCustomerProblem) });

export const createMissingCustomersResult = z.object({
  created: z.array(z.string()),
  confirmed: z.array(z.string()),
  /** codes that could not be fixed automatically (e.g. used by a non-得意先 取引先) with the reason */
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
});
