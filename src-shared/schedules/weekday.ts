/**
 * Weekdays (曜日) of a batch schedule, Monday first as on a Japanese office calendar.
 * Day numbers are whole JST days since 1970-01-01 (a Thursday); JST is a fixed UTC+9 with no DST,
 * so every JST day is exactly 86,400,000 ms and the weekday is plain modular arithmetic.
 */

/** Monday first; the index is used for arithmetic, so the order must not change. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** 曜日の表示名 (月〜日) */
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: '月',
  tue: '火',
  wed: '水',
  thu: '木',
  fri: '金',
  sat: '土',
  sun: '日',
};

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
/** exported for the schedule arithmetic: a JST day never has 23 or 25 hours */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole JST days since 1970-01-01 JST for an instant (floor, so it also holds before 1970). */
export function jstDayNumber(epochMs: number): number {
  return Math.floor((epochMs + JST_OFFSET_MS) / DAY_MS);
}

/** Epoch ms of 00:00 JST on that day number. */
export function jstDayStartMs(day: number): number {
  return day * DAY_MS - JST_OFFSET_MS;
}

/** Weekday of a JST day number (1970-01-01 was a Thursday, index 3). */
export function weekdayOfDayNumber(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}

/** "YYYY-MM-DD" of a JST day number. */
export function isoDateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
