/**
 * Month arithmetic on JST calendar dates ("YYYY-MM-DD") for closings and due dates. Day 31 stands
 * for 末日 and any day past a month's end is that month's last day (the 30th of February → 28/29).
 */

/** 1–12 → its length in days (leap years by the Gregorian rule). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface YearMonth {
  year: number;
  month: number;
}

export function yearMonthOf(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function dayOf(date: string): number {
  return Number(date.slice(8, 10));
}

/** months may be negative. */
export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The date of `day` in that month, clamped to its last day (31 = 末日). */
export function dateInMonth(ym: YearMonth, day: number): string {
  const d = Math.min(day, daysInMonth(ym.year, ym.month));
  return `${String(ym.year).padStart(4, '0')}-${String(ym.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
