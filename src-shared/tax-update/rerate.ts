/**
 * Re-rating of prices for a tax-rate change (docs/tax-rules.md#re-rating-in-the-tax-update).
 * Invariant: every result is computed exactly with bigint and rounded ONCE, by magnitude, with
 * divRound. A tax-inclusive price becomes price × (100+new)/(100+old) — never "round the base
 * first, then add the new tax", which differs by ¥1 in some cases. No floating point anywhere.
 */
import { divRound, type RoundingMode } from '../domain/rounding';

/** True when rate is an integer percent 0..100 (the 税区分 master stores integer rates too). */
export function isValidRate(rate: number): boolean {
  return Number.isInteger(rate) && rate >= 0 && rate <= 100;
}

function checkRate(rate: number, what: string): bigint {
  if (!isValidRate(rate)) throw new RangeError(`${what} must be an integer percent 0..100: ${rate}`);
  return BigInt(rate);
}

function checkPrice(price: number): bigint {
  if (!Number.isSafeInteger(price)) throw new RangeError(`price must be a safe integer yen amount: ${price}`);
  return BigInt(price);
}

/** bigint → number, refusing anything a number cannot hold exactly. */
export function toSafeNumber(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${v.toString()}`);
  return n === 0 ? 0 : n;
}

/**
 * Core of the re-rating on bigints, for callers that have already validated their inputs
 * (the plan calls it millions of times): round(price × (100+newRate) / (100+oldRate)).
 */
export function rerateBig(price: bigint, oldRate: bigint, newRate: bigint, mode: RoundingMode): bigint {
  if (oldRate === newRate) return price;
  return divRound(price * (100n + newRate), 100n + oldRate, mode);
}

/**
 * Re-rates a tax-inclusive (税込) price from oldRate % to newRate %:
 * exact price × (100+newRate)/(100+oldRate), rounded once by magnitude with `mode`.
 * E.g. 1,000 at 8 % → 10 %: 1,018.518… → floor 1,018 / ceil 1,019 / round 1,019;
 * −100 → −101.85… → floor −101 / ceil −102 / round −102.
 * @throws RangeError when price is not a safe integer or a rate is not an integer 0..100
 */
export function rerateTaxIncluded(price: number, oldRate: number, newRate: number, mode: RoundingMode): number {
  const p = checkPrice(price);
  return toSafeNumber(rerateBig(p, checkRate(oldRate, 'oldRate'), checkRate(newRate, 'newRate'), mode));
}

/** bigint core of taxOn. */
export function taxOnBig(base: bigint, rate: bigint, mode: RoundingMode): bigint {
  return divRound(base * rate, 100n, mode);
}

/**
 * Consumption tax on a tax-exclusive (税抜) amount: base × rate / 100 rounded once by magnitude.
 * E.g. ¥1,234 at 8 %: 98.72 → floor 98; at 10 %: 123.4 → 123.
 * @throws RangeError on a non-integer base or an invalid rate
 */
export function taxOn(base: number, rate: number, mode: RoundingMode): number {
  return toSafeNumber(taxOnBig(checkPrice(base), checkRate(rate, 'rate'), mode));
}

/** Tax-inclusive amount of a price: a 税込 price as is, a 税抜 base plus taxOn(base). */
export function priceIncludingTaxBig(price: bigint, taxIncluded: boolean, rate: bigint, mode: RoundingMode): bigint {
  return taxIncluded ? price : price + taxOnBig(price, rate, mode);
}

/**
 * Tax-inclusive amount of a unit price: a 税込 price is returned unchanged; for a 税抜 base
 * the tax at `rate` is added (rounded once with `mode`).
 */
export function priceIncludingTax(price: number, taxIncluded: boolean, rate: number, mode: RoundingMode): number {
  return toSafeNumber(priceIncludingTaxBig(checkPrice(price), taxIncluded, checkRate(rate, 'rate'), mode));
}
