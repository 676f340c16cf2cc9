/** 売掛金残高一覧, aging and 入金予定 across IPC (docs/receivables-rules.md). */
import { z } from 'zod';
import { csvEncodingSchema } from '../csv/csv-encoding';
import { dateField } from './statements';

export const agingBuckets = z.object({
  current: z.number().int(),
  d30: z.number().int(),
  d60: z.number().int(),
  d90: z.number().int(),
  over90: z.number().int(),
});

/** One customer: `invoiced` (期首残高 + invoices + 消費税調整) and `received` are totals to the date. */
export const balanceRow = z.object({
  customerId: z.number().int(),
  customer: z.string(),
  customerName: z.string(),
  invoiced: z.number().int(),
  received: z.number().int(),
  balance: z.number().int(),
  /** received money not applied to anything yet (it already counts in `received`) */
  unallocated: z.number().int(),
  aging: agingBuckets,
});
export type BalanceRow = z.infer<typeof balanceRow>;

export const balancesInput = z.object({ asOf: dateField('基準日').optional() }).strict().optional();
export const balancesResult = z.object({ asOf: z.string(), rows: z.array(balanceRow) });
export type BalancesResult = z.infer<typeof balancesResult>;

/** 入金予定: what is open per customer and due date. */
export const scheduleRow = z.object({
  customerId: z.number().int(),
  customer: z.string(),
  customerName: z.string(),
  dueDate: z.string(),
  amount: z.number().int(),
  overdue: z.boolean(),
  /** 請求書 (a statement's due date) / 予定 (projected from the 回収サイト) */
  basis: z.enum(['請求書', '予定']),
});
export type ScheduleRow = z.infer<typeof scheduleRow>;

export const scheduleInput = z.object({ asOf: dateField('基準日').optional() }).strict().optional();
export const scheduleResult = z.object({ asOf: z.string(), rows: z.array(scheduleRow) });
export type ScheduleResult = z.infer<typeof scheduleResult>;

export const balancesCsvInput = z.object({ asOf: dateField('基準日').optional(), encoding: csvEncodingSchema }).strict();
