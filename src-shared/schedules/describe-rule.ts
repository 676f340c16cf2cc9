import type { ScheduleRule } from './schedule-rule';
import { WEEKDAYS, WEEKDAY_LABELS } from './weekday';

/**
 * Japanese one-line summary for lists and the tray, e.g. 「月・火・水・木・金 07:30, 19:00（祝日は休み）」.
 * Weekdays in calendar order and times sorted, whatever order the user entered them in.
 */
export function describeScheduleRule(rule: ScheduleRule): string {
  const days = WEEKDAYS.filter((d) => rule.weekdays.includes(d)).map((d) => WEEKDAY_LABELS[d]);
  const times = [...rule.times].sort().join(', ');
  return `${days.join('・')} ${times}${rule.skipHolidays ? '（祝日は休み）' : ''}`;
}
