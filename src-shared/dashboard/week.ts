/** The business week of ホーム's 請求 tile: Monday to Sunday, on JST calendar dates. */
import { addDays } from '../domain/jst-date';

/** The Sunday ending the week of a YYYY-MM-DD date (the date itself when it is a Sunday). */
export function weekEndOf(date: string): string {
  // the weekday of a calendar date does not depend on a time zone: read it at UTC noon
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, weekday === 0 ? 0 : 7 - weekday);
}
