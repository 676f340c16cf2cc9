/**
 * Japanese public holidays (祝日・振替休日・国民の休日) from @holiday-jp/holiday_jp, a maintained
 * table (1970–2050 in 2.5.1), instead of a hand-written list that would silently go stale.
 * Looked up by the "YYYY-MM-DD" key directly: the package's isHoliday(Date) formats with the
 * machine's local zone, which would be wrong outside Japan.
 */
import holidayJp from '@holiday-jp/holiday_jp';

const table: Readonly<Record<string, { name: string }>> = holidayJp.holidays;

/** True when the JST calendar date ("YYYY-MM-DD") is a Japanese public holiday. */
export function isJapaneseHoliday(jstDate: string): boolean {
  return Object.hasOwn(table, jstDate);
}

/** The holiday's Japanese name (e.g. 「元日」「こどもの日 振替休日」), or null on a normal day. */
export function japaneseHolidayName(jstDate: string): string | null {
  return Object.hasOwn(table, jstDate) ? (table[jstDate]?.name ?? null) : null;
}
