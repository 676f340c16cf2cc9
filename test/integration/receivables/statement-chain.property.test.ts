/**
 * Property (the issue's): for random slips, receipts, closings and 締め取消 per customer, the latest
 * 請求書's 今回請求額 = 期首残高 + Σ 売上(税込) − Σ 入金 up to that closing, and each 前回請求額 is the
 * previous 今回請求額. The oracle is a small model written here: it decides which slips and receipts
 * each closing bills (everything dated up to the closing that exists by then, late arrivals on the
 * next one) and recomputes 請求単位 tax itself as ⌊net × rate / 100⌋ per statement and rate. It also
 * checks that receipts dated in a closed period are refused and that the balance list agrees.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BalancesResult } from '../../../src-shared/receivables/balances';
import type { ClosingResult, StatementRow } from '../../../src-shared/receivables/statements';
import { makeBooks } from './receivables-fixture';

const MONTH_ENDS = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30'];
const CUSTOMERS = [
  { code: 'SLIP', values: { openingBalance: 0 }, unit: '伝票単位' as const, opening: 0 },
  { code: 'STMT', values: { taxUnit: '請求単位', taxRounding: '切り捨て', openingBalance: 12_345 }, unit: '請求単位' as const, opening: 12_345 },
];

type Op =
  | { op: 'invoice'; c: number; month: number; day: number; std: number; reduced: number }
  | { op: 'pay'; c: number; month: number; day: number; amount: number }
  | { op: 'close'; c: number }
  | { op: 'undo'; c: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('invoice' as const), c: fc.integer({ min: 0, max: 1 }), month: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 28 }), std: fc.integer({ min: 0, max: 50_000 }), reduced: fc.integer({ min: 0, max: 30_000 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pay' as const), c: fc.integer({ min: 0, max: 1 }), month: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 28 }), amount: fc.integer({ min: 1, max: 60_000 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('close' as const), c: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const), c: fc.integer({ min: 0, max: 1 }) }) },
);

interface ModelSlip {
  date: string;
  std: number;
  reduced: number;
  billedBy: number | null;
}
interface ModelReceipt {
  date: string;
  amount: number;
  billedBy: number | null;
}
interface ModelStatement {
  id: number;
  closingDate: string;
  total: number;
}

const dateOf = (month: number, day: number) => `${MONTH_ENDS[month]!.slice(0, 8)}${String(day).padStart(2, '0')}`;
const gross = (s: ModelSlip) => s.std + Math.floor((s.std * 10) / 100) + s.reduced + Math.floor((s.reduced * 8) / 100);

describe('statement chain (property)', () => {
  it('今回請求額 = 期首 + Σ売上(税込) − Σ入金 up to each closing; 前回請求額 = the previous 今回請求額', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 28 }), async (ops) => {
        const b = await makeBooks('2025-08-01');
        try {
          const ids: number[] = [];
          for (const c of CUSTOMERS) ids.push(await b.customer(c.code, c.values));
          const slips: ModelSlip[][] = [[], []];
          const receipts: ModelReceipt[][] = [[], []];
          const stmts: ModelStatement[][] = [[], []];
          let seq = 0;
          for (const o of ops) {
            const closed = stmts[o.c]!.at(-1)?.closingDate ?? null;
            if (o.op === 'invoice') {
              if (o.std + o.reduced === 0) continue;
              const lines = [
                ...(o.std > 0 ? [{ product: 'std' as const, amount: o.std }] : []),
                ...(o.reduced > 0 ? [{ product: 'reduced' as const, amount: o.reduced }] : []),
              ];
              b.invoice(ids[o.c]!, `X${++seq}`, dateOf(o.month, o.day), lines);
              slips[o.c]!.push({ date: dateOf(o.month, o.day), std: o.std, reduced: o.reduced, billedBy: null });
            } else if (o.op === 'pay') {
              const date = dateOf(o.month, o.day);
              const r = await b.t.core.dispatch('payments:record', { customerId: ids[o.c], date, lines: [{ kind: '振込', amount: o.amount }] }, { via: 'test' });
              if (closed !== null && date <= closed) {
                expect(r.ok, `receipt ${date} inside the period closed through ${closed}`).toBe(false);
              } else {
                expect(r.ok).toBe(true);
                receipts[o.c]!.push({ date, amount: o.amount, billedBy: null });
              }
            } else if (o.op === 'close') {
              const idx = closed === null ? 0 : MONTH_ENDS.indexOf(closed) + 1;
              if (idx >= MONTH_ENDS.length) continue;
              const date = MONTH_ENDS[idx]!;
              const unbilled = slips[o.c]!.filter((s) => s.billedBy === null && s.date <= date);
              const paid = receipts[o.c]!.filter((p) => p.billedBy === null && p.date <= date);
              const previous = stmts[o.c]!.at(-1)?.total ?? CUSTOMERS[o.c]!.opening;
              const r = await b.t.core.dispatch('billing:close', { date, customer: CUSTOMERS[o.c]!.code }, { via: 'test' });
              if (unbilled.length === 0 && paid.length === 0 && previous === 0) {
                expect(r.ok).toBe(false); // nothing to bill
                continue;
              }
              expect(r.ok).toBe(true);
              const s = (r as { value: ClosingResult }).value.statements[0]!;
              // the model's own figures
              const sales =
                CUSTOMERS[o.c]!.unit === '伝票単位'
                  ? unbilled.reduce((a, x) => a + gross(x), 0)
                  : (() => {
                      const std = unbilled.reduce((a, x) => a + x.std, 0);
                      const red = unbilled.reduce((a, x) => a + x.reduced, 0);
                      return std + Math.floor((std * 10) / 100) + red + Math.floor((red * 8) / 100);
                    })();
              const received = paid.reduce((a, x) => a + x.amount, 0);
              expect(s.previous).toBe(previous);
              expect(s.received).toBe(received);
              expect(s.salesTotal).toBe(sales);
              expect(s.total).toBe(previous - received + sales);
              for (const x of unbilled) x.billedBy = s.statementId;
              for (const x of paid) x.billedBy = s.statementId;
              stmts[o.c]!.push({ id: s.statementId, closingDate: date, total: s.total });
              // the invariant, from the whole history of the customer
              const billedSales = stmts[o.c]!.reduce((a, st) => a + salesOf(o.c, st.id), 0);
              const billedReceipts = receipts[o.c]!.filter((p) => p.billedBy !== null).reduce((a, p) => a + p.amount, 0);
              expect(s.total).toBe(CUSTOMERS[o.c]!.opening + billedSales - billedReceipts);
            } else {
              const last = stmts[o.c]!.at(-1);
              if (!last) continue;
              await b.t.call('billing:undo', { id: last.id });
              for (const x of slips[o.c]!) if (x.billedBy === last.id) x.billedBy = null;
              for (const x of receipts[o.c]!) if (x.billedBy === last.id) x.billedBy = null;
              stmts[o.c]!.pop();
            }
          }

          function salesOf(c: number, statementId: number): number {
            const billed = slips[c]!.filter((s) => s.billedBy === statementId);
            if (CUSTOMERS[c]!.unit === '伝票単位') return billed.reduce((a, x) => a + gross(x), 0);
            const std = billed.reduce((a, x) => a + x.std, 0);
            const red = billed.reduce((a, x) => a + x.reduced, 0);
            return std + Math.floor((std * 10) / 100) + red + Math.floor((red * 8) / 100);
          }

          // stored chain: each 前回請求額 = the previous 今回請求額
          const rows = (await b.t.call<{ rows: StatementRow[] }>('billing:list', {})).rows;
          for (const [c, cust] of CUSTOMERS.entries()) {
            const chain = rows.filter((r) => r.customer === cust.code).sort((x, y) => (x.closingDate < y.closingDate ? -1 : 1));
            expect(chain.map((r) => r.statementId)).toEqual(stmts[c]!.map((s) => s.id));
            chain.forEach((r, i) => expect(r.previous).toBe(i === 0 ? cust.opening : chain[i - 1]!.total));
          }
          // the balance list: invoiced − received = opening + Σ slips + Σ 消費税調整 − Σ receipts
          const bal = await b.t.call<BalancesResult>('receivables:balances', { asOf: '2025-12-31' });
          for (const [c, cust] of CUSTOMERS.entries()) {
            const adjustments = rows.filter((r) => r.customer === cust.code).reduce((a, r) => a + r.taxAdjustment, 0);
            const expected = cust.opening + slips[c]!.reduce((a, x) => a + gross(x), 0) + adjustments - receipts[c]!.reduce((a, x) => a + x.amount, 0);
            const row = bal.rows.find((r) => r.customer === cust.code);
            expect(row?.balance ?? 0).toBe(expected);
            if (row) expect(row.aging.current + row.aging.d30 + row.aging.d60 + row.aging.d90 + row.aging.over90 - row.unallocated).toBe(row.balance);
          }
        } finally {
          b.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
