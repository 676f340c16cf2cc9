/**
 * Rounding of exact amounts to whole yen. One rule for the whole app (docs/tax-rules.md#rounding):
 * amounts are computed exactly (integers or decimal.js) and rounded ONCE, by magnitude, so a
 * negative amount rounds like its positive mirror (切り捨て toward zero, 切り上げ away from zero,
 * 四捨五入 half away from zero). Floats are never used for money.
 */
import Decimal from 'decimal.js';

/** 切り捨て / 切り上げ / 四捨五入 */
export type RoundingMode = 'floor' | 'ceil' | 'round';

export const ROUNDING_MODES: readonly RoundingMode[] = ['floor', 'ceil', 'round'];

export const ROUNDING_LABELS: Record<RoundingMode, string> = {
  floor: '切り捨て',
  ceil: '切り上げ',
  round: '四捨五入',
};

const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  floor: Decimal.ROUND_DOWN, // toward zero = by magnitude
  ceil: Decimal.ROUND_UP, // away from zero
  round: Decimal.ROUND_HALF_UP, // half away from zero
};

/** Rounds an exact decimal to an integer yen amount by magnitude. */
export function roundYen(value: Decimal.Value, mode: RoundingMode): number {
  const d = new Decimal(value).toDecimalPlaces(0, DECIMAL_MODE[mode]);
  const n = d.toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${d.toString()}`);
  return n === 0 ? 0 : n; // no -0
}

/**
 * Exact integer division numerator/denominator rounded by magnitude, with bigint arithmetic only.
 * Used where both sides are integers (e.g. incl × 110 / 108), so no decimal library is needed.
 */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const r = n % d;
  if (r !== 0n) {
    if (mode === 'ceil') q += 1n;
    else if (mode === 'round' && r * 2n >= d) q += 1n;
  }
  return negative ? -q : q;
}
