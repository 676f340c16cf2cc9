/**
 * Lenient field handling for BCart's wire format (docs/bcart-api.md#numbers-and-timestamps): any number may arrive as a JSON
 * number, a numeric string or "" (meaning "no value"); timestamps carry no offset and are JST.
 *
 * Shape: zod checks the primitive types of every field (plain schemas, which zod compiles to a fast
 * path), and ONE transform per object normalises the fields with the plain functions below, reporting
 * a bad value as an issue on that field's path. Per-field zod transforms were 10× slower on a
 * 10,000-order import (bench/bcart-client.bench.ts), which is why the work is split this way.
 *
 * Numbers are bounded before decimal.js expands them: money and quantities never need more than 15
 * integer digits (every such amount is a safe integer) or 10 fractional digits, so anything larger —
 * `"1e300000000"` would otherwise become a 300-million-character string, `1e400` an Infinity price —
 * is an issue on its field, like any other bad value.
 */
import Decimal from 'decimal.js';
import { z } from 'zod';
import { isIsoDate, parseJstTimestamp, toJstIso } from '../../../../src-shared/domain/jst-date';

type Ctx = z.core.$RefinementCtx;
/** where a nested row sits below the object being transformed, e.g. ['order_products', 3] */
export type Prefix = (string | number)[] | undefined;

// One type test per field instead of z.union: a union tries its options in turn and builds an issue
// object for every miss, which dominated the parse time of a 10,000-order import.
const isScalar = (v: unknown): v is string | number | null => typeof v === 'string' || typeof v === 'number' || v === null;
const isIdLike = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

/** A numeric field on the wire: number, numeric string, "" or null; may be absent. */
export const wNum = z.custom<string | number | null>(isScalar, { message: '数値・文字列・null のいずれでもありません' }).optional();
/** A text field on the wire (numbers accepted: codes like 受注番号 sometimes arrive as numbers). */
export const wStr = z.custom<string | number | null>(isScalar, { message: '文字列・数値・null のいずれでもありません' }).optional();
/** A required id: number or numeric string. */
export const wId = z.custom<string | number>(isIdLike, { message: 'id がありません' });

/** An array that may arrive as null/""/missing (→ []); preprocess keeps row paths in errors. */
export function wArr<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === null || v === undefined || v === '' ? [] : v), z.array(item));
}

/** Upper bounds of a number on the wire (see the header). */
export const LENIENT_LIMITS = {
  /** longest numeric text looked at; BCart's longest real values are ~20 characters */
  maxTextLength: 40,
  /** |value| < 10^15 */
  maxIntegerDigits: 15,
  maxFractionDigits: 10,
  /** |exponent| of "1.5e3"-style text; larger ones are refused before decimal.js sees them */
  maxExponent: 30,
} as const;

const NUMERIC_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE]([+-]?\d+))?$/;
const INTEGER_BOUND = new Decimal(10).pow(LENIENT_LIMITS.maxIntegerDigits);
/** already canonical: no sign "+", no leading zeros, no trailing fractional zeros, no exponent */
const CANONICAL_RE = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
const INT_RE = /^-?(0|[1-9]\d{0,14})$/;

// the path is only built when something is wrong: normalising 40,000 rows must not allocate per field
function issue(ctx: Ctx, key: string, message: string, prefix: Prefix): void {
  ctx.addIssue({ code: 'custom', message, path: prefix ? [...prefix, key] : [key] });
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Calendar check without Date objects (hot path: every order and shipment has dates). */
function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number));
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Canonical decimal string of a finite Decimal: no exponent, no trailing zeros, no "-0". */
export function canonicalDecimal(d: Decimal): string {
  if (d.isZero()) return '0';
  return d.toFixed();
}

/**
 * A finite Decimal within LENIENT_LIMITS from numeric text, or null. The text's length and exponent
 * are checked first: decimal.js itself would happily expand "1e300000000".
 */
function boundedDecimal(t: string): Decimal | null {
  if (t.length > LENIENT_LIMITS.maxTextLength) return null;
  const m = NUMERIC_RE.exec(t);
  if (!m) return null;
  if (m[4] !== undefined && Math.abs(Number(m[4])) > LENIENT_LIMITS.maxExponent) return null;
  return withinLimits(new Decimal(t));
}

function withinLimits(d: Decimal): Decimal | null {
  if (!d.isFinite() || d.abs().gte(INTEGER_BOUND) || d.decimalPlaces() > LENIENT_LIMITS.maxFractionDigits) return null;
  return d;
}

function outOfRange(ctx: Ctx, key: string, v: unknown, prefix: Prefix): null {
  const shown = typeof v === 'string' && v.length > LENIENT_LIMITS.maxTextLength ? `${v.slice(0, LENIENT_LIMITS.maxTextLength)}…` : v;
  issue(
    ctx,
    key,
    `数値が扱える範囲 (整数部${LENIENT_LIMITS.maxIntegerDigits}桁・小数部${LENIENT_LIMITS.maxFractionDigits}桁まで) を超えています: ${typeof shown === 'number' ? String(shown) : JSON.stringify(shown)}`,
    prefix,
  );
  return null;
}

/**
 * The trimmed text of a number sent as a string; null when absent or blank (no value), and null with
 * an issue on `key` when it is no number. Over-long text goes on to the bounded parse, which reports
 * it as out of range.
 */
function numericText(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') {
    issue(ctx, key, `数値ではありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  const t = v.trim();
  if (t === '') return null;
  if (t.length <= LENIENT_LIMITS.maxTextLength && !NUMERIC_RE.test(t)) {
    issue(ctx, key, `数値ではありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  return t;
}

/** Integer: 12 | "12" | "12.0" → 12; "" / null / absent → null; anything else is an issue on `key`. */
export function toInt(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): number | null {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
    issue(ctx, key, `整数ではありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  const t = numericText(ctx, key, v, prefix);
  if (t === null) return null;
  if (INT_RE.test(t)) return Number(t) || 0;
  const d = boundedDecimal(t);
  if (d === null) return outOfRange(ctx, key, v, prefix);
  if (!d.isInteger() || !Number.isSafeInteger(d.toNumber())) {
    issue(ctx, key, `整数ではありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  return d.toNumber() || 0;
}

/** Decimal kept exact as a canonical string: 0.08 | "0.080" | "1000" → "0.08" / "1000"; ""/null → null. */
export function toDec(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): string | null {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && Math.abs(v) < 1e15) return v === 0 ? '0' : String(v);
    if (!Number.isFinite(v)) {
      issue(ctx, key, `数値ではありません: ${String(v)}`, prefix);
      return null;
    }
    // decimal.js reads a JS number through its shortest round-trip text, so 0.1 stays "0.1"
    const d = withinLimits(new Decimal(v));
    return d === null ? outOfRange(ctx, key, v, prefix) : canonicalDecimal(d);
  }
  const t = numericText(ctx, key, v, prefix);
  if (t === null) return null;
  // fast path: canonical text of at most 12 characters has < 13 integer and ≤ 10 fraction digits
  if (t.length <= 12 && CANONICAL_RE.test(t)) return t === '-0' ? '0' : t;
  const d = boundedDecimal(t);
  return d === null ? outOfRange(ctx, key, v, prefix) : canonicalDecimal(d);
}

/** Text as sent; numbers become their decimal text; null/absent → "". */
export function toStr(v: string | number | null | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

/** toStr for a row whose types zod did not check (nested rows): an object or boolean is an issue. */
export function toText(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v !== null && v !== undefined) issue(ctx, key, `文字列ではありません: ${JSON.stringify(v)}`, prefix);
  return '';
}

/**
 * A nested row on the wire: zod only checks that it is an object; its fields are type-checked by the
 * normaliser (toInt / toDec / toText report issues with the row's path). Checking 17 fields of 40,000
 * lines twice — once in zod, once while normalising — was the largest cost of a 10,000-order import.
 */
export const wRow = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'オブジェクトではありません',
});

/** Text, keeping null distinguishable from "" (e.g. a customer's status). */
export function toNullableStr(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : String(v);
}

/** Timestamp "YYYY-MM-DD HH:MM:SS" (JST, no offset) or ISO with offset → ISO with +09:00; ""/null → null. */
export function toDateTime(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') {
    issue(ctx, key, `日時ではありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  const m = DATETIME_RE.exec(v);
  if (m && validYmd(+m[1]!, +m[2]!, +m[3]!) && +m[4]! < 24 && +m[5]! < 60 && +m[6]! < 60) {
    // BCart's own format, already JST: only the separator and the offset change
    return `${v.slice(0, 10)}T${v.slice(11)}+09:00`;
  }
  const t = v.trim();
  if (t === '' || t.startsWith('0000-00-00')) return null;
  const ms = parseJstTimestamp(t);
  if (ms === null) {
    issue(ctx, key, `日時の形式が正しくありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  return toJstIso(ms);
}

/** Calendar date "YYYY-MM-DD" (a datetime is cut to its JST date); ""/null/"0000-00-00" → null. */
export function toDate(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') {
    issue(ctx, key, `日付ではありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  const m = DATE_RE.exec(v);
  if (m && validYmd(+m[1]!, +m[2]!, +m[3]!)) return v;
  const t = v.trim();
  if (t === '' || t.startsWith('0000-00-00')) return null;
  if (isIsoDate(t)) return t;
  const ms = parseJstTimestamp(t);
  if (ms === null) {
    issue(ctx, key, `日付の形式が正しくありません: ${JSON.stringify(v)}`, prefix);
    return null;
  }
  return toJstIso(ms).slice(0, 10);
}

/** Required positive integer id; missing/empty/invalid is an issue (the caller names the resource). */
export function toId(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) {
    const n = Number(v.trim());
    if (Number.isSafeInteger(n) && n > 0) return n;
  }
  issue(ctx, key, v === '' || v === null || v === undefined ? 'id がありません' : `id が正しくありません: ${JSON.stringify(v)}`, prefix);
  return 0;
}

/**
 * Stock of a set: like toInt, but a relative value echoed back by a PATCH ("+3", "+-3") means "the
 * resulting stock is not known from this answer" → null, instead of failing a write that succeeded.
 */
export function toStock(ctx: Ctx, key: string, v: unknown, prefix?: Prefix): number | null {
  if (typeof v === 'string' && /^\+-?\d+$/.test(v.trim())) return null;
  return toInt(ctx, key, v, prefix);
}
