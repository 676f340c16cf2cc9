import { toJstIso } from '../domain/jst-date';

/**
 * An instant as JST ISO-8601 with offset, seconds precision: '2026-11-26T07:30:00+09:00'.
 * Same format as toJstIso (one implementation); named for the schedule display and logs.
 */
export function formatJst(epochMs: number): string {
  return toJstIso(epochMs);
}
