/**
 * limit/offset paging as BCart does it (docs/bcart-api.md#paging-and-embedded-lists). Decisions where BCart is unknown:
 * default limit 20; a limit above 100 is CLAMPED to 100 (not rejected), so a client that asks for
 * more and stops at "fewer rows than asked" is caught by tests; limit < 1, a non-integer limit or a
 * negative offset → 400 with the errors envelope.
 */
import { error, type SimResponse } from './sim-response';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

export type Paging = { limit: number; offset: number };

/** Reads limit/offset from the query; a SimResponse when invalid. */
export function readPaging(q: URLSearchParams): Paging | SimResponse {
  const rawLimit = q.get('limit');
  const rawOffset = q.get('offset');
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1) return error(400, 'limit', 'limitは1以上の整数で指定してください。');
    limit = Math.min(MAX_LIMIT, Number(rawLimit));
  }
  if (rawOffset !== null && rawOffset !== '') {
    if (!/^\d+$/.test(rawOffset)) return error(400, 'offset', 'offsetは0以上の整数で指定してください。');
    offset = Number(rawOffset);
  }
  return { limit, offset };
}

/** One page of rows plus meta.total, under the resource's plural key. */
export function pageOf<T>(key: string, rows: readonly T[], paging: Paging, map: (row: T) => unknown = (r) => r): Record<string, unknown> {
  return { [key]: rows.slice(paging.offset, paging.offset + paging.limit).map(map), meta: { total: rows.length } };
}

/** Parses a comma list of integer ids ("1,2,3"); null when any is not an integer. */
export function readIds(value: string): number[] | null {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}
