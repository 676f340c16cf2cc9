/**
 * ScheduleRule (バッチスケジュールの実行条件): which weekdays, at which JST times, and whether
 * Japanese public holidays are skipped. The zod schema is shared by the form and main's IPC
 * validation, so the clerk sees the same Japanese message main would return.
 */
import { z } from 'zod';
import { WEEKDAYS } from './weekday';

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const hasNoDuplicates = (values: readonly string[]): boolean => new Set(values).size === values.length;

/** 'HH:MM' (00:00–23:59), a wall-clock time in JST. */
export const timeOfDaySchema = z
  .string({ error: '時刻を入力してください。' })
  .regex(TIME_RE, { error: '時刻は「07:30」のように、時と分を「:」で区切って入力してください（00:00〜23:59）。' });

export const scheduleRuleSchema = z.object({
  weekdays: z
    .array(z.enum(WEEKDAYS, { error: '曜日の指定が正しくありません。' }), { error: '曜日を選択してください。' })
    .min(1, { error: '実行する曜日を1つ以上選択してください。' })
    .refine(hasNoDuplicates, { error: '同じ曜日が重複しています。' }),
  times: z
    .array(timeOfDaySchema, { error: '実行時刻を入力してください。' })
    .min(1, { error: '実行時刻を1つ以上入力してください。' })
    .refine(hasNoDuplicates, { error: '同じ実行時刻が重複しています。' }),
  skipHolidays: z.boolean({ error: '祝日の扱いを選択してください。' }),
});

/**
 * e.g. `{ weekdays: ['mon','tue','wed','thu','fri'], times: ['07:30','19:00'], skipHolidays: true }`
 * = 平日 07:30 と 19:00、祝日は実行しない.
 */
export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;

/** Minutes after 00:00 for 'HH:MM'; throws RangeError for anything else (rules are validated at the edge). */
export function minutesOfTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a time of day: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
