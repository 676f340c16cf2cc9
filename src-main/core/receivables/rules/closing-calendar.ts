/**
 * 請求締め periods (docs/receivables-rules.md). A customer with 締日 N closes on the N-th of every
 * month (末日 = 31 = the last day; a day past the month's end closes on the last day). A period runs
 * from the day after the previous closing to its closing date.
 *
 * Changing 締日 takes effect from the next period: the period already open when the day changed
 * (the one after the last closing) still ends on the 締日 the 取引先 had when that last closing was
 * made (each closing records it); the periods after it use the new day. Before any closing there is
 * no open period to protect, so the current 締日 applies at once.
 */
import { addDays } from '../../../../src-shared/domain/jst-date';
import { addMonths, dateInMonth, yearMonthOf } from './calendar-month';

/** True when `date` is a closing date for 締日 `closingDay`. */
export function isClosingDate(date: string, closingDay: number): boolean {
  return dateInMonth(yearMonthOf(date), closingDay) === date;
}

/** The first closing date on or after `date`. */
export function closingDateOnOrAfter(date: string, closingDay: number): string {
  const ym = yearMonthOf(date);
  const inMonth = dateInMonth(ym, closingDay);
  return inMonth >= date ? inMonth : dateInMonth(addMonths(ym, 1), closingDay);
}

/** The last closing date strictly before `date`. */
export function closingDateBefore(date: string, closingDay: number): string {
  const ym = yearMonthOf(date);
  const inMonth = dateInMonth(ym, closingDay);
  return inMonth < date ? inMonth : dateInMonth(addMonths(ym, -1), closingDay);
}

/** The last closing a customer has (its latest 締 statement). */
export interface LastClosing {
  closingDate: string;
  /** the 締日 on the 取引先 when that closing was made: it governs the period after it */
  closingDay: number;
}

/**
 * The date the open period ends on: after a closing, the next closing date of the 締日 in force
 * for that period (the old one); before any closing, null (every closing date of the current 締日 qualifies).
 */
export function openPeriodEnd(last: LastClosing | null): string | null {
  return last === null ? null : closingDateOnOrAfter(addDays(last.closingDate, 1), last.closingDay);
}

export type ClosingCheck =
  | { due: true; periodFrom: string; closingDay: number }
  | { due: false; reason: 'already-closed' | 'not-closing-day' | 'earlier-closing-pending'; expected: string | null };

/**
 * Whether `date` closes this customer's open period. `currentDay` is the 締日 on the 取引先 now; a
 * due closing records it (`closingDay`), so it governs the period that starts after this closing.
 */
export function checkClosing(date: string, currentDay: number, last: LastClosing | null): ClosingCheck {
  if (last !== null && date <= last.closingDate) return { due: false, reason: 'already-closed', expected: openPeriodEnd(last) };
  const end = openPeriodEnd(last);
  if (end === null) {
    return isClosingDate(date, currentDay)
      ? { due: true, periodFrom: addDays(closingDateBefore(date, currentDay), 1), closingDay: currentDay }
      : { due: false, reason: 'not-closing-day', expected: closingDateOnOrAfter(date, currentDay) };
  }
  if (date === end) return { due: true, periodFrom: addDays(last!.closingDate, 1), closingDay: currentDay };
  if (date < end) return { due: false, reason: 'not-closing-day', expected: end };
  return { due: false, reason: 'earlier-closing-pending', expected: end };
}

/**
 * The closing that will bill an invoice dated `date` that is not billed yet: the open period's
 * end when it falls inside it, otherwise the first closing of the current 締日 on or after it.
 * An invoice dated inside an already closed period goes to the open period (it is billed late).
 */
export function projectedClosingDate(date: string, currentDay: number, last: LastClosing | null): string {
  const end = openPeriodEnd(last);
  if (end === null) return closingDateOnOrAfter(date, currentDay);
  if (date <= end) return end;
  return closingDateOnOrAfter(date, currentDay);
}
