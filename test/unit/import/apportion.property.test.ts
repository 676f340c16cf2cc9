/**
 * `apportion` works on integers (plain numbers, or bigint when a product would leave the safe
 * range) for speed (bench/import.bench.ts). Oracle: the largest-remainder method written directly
 * with decimals at 120 significant digits — exact for these magnitudes — which is how the split was
 * computed before (at decimal.js's default 20 digits). Both paths must agree with it on every
 * case, including negative weights (ポイント lines), negative totals, zero sums and ties.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, linesFromRates, type PricedLine } from '../../../src-main/core/import/mapping/money-basis';

const D = Decimal.clone({ precision: 120 });

function oracle(total: number, weights: readonly (number | bigint)[]): number[] {
  const ws = weights.map((w) => new D(w.toString()));
  const sum = ws.reduce((s, w) => s.plus(w), new D(0));
  if (sum.isZero()) return ws.map((_, i) => (i === 0 ? total : 0));
  const exact = ws.map((w) => new D(total).times(w).div(sum));
  const floors = exact.map((e) => e.floor());
  // A part past 2^53 is no yen figure (the property skips such splits): stop here. Its float would
  // make `rest` below the rounding error of the parts, up to ~2^44, and the hand-out loop would
  // then run for minutes (the property timed out about once in 10 runs).
  if (floors.some((f) => f.abs().gt(Number.MAX_SAFE_INTEGER))) return floors.map((f) => f.toNumber());
  const parts = floors.map((f) => f.toNumber());
  // summed exactly: parts near 2^52 add up past 2^53, where a float sum rounds (seed -2122898498 found it)
  let rest = new D(total).minus(floors.reduce((s, p) => s.plus(p), new D(0))).toNumber();
  // the fraction as (total × w − floor × Σ) / Σ: equal remainders compare equal whatever the size of the integer part
  const order = exact
    .map((e, i) => ({ i, frac: new D(total).times(ws[i]!).minus(e.floor().times(sum)).div(sum) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!.i]! += 1;
  return parts.map((p) => (p === 0 ? 0 : p));
}

/** exact tax-excluded value of a priced line, for the linesFromRates oracle */
const exactNet = (l: PricedLine) => (l.taxIncluded && l.taxRate !== 0 ? new D(l.amount).times(100).div(100 + l.taxRate) : new D(l.amount));

describe('apportion on integers = the largest-remainder method on exact decimals', () => {
  it('small weights and totals (the plain-number path), with negatives, zeros and ties', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.array(fc.integer({ min: -50_000, max: 50_000 }), { minLength: 1, maxLength: 9 }), (total, weights) => {
        expect(apportion(total, weights)).toEqual(oracle(total, weights));
      }),
      { numRuns: 3000 },
    );
  });

  it('ties between equal weights go to the earlier part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 2, max: 9 }), (total, w, n) => {
        expect(apportion(total, Array.from({ length: n }, () => w))).toEqual(oracle(total, Array.from({ length: n }, () => w)));
      }),
    );
  });

  it('large figures (the bigint path, and numbers near the safe-integer edge)', () => {
    // past 2^51 the products total × weight leave the plain-number range and the bigint path runs
    const big = fc.integer({ min: -(2 ** 48), max: 2 ** 48 });
    fc.assert(
      fc.property(big, fc.array(fc.oneof(big, fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 6 }), fc.boolean(), (total, weights, asBig) => {
        const ws = asBig ? weights.map((w) => BigInt(w) * 1000n) : weights;
        const want = oracle(total, ws);
        // negative weights can make parts larger than any yen figure: only safe-integer splits are meaningful
        fc.pre(want.every((p) => Number.isSafeInteger(p)));
        expect(apportion(total, ws)).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('linesFromRates splits each rate by the lines’ exact tax-excluded values (tax-included 送料 and negative points mixed in)', () => {
    const line = fc.record({
      amount: fc.integer({ min: -200_000, max: 2_000_000 }),
      taxRate: fc.constantFrom(10, 8, 0),
      taxIncluded: fc.boolean(),
    });
    const figures = fc.record({ net: fc.integer({ min: -100_000, max: 5_000_000 }), tax: fc.integer({ min: -10_000, max: 500_000 }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), figures, figures, figures, (lines, f10, f8, f0) => {
        const rates = [
          { rate: 10, ...f10 },
          { rate: 8, ...f8 },
          { rate: 0, ...f0 },
        ];
        const got = linesFromRates(lines, rates);
        for (const r of rates) {
          const idx = lines.flatMap((l, i) => (l.taxRate === r.rate ? [i] : []));
          if (idx.length === 0) continue;
          const nets = oracle(r.net, idx.map((i) => BigInt(exactNet(lines[i]!).times(110 * 108 * 100).toFixed(0))));
          const taxes = oracle(r.tax, nets);
          idx.forEach((i, k) => expect(got[i]).toEqual({ net: nets[k], tax: taxes[k], gross: nets[k]! + taxes[k]! }));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
