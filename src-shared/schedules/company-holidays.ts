/**
 * 会社の休日 (company holidays) for バッチスケジュール: yearly ranges such as 年末年始 (12/29〜1/3)
 * and お盆 (8/13〜8/16), skipped like public holidays by jobs set to 「祝日は実行しない」.
 * A range may cross the new year (12/29〜01/03). Pure; stored by main in app_state.
 */
import { z } from 'zod';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const monthDay = (label: string) =>
  z
    .string({ error: `${label}を「12/29」のように入力してください。` })
    .transform((v) => v.normalize('NFKC').trim().replace('/', '-'))
    .transform((v) => v.replace(/^(\d)-/, '0$1-').replace(/-(\d)$/, '-0$1'))
    .pipe(z.string().regex(MONTH_DAY, { error: `${label}を「12/29」のように月/日で入力してください。` }));

export const companyHoliday = z
  .object({
    name: z.string().trim().min(1, { error: '休日の名前(例: 年末年始)を入力してください。' }).max(40, { error: '休日の名前は40文字以内で入力してください。' }),
    /** 'MM-DD' */
    from: monthDay('開始日'),
    /** 'MM-DD' (before `from`: the range crosses the new year) */
    to: monthDay('終了日'),
  })
  .strict();
export type CompanyHoliday = z.output<typeof companyHoliday>;

export const companyHolidaysInput = z.object({ holidays: z.array(companyHoliday).max(30, { error: '会社の休日は30件までです。' }) }).strict();

/** The usual ones, offered on a new install's screen (not applied until saved). */
export const SUGGESTED_COMPANY_HOLIDAYS: readonly CompanyHoliday[] = [
  { name: '年末年始', from: '12-29', to: '01-03' },
  { name: 'お盆', from: '08-13', to: '08-16' },
];

/** The company holiday a JST date ('YYYY-MM-DD') falls in, or null. */
export function companyHolidayOf(jstDate: string, holidays: readonly CompanyHoliday[]): CompanyHoliday | null {
  const md = jstDate.slice(5);
  for (const h of holidays) {
    const inside = h.from <= h.to ? md >= h.from && md <= h.to : md >= h.from || md <= h.to;
    if (inside) return h;
  }
  return null;
}

/** 'MM-DD' → '12/29' for the screen. */
export function monthDayLabel(md: string): string {
  return md.replace('-', '/');
}
