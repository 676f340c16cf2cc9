/**
 * 会社の休日 of バッチスケジュール, kept in app_state (one JSON value) so they survive restarts.
 * The scheduler skips them like public holidays for jobs set to 「祝日は実行しない」.
 */
import { companyHoliday, type CompanyHoliday } from '../../../src-shared/schedules/company-holidays';
import type { SqliteDb } from '../db/open';

const KEY = 'schedules.companyHolidays';

/** The saved company holidays ([] when none were saved, or what is stored no longer reads). */
export function readCompanyHolidays(db: SqliteDb): CompanyHoliday[] {
  const row = db.prepare('select value from app_state where key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = companyHoliday.array().safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function writeCompanyHolidays(db: SqliteDb, holidays: readonly CompanyHoliday[], now: string): void {
  db.prepare(
    'insert into app_state (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at',
  ).run(KEY, JSON.stringify(holidays), now);
}
