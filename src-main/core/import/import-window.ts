/**
 * The 受注日 window of one 出荷取込処理 run (docs/import-rules.md#window-and-cursor): from the cursor (出荷取込開始日),
 * at most 7 days, never past today (JST).
 *
 * Cursor rule: after a successful run the cursor becomes the day after the window, except that it
 * never passes today: when the window reached today, the cursor stays on today so that orders
 * placed later today are fetched by the next run (re-fetching a day is harmless, the import is
 * idempotent). Repeated runs therefore catch up 7 days at a time and then keep re-reading today.
 */
import { addDays, daysBetween } from '../../../src-shared/domain/jst-date';

/** Days of 受注日 per run. */
export const WINDOW_DAYS = 7;

export interface ImportWindow {
  /** JST dates, inclusive */
  from: string;
  to: string;
}

/** The window starting at `cursor`, or null when the cursor is after today (nothing to fetch). */
export function importWindow(cursor: string, today: string): ImportWindow | null {
  if (daysBetween(cursor, today) < 0) return null;
  const end = addDays(cursor, WINDOW_DAYS - 1);
  return { from: cursor, to: end < today ? end : today };
}

/** The cursor after a successful run of `window`: the next day, but never after today. */
export function nextCursor(window: ImportWindow, today: string): string {
  const next = addDays(window.to, 1);
  return next > today ? today : next;
}

/** True when the window reached today: the import has caught up. */
export function isCaughtUp(window: ImportWindow | null, today: string): boolean {
  return window === null || window.to >= today;
}
