/**
 * Business dates are JST calendar dates ("YYYY-MM-DD"). Japan has no DST, so JST is always UTC+9;
 * the arithmetic is done on UTC with a fixed 9-hour offset and never depends on the machine's zone.
 */

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** JST calendar date of an instant (epoch ms). */
export function jstDateOf(epochMs: number): string {
  return new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when s is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  // arithmetic, not a Date round trip: the import checks every 発送日 (10,000 per run in bench/import.bench.ts)
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Adds whole days to a JST calendar date. */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Epoch ms of 00:00:00 JST on that date. */
export function jstStartOfDay(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS;
}

/** ISO-8601 string with +09:00 for an instant, e.g. "2025-04-12T13:02:11+09:00". */
export function toJstIso(epochMs: number): string {
  return new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 19) + '+09:00';
}

/** Parses BCart's "YYYY-MM-DD HH:MM:SS" (no offset, JST) or an ISO string with offset; null when invalid. */
export function parseJstTimestamp(s: string): number | null {
  const t = s.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    if (!isIsoDate(m[1]!)) return null;
    const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+09:00`);
    return Number.isNaN(ms) ? null : ms;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isIsoDate(t) ? jstStartOfDay(t) : null;
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
