/** 会社の休日: yearly ranges (incl. one across the new year) and how typed month/days are read. */
import { describe, expect, it } from 'vitest';
import { companyHoliday, companyHolidayOf, SUGGESTED_COMPANY_HOLIDAYS } from '../../../src-shared/schedules/company-holidays';

describe('companyHolidayOf', () => {
  it.each([
    ['2026-12-28', null],
    ['2026-12-29', '年末年始'],
    ['2026-12-31', '年末年始'],
    ['2027-01-01', '年末年始'],
    ['2027-01-03', '年末年始'],
    ['2027-01-04', null],
    ['2026-08-12', null],
    ['2026-08-13', 'お盆'],
    ['2026-08-16', 'お盆'],
    ['2026-08-17', null],
  ])('%s → %s', (date, name) => {
    expect(companyHolidayOf(date, SUGGESTED_COMPANY_HOLIDAYS)?.name ?? null).toBe(name);
  });
  it('no holidays set: never a company holiday', () => {
    expect(companyHolidayOf('2026-12-31', [])).toBeNull();
  });
});

describe('companyHoliday input', () => {
  it('reads 12/29, １２／２９ and 8/3 as month-days', () => {
    expect(companyHoliday.parse({ name: '年末年始', from: '12/29', to: '１／３' })).toEqual({ name: '年末年始', from: '12-29', to: '01-03' });
    expect(companyHoliday.parse({ name: '夏季', from: '8/3', to: '8/5' })).toEqual({ name: '夏季', from: '08-03', to: '08-05' });
  });
  it('refuses what is no month/day, with a Japanese message', () => {
    const r = companyHoliday.safeParse({ name: '', from: '13/01', to: 'x' });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages.join('\n')).toContain('休日の名前');
    expect(messages.join('\n')).toContain('開始日を「12/29」のように月/日で');
  });
});
