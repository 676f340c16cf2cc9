/**
 * The import reads the common line (plain 単価 / 入数 strings, valid counts) and BCart's per-rate
 * yen strings without decimal.js for speed (bench/import.bench.ts); anything else goes the decimal
 * path. Oracle: the set-price rule of docs/import-rules.md#product-lines-and-pack-quantity written
 * directly with decimals here — a draft with 単価 = 単価 × 入数 and 金額 = that × 注文数 when both are
 * whole safe-integer yen and the 入数 equals the 計上単位, otherwise no draft and the problem code.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRateBuckets } from '../../../src-main/core/import/mapping/check-rate-buckets';
import type { InvoiceLineDraft } from '../../../src-main/core/import/mapping/import-plan';
import { OrderProblems } from '../../../src-main/core/import/mapping/import-problem';
import { mapProductLine } from '../../../src-main/core/import/mapping/map-product-line';
import { parseYen } from '../../../src-main/core/import/mapping/yen-amount';
import { line, masters, product } from './fixtures';

const safeWhole = (d: Decimal): number | null => (d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() || 0 : null);

function expected(unitPrice: string, setQuantity: string, count: number, unitQuantity: number): { unitPrice: number; amount: number } | string {
  let price: Decimal;
  let sets: Decimal;
  try {
    price = new Decimal(unitPrice.trim());
    sets = new Decimal(setQuantity.trim());
  } catch {
    return 'INVALID_NUMBER';
  }
  if (!price.isFinite() || !sets.isFinite() || sets.lte(0)) return 'INVALID_NUMBER';
  if (!sets.equals(unitQuantity)) return 'UNIT_QUANTITY_MISMATCH';
  const perSet = safeWhole(price.times(sets));
  if (perSet === null) return 'NON_INTEGER_SET_PRICE';
  const amount = safeWhole(price.times(sets).times(count));
  return amount === null ? 'INVALID_NUMBER' : { unitPrice: perSet, amount };
}

const decimalText = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 3 })).map(([i, f, n]) => `${i}.${String(f).padStart(3, '0').slice(0, n)}`),
  fc.constantFrom('12.5', ' 40 ', '007', '1e3', '-5', '0', '0.000', '99999999999.999', '999999999999', '1.', '.5', 'abc', ''),
  fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String),
);

describe('plain figures read without decimal.js = the decimal rule', () => {
  it('mapProductLine: 単価 × 入数 × 注文数, or the same problem', () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.oneof(fc.integer({ min: 1, max: 48 }).map(String), decimalText),
        fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(10 ** 9, 2 ** 40)),
        fc.constantFrom(1, 6, 12, 24, 1.5),
        (unitPrice, setQuantity, count, unitQuantity) => {
          const p = product(7, 'P-7', unitQuantity);
          const problems = new OrderProblems(1, 'O-1');
          const got = mapProductLine(line(70, p, { unitPrice, setQuantity, orderProCount: count }), 900, masters([p]), problems);
          const want = expected(unitPrice, setQuantity, count, unitQuantity);
          if (typeof want === 'string') {
            expect(got).toBeNull();
            expect(problems.list.map((x) => x.code)).toContain(want);
          } else {
            expect(problems.list).toEqual([]);
            expect(got).toMatchObject({ quantity: count, unitPrice: want.unitPrice, amount: want.amount });
          }
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('parseYen: whole safe-integer yen, or null', () => {
    fc.assert(
      fc.property(fc.oneof(decimalText, fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map(String), fc.constantFrom('-0', '-0.00', '1200.00', ' -550 ', '9007199254740993')), (text) => {
        let want: number | null;
        try {
          const d = new Decimal(text.trim());
          want = d.isFinite() ? safeWhole(d) : null;
        } catch {
          want = null;
        }
        if (text.trim() === '') want = null;
        expect(parseYen(text)).toBe(want);
      }),
      { numRuns: 4000 },
    );
  });

  it('checkRateBuckets on scaled integers: a rate mismatches when |Σ exact tax-excluded − bucket| > converted lines', () => {
    const D = Decimal.clone({ precision: 120 });
    const lineArb = fc.record({ amount: fc.integer({ min: -5000, max: 200_000 }), taxRate: fc.constantFrom(10, 8, 0), taxIncluded: fc.boolean() });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: -3, max: 3 }), (ls, skew) => {
        const lines = ls.map((l) => ({ ...l, kind: 'product', productId: 1, productCode: null, bcartOrderProductId: null, quantity: 1, unitPrice: l.amount, taxClassId: 1, inventoryTracked: false }) as InvoiceLineDraft);
        const exact = (r: number) => lines.filter((l) => l.taxRate === r && l.amount !== 0).reduce((s, l) => s.plus(l.taxIncluded && r !== 0 ? new D(l.amount).times(100).div(100 + r) : l.amount), new D(0));
        const converted = (r: number) => lines.filter((l) => l.taxRate === r && l.amount !== 0 && l.taxIncluded && r !== 0).length;
        // buckets near the exact sum, so the ±1-per-converted-line edge is exercised
        const byRate = ([10, 8, 0] as const).map((rate) => ({ rate, taxClassId: 1, net: exact(rate).round().toNumber() + skew, tax: 0, gross: 0 }));
        const want = byRate.filter((b) => lines.some((l) => l.taxRate === b.rate && l.amount !== 0) && exact(b.rate).minus(b.net).abs().gt(converted(b.rate))).map((b) => b.rate);
        const problems = new OrderProblems(1, 'O-1');
        expect(checkRateBuckets(lines, byRate, problems).sort()).toEqual(want.sort());
        expect(problems.list.length).toBe(want.length);
      }),
      { numRuns: 3000 },
    );
  });
});
