/**
 * 売掛金消込 (docs/receivables-rules.md). Money a customer paid (入金伝票) — and credits such as a
 * negative 消費税調整 — is applied to what the customer owes (期首残高, invoices, positive 消費税調整)
 * oldest first, or by hand. What cannot be applied stays unallocated and is applied later; it
 * counts as received all the same. Pure functions over open amounts; the repository stores the result.
 */

export type DebitKind = 'opening' | 'invoice' | 'adjustment';
export type CreditKind = 'payment' | 'opening' | 'invoice' | 'adjustment';

/** Something owed, with what is still open. Sorted oldest first by (date, order, id). */
export interface Debit {
  kind: DebitKind;
  id: number;
  /** '' for the 期首残高 (older than anything) */
  date: string;
  open: number;
}

/** Money available to apply. */
export interface Credit {
  kind: CreditKind;
  id: number;
  date: string;
  unallocated: number;
}

export interface Allocation {
  creditKind: CreditKind;
  creditId: number;
  debitKind: DebitKind;
  debitId: number;
  amount: number;
}

const KIND_ORDER: Record<DebitKind, number> = { opening: 0, invoice: 1, adjustment: 2 };

/** Oldest first: by date, then 期首 → invoice → adjustment, then id. */
export function oldestFirst<T extends { kind: string; id: number; date: string }>(items: readonly T[]): T[] {
  const order = (k: string) => KIND_ORDER[k as DebitKind] ?? 3;
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order(a.kind) - order(b.kind) || a.id - b.id));
}

/**
 * Applies each credit (in the order given) to the open debits oldest first. Returns the
 * allocations and what is still open / unallocated; the inputs are not changed.
 */
export function allocateOldestFirst(credits: readonly Credit[], debits: readonly Debit[]): { allocations: Allocation[]; debits: Debit[]; credits: Credit[] } {
  const open = oldestFirst(debits).map((d) => ({ ...d }));
  const left = credits.map((c) => ({ ...c }));
  const allocations: Allocation[] = [];
  for (const c of left) {
    for (const d of open) {
      if (c.unallocated <= 0) break;
      if (d.open <= 0) continue;
      const amount = Math.min(c.unallocated, d.open);
      allocations.push({ creditKind: c.kind, creditId: c.id, debitKind: d.kind, debitId: d.id, amount });
      c.unallocated -= amount;
      d.open -= amount;
    }
  }
  return { allocations, debits: open, credits: left };
}

/** A hand allocation: this much of the credit to that debit. */
export interface ManualAllocation {
  debitKind: DebitKind;
  debitId: number;
  amount: number;
  /** how the clerk named it (受注番号 …), for messages */
  label: string;
}

/** Problems of hand allocations against the credit amount and the debits' open amounts (Japanese). */
export function manualAllocationProblems(amount: number, requested: readonly ManualAllocation[], debits: readonly Debit[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const r of requested) {
    const key = `${r.debitKind}:${r.debitId}`;
    if (seen.has(key)) problems.push(`${r.label} が2回指定されています。1回にまとめてください。`);
    seen.add(key);
    if (!Number.isSafeInteger(r.amount) || r.amount <= 0) {
      problems.push(`${r.label} の消込金額は1円以上の整数で指定してください。`);
      continue;
    }
    const d = debits.find((x) => x.kind === r.debitKind && x.id === r.debitId);
    if (!d || d.open <= 0) problems.push(`${r.label} は未入金の残高がありません。`);
    else if (r.amount > d.open) problems.push(`${r.label} の消込金額 ${r.amount}円 が未入金残高 ${d.open}円 を超えています。`);
    total += r.amount;
  }
  if (total > amount) problems.push(`消込金額の合計 ${total}円 が入金額 ${amount}円 を超えています。`);
  return problems;
}
