import { describe, expect, it } from 'vitest';
import { scheduleRuleSchema } from '../../../src-shared/schedules/schedule-rule';
import { describeScheduleRule } from '../../../src-shared/schedules/describe-rule';

const valid = { weekdays: ['mon', 'fri'], times: ['07:30', '19:00'], skipHolidays: true };

function messages(input: unknown): string[] {
  const r = scheduleRuleSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('scheduleRuleSchema', () => {
  it('accepts a valid rule', () => {
    expect(messages(valid)).toEqual([]);
    expect(messages({ ...valid, times: ['00:00', '23:59'] })).toEqual([]);
  });

  it('needs at least one weekday and one time', () => {
    expect(messages({ ...valid, weekdays: [] })).toEqual(['weekdays: 実行する曜日を1つ以上選択してください。']);
    expect(messages({ ...valid, times: [] })).toEqual(['times: 実行時刻を1つ以上入力してください。']);
  });

  it('rejects times that are not HH:MM within a day, naming the entry', () => {
    for (const bad of ['24:00', '7:30', '07:60', '07:30:00', ' 07:30', '']) {
      expect(messages({ ...valid, times: ['07:30', bad] })).toEqual([
        'times.1: 時刻は「07:30」のように、時と分を「:」で区切って入力してください（00:00〜23:59）。',
      ]);
    }
  });

  it('rejects duplicates and unknown weekdays', () => {
    expect(messages({ ...valid, times: ['07:30', '07:30'] })).toEqual(['times: 同じ実行時刻が重複しています。']);
    expect(messages({ ...valid, weekdays: ['mon', 'mon'] })).toEqual(['weekdays: 同じ曜日が重複しています。']);
    expect(messages({ ...valid, weekdays: ['monday'] })).toEqual(['weekdays.0: 曜日の指定が正しくありません。']);
  });

  it('requires skipHolidays to be chosen', () => {
    expect(messages({ weekdays: ['mon'], times: ['07:30'] })).toEqual(['skipHolidays: 祝日の扱いを選択してください。']);
  });
});

describe('describeScheduleRule', () => {
  it('lists weekdays in calendar order and times sorted', () => {
    expect(describeScheduleRule({ weekdays: ['fri', 'mon'], times: ['19:00', '07:30'], skipHolidays: true })).toBe(
      '月・金 07:30, 19:00（祝日は休み）',
    );
    expect(describeScheduleRule({ weekdays: ['sun'], times: ['09:00'], skipHolidays: false })).toBe('日 09:00');
  });
});
