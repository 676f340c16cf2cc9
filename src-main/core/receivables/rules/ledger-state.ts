/**
 * Open amounts of a customer's ledger as of a date (docs/receivables-rules.md). Entries dated after
 * the date are left out, and so are allocations touching them; what is owed stays open by the
 * amount not allocated, and credits keep what they did not pay. Used for 消込, 入金予定 and aging,
 * so they all agree with the balance: Σ open − Σ unallocated = invoiced − received.
 */
import { oldestFirst, type Allocation, type Credit, type CreditKind, type Debit, type DebitKind } from './allocation';

export interface LedgerItem {
  kind: 'opening' | 'invoice' | 'adjustment' | 'payment';
  id: number;
  /** '' = 期首残高 */
  date: string;
  /** > 0 owed, < 0 credit; a payment is always a credit */
  amount: number;
}

const key = (kind: string, id: number) => `${kind}:${id}`;

/** Splits the entries into open debits and unallocated credits, applying the stored allocations. */
export function ledgerState(entries: readonly LedgerItem[], pairs: readonly Allocation[], asOf?: string): { debits: Debit[]; credits: Credit[] } {
  const included = entries.filter((e) => asOf === undefined || e.date <= asOf);
  const debits = new Map<string, Debit>();
  const credits = new Map<string, Credit>();
  for (const e of included) {
    if (e.kind !== 'payment' && e.amount > 0) debits.set(key(e.kind, e.id), { kind: e.kind as DebitKind, id: e.id, date: e.date, open: e.amount });
    else if (e.amount !== 0) credits.set(key(e.kind, e.id), { kind: e.kind as CreditKind, id: e.id, date: e.date, unallocated: Math.abs(e.amount) });
  }
  for (const p of pairs) {
    const d = debits.get(key(p.debitKind, p.debitId));
    const c = credits.get(key(p.creditKind, p.creditId));
    if (!d || !c) continue;
    d.open -= p.amount;
    c.unallocated -= p.amount;
  }
  return { debits: oldestFirst([...debits.values()]), credits: oldestFirst([...credits.values()]) };
}

/** Signed totals: invoiced (期首 + invoices + 消費税調整) and received (payments), to the date. */
export function ledgerTotals(entries: readonly LedgerItem[], asOf?: string): { invoiced: number; received: number; balance: number } {
  let invoiced = 0;
  let received = 0;
  for (const e of entries) {
    if (asOf !== undefined && e.date > asOf) continue;
    if (e.kind === 'payment') received += -e.amount;
    else invoiced += e.amount;
  }
  return { invoiced, received, balance: invoiced - received };
}
