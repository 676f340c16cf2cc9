/**
 * The next runs of a rule as the バッチスケジュール screen lists them, with the days it skips
 * because they are holidays (祝日 or 会社の休日) — so a clerk sees that 12/31 will not import.
 */
import { nextRunTimes } from './next-run-times';
import type { ScheduleRule } from './schedule-rule';
import { isoDateOfDayNumber, jstDayNumber, weekdayOfDayNumber } from './weekday';
import { formatJst } from './format-jst';

export interface UpcomingRuns {
  /** ISO-8601 +09:00, ascending */
  runs: string[];
  /** weekdays of the rule skipped as holidays up to the last listed run: date and holiday name */
  skipped: { date: string; name: string }[];
}

/** `holidayName`: the holiday's name on a JST date ('YYYY-MM-DD'), or null on a working day. */
export function upcomingRuns(rule: ScheduleRule, nowMs: number, count: number, holidayName: (jstDate: string) => string | null): UpcomingRuns {
  const isHoliday = (d: string) => holidayName(d) !== null;
  const times = nextRunTimes(rule, nowMs, count, isHoliday);
  const skipped: UpcomingRuns['skipped'] = [];
  if (rule.skipHolidays && times.length > 0) {
    const days = new Set(rule.weekdays);
    for (let day = jstDayNumber(nowMs); day <= jstDayNumber(times[times.length - 1]!); day++) {
      if (!days.has(weekdayOfDayNumber(day))) continue;
      const date = isoDateOfDayNumber(day);
      const name = holidayName(date);
      if (name !== null) skipped.push({ date, name });
    }
  }
  return { runs: times.map(formatJst), skipped };
}
