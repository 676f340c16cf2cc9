/** BCart's timestamp format: "YYYY-MM-DD HH:MM:SS" in JST, no offset (docs/bcart-api.md#numbers-and-timestamps). */

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Formats an instant as BCart's JST timestamp. */
export function toWireTimestamp(epochMs: number): string {
  return new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Parses a filter value "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD" into a comparable wire timestamp.
 * A date alone means the start of that day for a lower bound and the end of it for an upper bound,
 * so `ordered_at__lte=2025-04-12` includes the whole 12th. Returns null for anything else.
 */
export function parseFilterTimestamp(value: string, bound: 'lower' | 'upper'): string | null {
  const v = value.trim().replace('T', ' ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return bound === 'lower' ? `${v} 00:00:00` : `${v} 23:59:59`;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v)) return `${v}:${bound === 'lower' ? '00' : '59'}`;
  return null;
}
