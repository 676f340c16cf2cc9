/**
 * The per-rate sums of a slip (appRateFigures, lineSumsByRate) add plain numbers while every partial
 * sum is a safe integer and switch to bigint past that (bench/import.bench.ts: the import sums
 * ~80,000 lines per 10,000 orders). Oracle: the same rules written here with decimal.js at 120
 * digits — tax once per slip per rate (docs/tax-rules.md), rounded by magnitude — over amounts from
 * yen to near 2^53, so both the number path and the bigint path are exercised.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineSumsByRate } from '../../../src-main/core/import/mapping/check-rate-buckets';
import { appRateFigures, type PricedLine } from '../../../src-main/core/import/mapping/money-basis';
import type { RoundingMode } from '../../../src-shared/domain/rounding';

const D = Decimal.clone({ precision: 120 });
const MODE: Record<RoundingMode, Decimal.Rounding> = { floor: Decimal.ROUND_DOWN, ceil: Decimal.ROUND_UP, round: Decimal.ROUND_HALF_UP };

const amount = fc.oneof(
  fc.integer({ min: -5_000, max: 200_000 }),
  fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
  fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 0),
);
const lineArb = fc.record({ amount, taxRate: fc.constantFrom(10, 8, 0), taxIncluded: fc.boolean() });

function oracleFigures(lines: readonly PricedLine[], mode: RoundingMode) {
  const rates = [...new Set(lines.map((l) => l.taxRate))].sort((a, b) => b - a);
  return rates.map((rate) => {
    const sum = (incl: boolean) =>
      lines.filter((l) => l.taxRate === rate && l.taxIncluded === incl).reduce((s, l) => s.plus(l.amount), new D(0));
    const excl = sum(false);
    const incl = sum(true);
    const taxOfExcl = excl.times(rate).div(100).toDecimalPlaces(0, MODE[mode]);
    const taxOfIncl = incl
      .times(rate)
      .div(100 + rate)
      .toDecimalPlaces(0, MODE[mode]);
    const net = excl.plus(incl).minus(taxOfIncl);
    const tax = taxOfExcl.plus(taxOfIncl);
    // || 0: a decimal zero may read as -0; the app's figures never are
    return { rate, net: net.toNumber() || 0, tax: tax.toNumber() || 0, gross: net.plus(tax).toNumber() || 0 };
  });
}

describe('per-rate sums: numbers while safe, bigint past that = exact decimals', () => {
  it('appRateFigures', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<RoundingMode>('floor', 'ceil', 'round'),
        (lines, mode) => {
          const want = oracleFigures(lines, mode);
          // the figures are numbers: compare where the oracle's are exact in a double, as the code's are
          fc.pre(want.every((w) => Number.isSafeInteger(w.net) && Number.isSafeInteger(w.tax) && Number.isSafeInteger(w.gross)));
          expect(appRateFigures(lines, mode)).toEqual(want);
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('lineSumsByRate: Σ amount × (100 + rate), or × 100 for a tax-included line, per rate in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), (lines) => {
        const rates: number[] = [];
        for (const l of lines) if (l.amount !== 0 && !rates.includes(l.taxRate)) rates.push(l.taxRate);
        const want = rates.map((rate) => {
          const of = lines.filter((l) => l.amount !== 0 && l.taxRate === rate);
          const converted = (l: PricedLine) => l.taxIncluded && rate !== 0;
          const scaled = of.reduce((s, l) => s.plus(new D(l.amount).times(converted(l) ? 100 : 100 + rate)), new D(0));
          return { rate, scaled: BigInt(scaled.toFixed(0)), convertedLines: of.filter(converted).length };
        });
        expect(lineSumsByRate(lines)).toEqual(want);
      }),
      { numRuns: 4000 },
    );
  });
});
