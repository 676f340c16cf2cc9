/**
 * 入金予定日 from the customer's 回収サイト (docs/receivables-rules.md): `months` after the base
 * date's month (the closing date for 締請求, the invoice date for 個別請求), on `day` (31 = 末日,
 * clamped to the month's end). A due date before its base date (same month, earlier day) moves to
 * the next month. A due date on a bank holiday (土日, 祝日, 12/31–1/3) moves to the business day
 * before or after, as the customer's setting says.
 */
import { addDays } from '../../../../src-shared/domain/jst-date';
import type { HolidayShift } from '../../../../src-shared/masters/partner-billing';
import { addMonths, dateInMonth, yearMonthOf } from './calendar-month';

export interface CollectionTerms {
  /** 0 = 当月, 1 = 翌月 … */
  months: number;
  /** 1–28 or 31 (末日) */
  day: number;
  holidayShift: HolidayShift;
}

/** True on days banks are closed: Saturday, Sunday, a public holiday, 12/31 and 1/1–1/3. */
export function isBankHoliday(date: string, isPublicHoliday: (date: string) => boolean): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const md = date.slice(5);
  if (md === '12-31' || md === '01-01' || md === '01-02' || md === '01-03') return true;
  return isPublicHoliday(date);
}

/** The nearest business day in the shift's direction (the date itself when it is one). */
export function shiftToBusinessDay(date: string, shift: HolidayShift, isPublicHoliday: (date: string) => boolean): string {
  const step = shift === '前営業日' ? -1 : 1;
  let d = date;
  // at most a few days (年末年始 + a weekend); the bound only guards against a broken holiday table
  for (let i = 0; i < 31 && isBankHoliday(d, isPublicHoliday); i++) d = addDays(d, step);
  return d;
}

/** The nominal due date before the holiday shift. */
export function nominalDueDate(baseDate: string, terms: Pick<CollectionTerms, 'months' | 'day'>): string {
  const ym = yearMonthOf(baseDate);
  const due = dateInMonth(addMonths(ym, terms.months), terms.day);
  return due >= baseDate ? due : dateInMonth(addMonths(ym, terms.months + 1), terms.day);
}

/** 入金予定日 of a base date under the terms, shifted off bank holidays. */
export function dueDate(baseDate: string, terms: CollectionTerms, isPublicHoliday: (date: string) => boolean): string {
  return shiftToBusinessDay(nominalDueDate(baseDate, terms), terms.holidayShift, isPublicHoliday);
}
