/**
 * 会社の休日 as kept in app_state ('schedule.companyHolidays', one JSON value): read back with the
 * same schema the screen saves with; what no longer reads counts as none rather than stopping the
 * scheduler.
 */
import { companyHoliday, type CompanyHoliday } from '../../../src-shared/schedules/company-holidays';

export function parseCompanyHolidays(stored: string | null): CompanyHoliday[] {
  if (stored === null) return [];
  try {
    const parsed = companyHoliday.array().safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
