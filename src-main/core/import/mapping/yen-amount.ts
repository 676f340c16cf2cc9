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

/** at most 15 digits (always a safe integer), optionally with a zero fraction: "1200", "-550", "1200.00" */
const PLAIN_WHOLE = /^-?\d{1,15}(?:\.0+)?$/;

/**
 * A plain decimal with at most 12 integer and 3 fraction digits as an exact integer over a power
 * of ten ("12.5" → 125 / 10); null for anything else (signs, exponents, longer figures), which
 * the caller then reads with decimal.js.
 */
export function plainDecimal(value: string): { units: number; scale: number } | null {
  const m = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(value.trim());
  if (m === null) return null;
  const frac = m[2] ?? '';
  return { units: Number(m[1]! + frac), scale: 10 ** frac.length };
}

/** Integer yen from a decimal string, or null when it is not a whole safe-integer amount. */
export function parseYen(value: string): number | null {
  // the common case without a Decimal (the import reads three per order_totals row)
  const t = value.trim();
  if (PLAIN_WHOLE.test(t)) {
    const n = Number(t);
    return n === 0 ? 0 : n; // no -0
  }
  const d = parseDecimal(value);
  return d === null ? null : wholeYen(d);
}
