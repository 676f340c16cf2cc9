/** 入金伝票 and 消込 across IPC (docs/receivables-rules.md). Integer yen, JST dates. */
import { z } from 'zod';
import { idField } from '../masters/fields';
import { PAYMENT_KINDS } from './payment-kinds';
import { dateField } from './statements';

export const DEBIT_KINDS = ['opening', 'invoice', 'adjustment'] as const;
export type DebitKindName = (typeof DEBIT_KINDS)[number];

const yen = (label: string) =>
  z
    .number({ error: `${label}は1円以上の整数で入力してください。` })
    .int({ error: `${label}は1円以上の整数で入力してください。` })
    .min(1, { error: `${label}は1円以上の整数で入力してください。` })
    .max(99_999_999_999, { error: `${label}が大きすぎます。` });

export const paymentLineInput = z.object({
  kind: z.enum(PAYMENT_KINDS, { error: `入金種別は「${PAYMENT_KINDS.join('」「')}」から選んでください。` }),
  amount: yen('入金額'),
});

export const allocationInput = z.object({ debitKind: z.enum(DEBIT_KINDS), debitId: idField, amount: yen('消込金額') });

export const paymentRecordInput = z
  .object({
    customerId: idField,
    date: dateField('入金日'),
    lines: z.array(paymentLineInput, { error: '入金の明細を入力してください。' }).min(1, { error: '入金の明細を1行以上入力してください。' }).max(10),
    memo: z.string().trim().max(200, { error: '摘要は200文字以内で入力してください。' }).optional(),
    /** by hand; omitted = oldest first */
    allocations: z.array(allocationInput).max(10_000).optional(),
  })
  .strict();
export type PaymentRecordInput = z.infer<typeof paymentRecordInput>;

export const allocationView = z.object({
  debitKind: z.enum(DEBIT_KINDS),
  debitId: z.number().int(),
  /** 受注番号, 期首残高 or 消費税調整(請求書 No.) */
  name: z.string(),
  date: z.string(),
  amount: z.number().int(),
});
export type AllocationView = z.infer<typeof allocationView>;

export const paymentRow = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customer: z.string(),
  customerName: z.string(),
  date: z.string(),
  total: z.number().int(),
  lines: z.array(z.object({ kind: z.string(), amount: z.number().int() })),
  memo: z.string().nullable(),
  confirmed: z.boolean(),
  statementId: z.number().int().nullable(),
  allocated: z.number().int(),
  unallocated: z.number().int(),
});
export type PaymentRow = z.infer<typeof paymentRow>;

export const paymentDetail = paymentRow.extend({ allocations: z.array(allocationView) });
export type PaymentDetail = z.infer<typeof paymentDetail>;

export const paymentListInput = z
  .object({
    customerId: idField.optional(),
    from: dateField('開始日').optional(),
    to: dateField('終了日').optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export const paymentIdInput = z.object({ id: idField }).strict();
export const customerIdInput = z.object({ customerId: idField }).strict();

/** An amount the customer owes, with what is still open and its 入金予定日. */
export const openItem = z.object({
  debitKind: z.enum(DEBIT_KINDS),
  debitId: z.number().int(),
  name: z.string(),
  date: z.string(),
  dueDate: z.string(),
  amount: z.number().int(),
  open: z.number().int(),
});
export type OpenItem = z.infer<typeof openItem>;

export const openItemsResult = z.object({ items: z.array(openItem), unallocated: z.number().int() });
export type OpenItemsResult = z.infer<typeof openItemsResult>;

/** Result of recording / confirming a 入金伝票: its 消込 (the CLI prints invoice names). */
export const paymentRecordResult = z.object({ paymentId: z.number().int(), allocations: z.array(allocationView), unallocated: z.number().int() });
export type PaymentRecordResult = z.infer<typeof paymentRecordResult>;

export const applyCreditsResult = z.object({ allocations: z.number().int(), amount: z.number().int() });
