/**
 * Exact conversions of BCart's decimal strings to integer yen. Money is never a float: decimals
 * go through decimal.js and must come out as whole, safe-integer yen, otherwise the caller
 * reports a problem instead of rounding silently.
 */
import Decimal from 'decimal.js';

/** Parses a canonical decimal string; null when it is not a finite decimal. */
export function parseDecimal(value: string): Decimal | null {
  const t = value.trim();
  if (t === '') return null;
  try {
    const d = new Decimal(t);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** A whole-yen safe integer from an exact decimal; null when it has a fraction or is too large. */
export function wholeYen(value: Decimal): number | null {
  if (!value.isInteger()) return null;
  const n = value.toNumber();
  if (!Number.isSafeInteger(n)) return null;
  return n === 0 ? 0 : n; // no -0
}

/** Integer yen from a decimal string, or null when it is not a whole safe-integer amount. */
export function parseYen(value: string): number | null {
  const d = parseDecimal(value);
  return d === null ? null : wholeYen(d);
}
