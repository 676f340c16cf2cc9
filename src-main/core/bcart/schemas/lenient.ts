/**
 * Lenient field parsers for BCart's wire format (bcart-api.md §7.1): any number may arrive as a JSON
 * number, a numeric string or "" (meaning "no value"); timestamps carry no offset and are JST.
 * Everything is normalised here, once, so the rest of the app sees only the types of model.ts.
 * Every helper is optional at the key level: a missing key becomes null / "" in the object transform.
 */
import Decimal from 'decimal.js';
import { z } from 'zod';
import { isIsoDate, parseJstTimestamp, toJstIso } from '../../../../src-shared/domain/jst-date';

type Ctx = z.core.$RefinementCtx;

const NUMERIC_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER as never;
}

/** Canonical decimal string of a finite Decimal: no exponent, no trailing zeros, no "-0". */
export function canonicalDecimal(d: Decimal): string {
  if (d.isZero()) return '0';
  return d.toFixed();
}

/** Reads number | numeric string | "" | null into an exact Decimal (null for "no value"); undefined when invalid. */
function readDecimal(v: unknown): Decimal | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(v) : undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    return NUMERIC_RE.test(t) ? new Decimal(t) : undefined;
  }
  return undefined;
}

/** Integer: 12 | "12" | "12.0" → 12; "" / null → null; anything else is a schema error. */
export const lenientInt = z
  .unknown()
  .transform((v, ctx): number | null => {
    // fast path: the common case is already a safe integer
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    const d = readDecimal(v);
    if (d === undefined) return fail(ctx, `数値ではありません: ${JSON.stringify(v)}`);
    if (d === null) return null;
    if (!d.isInteger()) return fail(ctx, `整数ではありません: ${JSON.stringify(v)}`);
    const n = d.toNumber();
    if (!Number.isSafeInteger(n)) return fail(ctx, `桁数が大きすぎます: ${JSON.stringify(v)}`);
    return n === 0 ? 0 : n;
  })
  .optional();

/**
 * Stock of a set: like lenientInt, but a relative value echoed back by a PATCH ("+3", "+-3") means
 * "the resulting stock is not known from this answer" → null, instead of failing a write that succeeded.
 */
export const lenientStock = z
  .unknown()
  .transform((v, ctx): number | null => {
    if (typeof v === 'string' && /^\+-?\d+$/.test(v.trim())) return null;
    const r = lenientInt.safeParse(v);
    if (!r.success) return fail(ctx, `在庫数ではありません: ${JSON.stringify(v)}`);
    return r.data ?? null;
  })
  .optional();

/** Decimal kept exact: 0.08 | "0.080" | "1000" → "0.08" / "1000"; "" / null → null. */
export const lenientDecimal = z
  .unknown()
  .transform((v, ctx): string | null => {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v === 0 ? '0' : String(v);
    const d = readDecimal(v);
    if (d === undefined) return fail(ctx, `数値ではありません: ${JSON.stringify(v)}`);
    return d === null ? null : canonicalDecimal(d);
  })
  .optional();

/** Text: strings kept as sent; numbers become their decimal text (codes like 受注番号); null → "". */
export const lenientString = z
  .unknown()
  .transform((v, ctx): string => {
    if (typeof v === 'string') return v;
    if (v === null || v === undefined) return '';
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'boolean') return v ? '1' : '0';
    return fail(ctx, `文字列ではありません: ${JSON.stringify(v)}`);
  })
  .optional();

/** Nullable text: "" and null stay distinguishable from a value (e.g. customer status). */
export const nullableString = z
  .unknown()
  .transform((v, ctx): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return fail(ctx, `文字列ではありません: ${JSON.stringify(v)}`);
  })
  .optional();

/** Timestamp "YYYY-MM-DD HH:MM:SS" (JST, no offset) or ISO with offset → ISO with +09:00; ""/null → null. */
export const jstDateTime = z
  .unknown()
  .transform((v, ctx): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') return fail(ctx, `日時ではありません: ${JSON.stringify(v)}`);
    const t = v.trim();
    if (t === '' || t.startsWith('0000-00-00')) return null;
    const ms = parseJstTimestamp(t);
    if (ms === null) return fail(ctx, `日時の形式が正しくありません: ${JSON.stringify(v)}`);
    return toJstIso(ms);
  })
  .optional();

/** Calendar date "YYYY-MM-DD" (a datetime is cut to its JST date); ""/null/"0000-00-00" → null. */
export const jstDate = z
  .unknown()
  .transform((v, ctx): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') return fail(ctx, `日付ではありません: ${JSON.stringify(v)}`);
    const t = v.trim();
    if (t === '' || t.startsWith('0000-00-00')) return null;
    if (isIsoDate(t)) return t;
    const ms = parseJstTimestamp(t);
    if (ms === null) return fail(ctx, `日付の形式が正しくありません: ${JSON.stringify(v)}`);
    return toJstIso(ms).slice(0, 10);
  })
  .optional();

/** Required positive integer id; a missing or empty id is a schema error (the caller names the resource). */
export const requiredId = z.unknown().transform((v, ctx): number => {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) {
    const n = Number(v.trim());
    if (Number.isSafeInteger(n) && n > 0) return n;
  }
  return fail(ctx, v === undefined || v === null || v === '' ? 'id がありません' : `id が正しくありません: ${JSON.stringify(v)}`);
});

/** An array that may arrive as null/""/missing (→ []); elements parsed by the given schema. */
export function lenientArray<T extends z.ZodType>(item: T) {
  // preprocess instead of a union, so an error inside one row keeps its path (orders.0.order_products.3.id)
  return z.preprocess((v) => (v === null || v === undefined || v === '' ? [] : v), z.array(item)).optional();
}
