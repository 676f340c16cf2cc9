import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { priceIncludingTax, rerateTaxIncluded, taxOn } from '../../../src-shared/tax-update/rerate';

// Independent exact reference: Decimal at 80 significant digits. For |price| < 2^53 and
// denominators ≤ 200 the quotient is either exact or at least 1/200 away from any integer or half,
// so rounding the 80-digit quotient with Decimal's own modes equals rounding the exact rational.
const D = Decimal.clone({ precision: 80 });
const REF_MODE: Record<RoundingMode, Decimal.Rounding> = { floor: D.ROUND_DOWN, ceil: D.ROUND_UP, round: D.ROUND_HALF_UP };
function reference(price: number, oldRate: number, newRate: number, mode: RoundingMode): number {
  const n = new D(price)
    .times(100 + newRate)
    .div(100 + oldRate)
    .toDecimalPlaces(0, REF_MODE[mode])
    .toNumber();
  return n === 0 ? 0 : n; // Decimal yields −0; the app never does
}

describe('rerateTaxIncluded — worked examples (8 % → 10 %)', () => {
  const table: [number, number, number, number][] = [
    // old incl, 切り捨て, 切り上げ, 四捨五入
    [1080, 1100, 1100, 1100],
    [3240, 3300, 3300, 3300],
    [1000, 1018, 1019, 1019],
    [980, 998, 999, 998],
    [500, 509, 510, 509],
  ];
  it.each(table)('%i → floor %i / ceil %i / round %i', (old, floor, ceil, round) => {
    expect(rerateTaxIncluded(old, 8, 10, 'floor')).toBe(floor);
    expect(rerateTaxIncluded(old, 8, 10, 'ceil')).toBe(ceil);
    expect(rerateTaxIncluded(old, 8, 10, 'round')).toBe(round);
  });

  it('double rounding (base first) would differ by ¥1 in three rows; the app does not do that', () => {
    const doubleRounded = (p: number): number => Math.floor((Math.floor((p * 100) / 108) * 110) / 100);
    const rows = [1080, 3240, 1000, 980, 500];
    const differing = rows.filter((p) => doubleRounded(p) !== rerateTaxIncluded(p, 8, 10, 'floor'));
    expect(differing).toHaveLength(3);
  });

  it('negative option −100 rounds by magnitude: −101 / −102 / −102', () => {
    expect(rerateTaxIncluded(-100, 8, 10, 'floor')).toBe(-101);
    expect(rerateTaxIncluded(-100, 8, 10, 'ceil')).toBe(-102);
    expect(rerateTaxIncluded(-100, 8, 10, 'round')).toBe(-102);
  });

  it('negative option −108 → −110 in every mode', () => {
    for (const m of ['floor', 'ceil', 'round'] as const) expect(rerateTaxIncluded(-108, 8, 10, m)).toBe(-110);
  });

  it('reduced rate unchanged (8 → 8) keeps the price in every mode', () => {
    for (const m of ['floor', 'ceil', 'round'] as const) {
      expect(rerateTaxIncluded(1000, 8, 8, m)).toBe(1000);
      expect(rerateTaxIncluded(-7, 8, 8, m)).toBe(-7);
    }
  });

  it('a reduced-rate cut 8 → 6 re-rates by 106/108', () => {
    expect(rerateTaxIncluded(1080, 8, 6, 'floor')).toBe(1060);
    expect(rerateTaxIncluded(1000, 8, 6, 'floor')).toBe(981); // 981.48…
    expect(rerateTaxIncluded(1000, 8, 6, 'ceil')).toBe(982);
  });

  it('zero stays zero and never yields −0', () => {
    expect(Object.is(rerateTaxIncluded(0, 8, 10, 'ceil'), 0)).toBe(true);
    expect(Object.is(rerateTaxIncluded(-1, 100, 0, 'floor'), 0)).toBe(true); // −0.5 toward zero
  });

  it('rejects non-integer prices and invalid rates', () => {
    expect(() => rerateTaxIncluded(10.5, 8, 10, 'floor')).toThrow(RangeError);
    expect(() => rerateTaxIncluded(Number.NaN, 8, 10, 'floor')).toThrow(RangeError);
    expect(() => rerateTaxIncluded(100, 8.5, 10, 'floor')).toThrow(RangeError);
    expect(() => rerateTaxIncluded(100, 8, 101, 'floor')).toThrow(RangeError);
    expect(() => rerateTaxIncluded(100, -1, 10, 'floor')).toThrow(RangeError);
    expect(() => rerateTaxIncluded(Number.MAX_SAFE_INTEGER, 8, 10, 'floor')).toThrow(RangeError); // result not safe
  });
});

describe('taxOn / priceIncludingTax — tax-exclusive ¥1,234', () => {
  it('8 %: 98.72 → 98 floor, 99 ceil, 99 round; 10 %: 123.4 → 123 / 124 / 123', () => {
    expect(taxOn(1234, 8, 'floor')).toBe(98);
    expect(taxOn(1234, 8, 'ceil')).toBe(99);
    expect(taxOn(1234, 8, 'round')).toBe(99);
    expect(taxOn(1234, 10, 'floor')).toBe(123);
    expect(taxOn(1234, 10, 'ceil')).toBe(124);
    expect(taxOn(1234, 10, 'round')).toBe(123);
  });
  it('a 税抜 base keeps its base and gets tax at the new rate; a 税込 price is returned as is', () => {
    expect(priceIncludingTax(1234, false, 8, 'floor')).toBe(1332);
    expect(priceIncludingTax(1234, false, 10, 'floor')).toBe(1357);
    expect(priceIncludingTax(1234, true, 10, 'floor')).toBe(1234);
    expect(priceIncludingTax(-100, false, 10, 'ceil')).toBe(-110);
    expect(priceIncludingTax(-105, false, 10, 'floor')).toBe(-115); // −10.5 → −10 toward zero
  });
});

describe('rerateTaxIncluded — properties against an exact rational reference', () => {
  const safeHalf = Math.floor(Number.MAX_SAFE_INTEGER / 2);
  const modeArb = fc.constantFrom<RoundingMode>('floor', 'ceil', 'round');
  const rateArb = fc.integer({ min: 0, max: 100 });
  const priceArb = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -safeHalf, max: safeHalf }),
    fc.constantFrom(0, 1, -1, 108, -108, 1080, 999, 5, -5, safeHalf, -safeHalf),
  );

  it('equals the reference for 12,000 random cases and is always a safe integer', () => {
    fc.assert(
      fc.property(priceArb, rateArb, rateArb, modeArb, (price, oldRate, newRate, mode) => {
        const got = rerateTaxIncluded(price, oldRate, newRate, mode);
        expect(Number.isSafeInteger(got)).toBe(true);
        expect(got).toBe(reference(price, oldRate, newRate, mode));
      }),
      { numRuns: 12_000 },
    );
  });

  it('rounds by magnitude: f(−p) = −f(p), and floor ≤ round ≤ ceil in magnitude, within ¥1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: safeHalf }), rateArb, rateArb, (p, o, n) => {
        const fl = rerateTaxIncluded(p, o, n, 'floor');
        const ce = rerateTaxIncluded(p, o, n, 'ceil');
        const ro = rerateTaxIncluded(p, o, n, 'round');
        for (const m of ['floor', 'ceil', 'round'] as const) {
          expect(rerateTaxIncluded(-p, o, n, m)).toBe(-rerateTaxIncluded(p, o, n, m) || 0);
        }
        expect(fl <= ro && ro <= ce && ce - fl <= 1).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('the 8 → 10 preset ratio matches the reference for every price 0..20,000 (exhaustive)', () => {
    for (let p = 0; p <= 20_000; p++) {
      for (const m of ['floor', 'ceil', 'round'] as const) {
        const got = rerateTaxIncluded(p, 8, 10, m);
        if (got !== reference(p, 8, 10, m)) throw new Error(`mismatch at ${p} ${m}`);
      }
    }
  });

  it('taxOn equals the reference base × rate / 100', () => {
    fc.assert(
      fc.property(priceArb, rateArb, modeArb, (base, rate, mode) => {
        const ref = new D(base).times(rate).div(100).toDecimalPlaces(0, REF_MODE[mode]).toNumber();
        expect(taxOn(base, rate, mode)).toBe(ref === 0 ? 0 : ref);
      }),
      { numRuns: 10_000 },
    );
  });
});
