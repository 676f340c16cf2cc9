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
    // The oracle adds exact fractions (bigint numerator / denominator, each line its own): a
    // 120-digit decimal oracle rounded 100/110 of two tax-included lines whose exact sum is whole
    // to just above it, and flagged a rate that sits exactly on the ±1-per-line edge.
    type Fraction = { n: bigint; d: bigint };
    const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
    const taxExcluded = (l: { amount: number; taxIncluded: boolean }, r: number): Fraction =>
      l.taxIncluded && r !== 0 ? { n: BigInt(l.amount) * 100n, d: BigInt(100 + r) } : { n: BigInt(l.amount), d: 1n };
    /** round half up of a fraction with d > 0, for the bucket near the exact sum */
    const rounded = (f: Fraction): number => {
      const twice = 2n * f.n + f.d;
      const q = twice / (2n * f.d);
      return Number(twice < 0n && q * 2n * f.d !== twice ? q - 1n : q);
    };
    const lineArb = fc.record({ amount: fc.integer({ min: -5000, max: 200_000 }), taxRate: fc.constantFrom(10, 8, 0), taxIncluded: fc.boolean() });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: -3, max: 3 }), (ls, skew) => {
        const lines = ls.map((l) => ({ ...l, kind: 'product', productId: 1, productCode: null, bcartOrderProductId: null, quantity: 1, unitPrice: l.amount, taxClassId: 1, inventoryTracked: false }) as InvoiceLineDraft);
        const exact = (r: number) => lines.filter((l) => l.taxRate === r && l.amount !== 0).reduce((s, l) => add(s, taxExcluded(l, r)), { n: 0n, d: 1n });
        const converted = (r: number) => lines.filter((l) => l.taxRate === r && l.amount !== 0 && l.taxIncluded && r !== 0).length;
        // buckets near the exact sum, so the ±1-per-converted-line edge is exercised
        const byRate = ([10, 8, 0] as const).map((rate) => ({ rate, taxClassId: 1, net: rounded(exact(rate)) + skew, tax: 0, gross: 0, appTax: 0 }));
        const beyond = (b: { rate: number; net: number }) => {
          const e = exact(b.rate);
          const diff = e.n - BigInt(b.net) * e.d;
          return (diff < 0n ? -diff : diff) > BigInt(converted(b.rate)) * e.d;
        };
        const want = byRate.filter((b) => lines.some((l) => l.taxRate === b.rate && l.amount !== 0) && beyond(b)).map((b) => b.rate);
        const problems = new OrderProblems(1, 'O-1');
        expect(checkRateBuckets(lines, byRate, problems).sort()).toEqual(want.sort());
        expect(problems.list.length).toBe(want.length);
      }),
      { numRuns: 3000 },
    );
  });
});
