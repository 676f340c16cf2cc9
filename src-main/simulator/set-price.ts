/**
 * Exact per-piece prices in tenths of a yen ("12.5" → 125), cached per set, so the generator can
 * compute 単価 × 入数 × 注文数 with integer arithmetic only (decimal.js is slower by a factor
 * that matters for a 10,000-order shop).
 */
import type { WireProductSet } from './wire-types';

const cache = new WeakMap<WireProductSet, number>();

/** Parses a price with at most one decimal place into tenths; null for anything else. */
export function priceTenths(price: string): number | null {
  const m = /^(-?)(\d{1,12})(?:\.(\d))?$/.exec(price.trim());
  if (!m) return null;
  const v = Number(m[2]) * 10 + Number(m[3] ?? '0');
  return m[1] === '-' ? -v : v;
}

/** Goods amount of count sets in whole yen, or null when the set's price is not a whole-yen 販売価格. */
export function setLineAmount(set: WireProductSet, count: number): number | null {
  let t = cache.get(set);
  if (t === undefined) {
    const parsed = priceTenths(String(set.unit_price));
    if (parsed === null) return null;
    t = parsed;
    cache.set(set, t);
  }
  const tenths = t * set.quantity * count;
  return tenths % 10 === 0 ? tenths / 10 : null;
}
