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

/**
 * At most 15 digits (always a safe integer), optionally signed and with a zero fraction: "1200",
 * "-550", "1200.00" → the number (never -0); null for anything else. A char scan, no regex.
 */
function plainWholeYen(t: string): number | null {
  const n = t.length;
  let i = t.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const start = i;
  let whole = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  const digits = i - start;
  if (digits < 1 || digits > 15) return null;
  if (i < n) {
    if (t.charCodeAt(i) !== 46 /* . */ || i === n - 1) return null;
    for (i++; i < n; i++) if (t.charCodeAt(i) !== 48 /* 0 */) return null;
  }
  return start === 1 && whole !== 0 ? -whole : whole;
}

/**
 * A plain decimal with at most 12 integer and 3 fraction digits as exact thousandths ("12.5" →
 * 12500), read without a regex, a match array or an object (the import reads a 単価 per line,
 * ~40,000 per 10,000 orders); -1 for anything else (signs, exponents, longer figures), which the
 * caller then reads with decimal.js.
 */
export function plainThousandths(value: string): number {
  const t = value.trim();
  const n = t.length;
  let i = 0;
  let whole = 0;
  while (i < n && i < 13) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    i++;
  }
  if (i === 0 || i > 12) return -1;
  let milli = whole * 1000;
  if (i === n) return milli;
  if (t.charCodeAt(i) !== 46 /* . */ || n - i - 1 < 1 || n - i - 1 > 3) return -1;
  for (let k = i + 1, unit = 100; k < n; k++, unit /= 10) {
    const c = t.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    milli += c * unit;
  }
  return milli;
}

/** A plain whole number of 1–12 digits (no sign, no fraction, not even ".0"); -1 for anything else. */
export function plainWhole(value: string): number {
  const t = value.trim();
  const n = t.length;
  if (n === 0 || n > 12) return -1;
  let whole = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    whole = whole * 10 + c;
  }
  return whole;
}

/** Integer yen from a decimal string, or null when it is not a whole safe-integer amount. */
export function parseYen(value: string): number | null {
  // the common case without a Decimal (the import reads three per order_totals row)
  const n = plainWholeYen(value.trim());
  if (n !== null) return n;
  const d = parseDecimal(value);
  return d === null ? null : wholeYen(d);
}
