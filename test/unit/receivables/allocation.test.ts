/** 消込 rules: oldest first, partial, over-payment, hand allocations, aging buckets and the ledger state. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agingBucket, agingTotals } from '../../../src-main/core/receivables/rules/aging';
import { allocateOldestFirst, manualAllocationProblems, oldestFirst, type Debit } from '../../../src-main/core/receivables/rules/allocation';
import { isInClosedPeriod, closedPeriodMessage } from '../../../src-main/core/receivables/rules/closed-period';
import { ledgerState, ledgerTotals } from '../../../src-main/core/receivables/rules/ledger-state';

const inv = (id: number, date: string, open: number): Debit => ({ kind: 'invoice', id, date, open });

describe('allocation', () => {
  it('oldest first: 期首残高, then invoices by date then id, then 消費税調整 of the same day', () => {
    const sorted = oldestFirst([
      { kind: 'adjustment', id: 1, date: '2025-01-31', open: 1 },
      inv(9, '2025-01-31', 10),
      inv(3, '2025-01-05', 10),
      inv(2, '2025-01-05', 10),
      { kind: 'opening', id: 7, date: '', open: 5 },
    ] as Debit[]);
    expect(sorted.map((d) => `${d.kind}${d.id}`)).toEqual(['opening7', 'invoice2', 'invoice3', 'invoice9', 'adjustment1']);
  });

  it('a partial receipt pays the oldest invoice first and part of the next', () => {
    const r = allocateOldestFirst([{ kind: 'payment', id: 1, date: '2025-02-10', unallocated: 15_000 }], [inv(2, '2025-01-20', 10_000), inv(1, '2025-01-10', 8_000)]);
    expect(r.allocations).toEqual([
      { creditKind: 'payment', creditId: 1, debitKind: 'invoice', debitId: 1, amount: 8_000 },
      { creditKind: 'payment', creditId: 1, debitKind: 'invoice', debitId: 2, amount: 7_000 },
    ]);
    expect(r.debits.map((d) => d.open)).toEqual([0, 3_000]);
    expect(r.credits[0]!.unallocated).toBe(0);
  });

  it('an over-payment keeps the rest unallocated; applied later it pays the next invoice', () => {
    const first = allocateOldestFirst([{ kind: 'payment', id: 1, date: '2025-02-10', unallocated: 15_000 }], [inv(1, '2025-01-10', 10_000)]);
    expect(first.credits[0]!.unallocated).toBe(5_000);
    const later = allocateOldestFirst(first.credits, [...first.debits, inv(2, '2025-02-15', 8_000)]);
    expect(later.allocations).toEqual([{ creditKind: 'payment', creditId: 1, debitKind: 'invoice', debitId: 2, amount: 5_000 }]);
    expect(later.debits.find((d) => d.id === 2)!.open).toBe(3_000);
  });

  it('hand allocations: each problem is named', () => {
    const debits = [inv(1, '2025-01-10', 10_000), inv(2, '2025-01-20', 5_000)];
    expect(manualAllocationProblems(20_000, [{ debitKind: 'invoice', debitId: 1, amount: 10_000, label: 'H0001' }], debits)).toEqual([]);
    expect(manualAllocationProblems(20_000, [{ debitKind: 'invoice', debitId: 2, amount: 6_000, label: 'H0002' }], debits)[0]).toContain('H0002 の消込金額 6000円 が未入金残高 5000円 を超えています');
    expect(manualAllocationProblems(12_000, [
      { debitKind: 'invoice', debitId: 1, amount: 10_000, label: 'H0001' },
      { debitKind: 'invoice', debitId: 2, amount: 5_000, label: 'H0002' },
    ], debits)).toEqual(['消込金額の合計 15000円 が入金額 12000円 を超えています。']);
    expect(manualAllocationProblems(1_000, [{ debitKind: 'invoice', debitId: 3, amount: 1_000, label: 'H0003' }], debits)[0]).toContain('H0003 は未入金の残高がありません');
    expect(manualAllocationProblems(1_000, [
      { debitKind: 'invoice', debitId: 1, amount: 100, label: 'H0001' },
      { debitKind: 'invoice', debitId: 1, amount: 100, label: 'H0001' },
    ], debits)[0]).toContain('2回指定');
  });

  it('property: money is conserved and nothing is over-applied', () => {
    const debitArb = fc.record({ id: fc.integer({ min: 1, max: 1000 }), day: fc.integer({ min: 1, max: 28 }), open: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(
      fc.property(
        fc.uniqueArray(debitArb, { selector: (d) => d.id, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 150_000 }), { maxLength: 5 }),
        (ds, amounts) => {
          const debits = ds.map((d) => inv(d.id, `2025-01-${String(d.day).padStart(2, '0')}`, d.open));
          const credits = amounts.map((a, i) => ({ kind: 'payment' as const, id: i + 1, date: '2025-02-01', unallocated: a }));
          const r = allocateOldestFirst(credits, debits);
          const applied = r.allocations.reduce((s, a) => s + a.amount, 0);
          const owed = debits.reduce((s, d) => s + d.open, 0);
          const paid = amounts.reduce((s, a) => s + a, 0);
          expect(applied).toBe(Math.min(owed, paid));
          expect(r.debits.every((d) => d.open >= 0)).toBe(true);
          expect(r.credits.every((c) => c.unallocated >= 0)).toBe(true);
          // oldest first: no open amount remains before a debit that received money from a later position
          const order = oldestFirst(debits);
          const lastPaid = Math.max(-1, ...r.allocations.map((a) => order.findIndex((d) => d.id === a.debitId)));
          for (let i = 0; i < lastPaid; i++) expect(r.debits[i]!.open).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('aging', () => {
  it('buckets by days past due: 0 → 期日前, 1/30 → 1〜30日, 31/60, 61/90, 91+', () => {
    const cases: [string, string][] = [
      ['2025-03-31', 'current'],
      ['2025-04-10', 'current'],
      ['2025-03-30', 'd30'],
      ['2025-03-01', 'd30'],
      ['2025-02-28', 'd60'],
      ['2025-01-30', 'd60'],
      ['2025-01-29', 'd90'],
      ['2024-12-31', 'd90'],
      ['2024-12-30', 'over90'],
    ];
    for (const [due, bucket] of cases) expect(agingBucket(due, '2025-03-31'), due).toBe(bucket);
    expect(agingTotals([{ dueDate: '2025-03-01', open: 5 }, { dueDate: '2025-03-30', open: 7 }, { dueDate: '2024-01-01', open: 1 }], '2025-03-31')).toEqual({
      current: 0,
      d30: 12,
      d60: 0,
      d90: 0,
      over90: 1,
    });
  });
});

describe('ledger state', () => {
  const entries = [
    { kind: 'opening' as const, id: 1, date: '', amount: 3_000 },
    { kind: 'invoice' as const, id: 10, date: '2025-01-10', amount: 10_000 },
    { kind: 'adjustment' as const, id: 5, date: '2025-01-31', amount: -1 },
    { kind: 'payment' as const, id: 7, date: '2025-02-05', amount: -8_000 },
    { kind: 'invoice' as const, id: 11, date: '2025-02-10', amount: 4_000 },
  ];
  const pairs = [
    { creditKind: 'payment' as const, creditId: 7, debitKind: 'opening' as const, debitId: 1, amount: 3_000 },
    { creditKind: 'payment' as const, creditId: 7, debitKind: 'invoice' as const, debitId: 10, amount: 5_000 },
  ];

  it('applies stored allocations; negative amounts are credits', () => {
    const s = ledgerState(entries, pairs);
    expect(s.debits.map((d) => [d.kind, d.id, d.open])).toEqual([['opening', 1, 0], ['invoice', 10, 5_000], ['invoice', 11, 4_000]]);
    expect(s.credits.map((c) => [c.kind, c.id, c.unallocated])).toEqual([['adjustment', 5, 1], ['payment', 7, 0]]);
    expect(ledgerTotals(entries)).toEqual({ invoiced: 16_999, received: 8_000, balance: 8_999 });
  });

  it('as of a date, later entries and their allocations are left out; Σ open − Σ unallocated = balance', () => {
    const s = ledgerState(entries, pairs, '2025-01-31');
    expect(s.debits.map((d) => d.open)).toEqual([3_000, 10_000]);
    const t = ledgerTotals(entries, '2025-01-31');
    expect(t).toEqual({ invoiced: 12_999, received: 0, balance: 12_999 });
    const open = s.debits.reduce((a, d) => a + d.open, 0) - s.credits.reduce((a, c) => a + c.unallocated, 0);
    expect(open).toBe(t.balance);
  });
});

describe('closed period', () => {
  it('a date on or before the last closing is closed', () => {
    expect(isInClosedPeriod('2025-01-31', '2025-01-31')).toBe(true);
    expect(isInClosedPeriod('2025-02-01', '2025-01-31')).toBe(false);
    expect(isInClosedPeriod('2020-01-01', null)).toBe(false);
    expect(closedPeriodMessage('入金を登録', '2025-01-15', '2025-01-31')).toContain('締め取消');
  });
});
