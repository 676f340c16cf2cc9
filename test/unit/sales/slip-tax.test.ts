/**
 * 売上伝票 tax: once per rate per slip with the customer's rounding. The oracle is an exact
 * decimal reference (decimal.js, rounding by magnitude written out here), not the code's bigint path.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { computeSlipTotals, lineAmount, type PriceMode, type TaxLineInput } from '../../../src-shared/sales/slip-tax';

/** exact x rounded by magnitude: floor toward 0, ceil away from 0, round half away from 0 */
function refRound(x: Decimal, mode: RoundingMode): number {
  const m = x.abs();
  const r = mode === 'floor' ? m.floor() : mode === 'ceil' ? m.ceil() : m.plus(0.5).floor();
  const n = x.isNegative() ? -r.toNumber() : r.toNumber();
  return n === 0 ? 0 : n;
}

function reference(lines: TaxLineInput[], mode: PriceMode, rounding: RoundingMode) {
  const sums = new Map<number, Decimal>();
  for (const l of lines) sums.set(l.taxRate, (sums.get(l.taxRate) ?? new Decimal(0)).plus(new Decimal(l.quantity).times(l.unitPrice)));
  return [...sums.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rate, amount]) => {
      const tax = mode === '税抜' ? refRound(amount.times(rate).div(100), rounding) : refRound(amount.times(rate).div(100 + rate), rounding);
      const net = mode === '税抜' ? amount.toNumber() : amount.toNumber() - tax;
      return { rate, net, tax, gross: net + tax };
    });
}

const lineArb: fc.Arbitrary<TaxLineInput> = fc.record({
  quantity: fc.integer({ min: -500, max: 500 }).filter((q) => q !== 0),
  unitPrice: fc.integer({ min: 0, max: 2_000_000 }),
  taxRate: fc.constantFrom(10, 8, 0),
});
const modeArb = fc.constantFrom<PriceMode>('税込', '税抜');
const roundingArb = fc.constantFrom<RoundingMode>('floor', 'ceil', 'round');

describe('computeSlipTotals — worked examples (docs/tax-rules.md)', () => {
  it('税抜, 10 %, 切り捨て: 3 lines × ¥105 → tax once on ¥315 = ¥31, not 3 × ¥10', () => {
    const t = computeSlipTotals([1, 2, 3].map(() => ({ quantity: 1, unitPrice: 105, taxRate: 10 })), '税抜', 'floor');
    expect(t.byRate).toEqual([{ rate: 10, net: 315, tax: 31, gross: 346 }]);
    expect([t.net, t.tax, t.total]).toEqual([315, 31, 346]);
  });

  it('税込: the tax is backed out of each rate’s gross (¥1,100 at 10 % → ¥100; ¥1,080 at 8 % → ¥80)', () => {
    const t = computeSlipTotals(
      [
        { quantity: 2, unitPrice: 550, taxRate: 10 },
        { quantity: 1, unitPrice: 1080, taxRate: 8 },
      ],
      '税込',
      'floor',
    );
    expect(t.byRate).toEqual([
      { rate: 10, net: 1000, tax: 100, gross: 1100 },
      { rate: 8, net: 1000, tax: 80, gross: 1080 },
    ]);
    expect(t.total).toBe(2180);
  });

  it('税込 with rounding: ¥1,000 incl. 10 % → 90.90… → 切り捨て 90, 切り上げ 91, 四捨五入 91', () => {
    const line = [{ quantity: 1, unitPrice: 1000, taxRate: 10 }];
    expect(computeSlipTotals(line, '税込', 'floor').tax).toBe(90);
    expect(computeSlipTotals(line, '税込', 'ceil').tax).toBe(91);
    expect(computeSlipTotals(line, '税込', 'round').tax).toBe(91);
    expect(computeSlipTotals(line, '税込', 'floor').net).toBe(910);
  });

  it('返品 lines round by magnitude: −3 × ¥105 at 10 % 切り捨て → tax −31', () => {
    const t = computeSlipTotals([{ quantity: -3, unitPrice: 105, taxRate: 10 }], '税抜', 'floor');
    expect(t.byRate).toEqual([{ rate: 10, net: -315, tax: -31, gross: -346 }]);
  });

  it('a sale and its 返品 of one rate net out before rounding', () => {
    const t = computeSlipTotals(
      [
        { quantity: 5, unitPrice: 99, taxRate: 10 },
        { quantity: -2, unitPrice: 99, taxRate: 10 },
      ],
      '税抜',
      'floor',
    );
    expect(t.byRate).toEqual([{ rate: 10, net: 297, tax: 29, gross: 326 }]);
  });

  it('非課税 0 % lines have no tax and stay their own rate', () => {
    const t = computeSlipTotals(
      [
        { quantity: 1, unitPrice: 500, taxRate: 0 },
        { quantity: 1, unitPrice: 500, taxRate: 10 },
      ],
      '税込',
      'floor',
    );
    expect(t.byRate).toEqual([
      { rate: 10, net: 455, tax: 45, gross: 500 },
      { rate: 0, net: 500, tax: 0, gross: 500 },
    ]);
  });

  it('lineAmount refuses amounts past safe integers instead of losing yen', () => {
    expect(lineAmount(3, 7)).toBe(21);
    expect(() => lineAmount(10_000_000, 10_000_000_000)).toThrow(RangeError);
  });
});

describe('computeSlipTotals — properties against an exact reference', () => {
  it('per-rate figures equal the exact decimal reference for every mode and rounding', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), modeArb, roundingArb, (lines, mode, rounding) => {
        const t = computeSlipTotals(lines, mode, rounding);
        expect(t.byRate).toEqual(reference(lines, mode, rounding));
        expect(t.total).toBe(t.net + t.tax);
        expect(t.net).toBe(t.byRate.reduce((s, r) => s + r.net, 0));
      }),
      { numRuns: 2000 },
    );
  });

  it('line nets add up to each rate’s net exactly, and stay within ¥1 per line of the line’s own back-out', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), modeArb, roundingArb, (lines, mode, rounding) => {
        const t = computeSlipTotals(lines, mode, rounding);
        for (const r of t.byRate) {
          const idx = lines.map((l, i) => (l.taxRate === r.rate ? i : -1)).filter((i) => i >= 0);
          expect(idx.reduce((s, i) => s + t.lineNets[i]!, 0)).toBe(r.net);
          if (mode === '税抜') for (const i of idx) expect(t.lineNets[i]).toBe(t.lineAmounts[i]);
          else {
            const exact = idx.map((i) => new Decimal(t.lineAmounts[i]!).times(100).div(100 + r.rate));
            const drift = idx.reduce((s, i, k) => s + Math.abs(t.lineNets[i]! - exact[k]!.toNumber()), 0);
            // every line is within ½ yen; the rate's rounding residue (< 1 yen + ½ per line) sits on one line
            expect(drift).toBeLessThanOrEqual(idx.length + 1);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
