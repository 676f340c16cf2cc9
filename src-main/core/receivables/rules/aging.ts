/**
 * 売掛金の年齢表 (aging) by due date (docs/receivables-rules.md): each open amount falls in one
 * bucket by the days between its 入金予定日 and the as-of date — 期日前 (not yet due, or due that
 * day), 1〜30日, 31〜60日, 61〜90日, 91日以上 past due. Unallocated money is shown beside it, so
 * Σ buckets − unallocated = the balance.
 */
import { daysBetween } from '../../../../src-shared/domain/jst-date';

export const AGING_BUCKETS = ['current', 'd30', 'd60', 'd90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_LABELS: Record<AgingBucket, string> = {
  current: '期日前',
  d30: '1〜30日',
  d60: '31〜60日',
  d90: '61〜90日',
  over90: '91日以上',
};

/** The bucket of an amount due on `dueDate`, seen on `asOf`. */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return 'd30';
  if (late <= 60) return 'd60';
  if (late <= 90) return 'd90';
  return 'over90';
}

export type AgingTotals = Record<AgingBucket, number>;

/** Sums open amounts into the buckets. */
export function agingTotals(items: readonly { dueDate: string; open: number }[], asOf: string): AgingTotals {
  const totals: AgingTotals = { current: 0, d30: 0, d60: 0, d90: 0, over90: 0 };
  for (const i of items) totals[agingBucket(i.dueDate, asOf)] += i.open;
  return totals;
}
