import { describe, expect, it } from 'vitest';
import { nextRunTimes, slotsBetween, isScheduledSlot } from '../../../src-shared/schedules/next-run-times';
import type { ScheduleRule } from '../../../src-shared/schedules/schedule-rule';
import { formatJst } from '../../../src-shared/schedules/format-jst';
import { isJapaneseHoliday } from '../../../src-main/core/schedules/holidays';
import { jst } from './jst';

const noHolidays = (): boolean => false;
const weekdaysRule: ScheduleRule = { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['19:00', '07:30'], skipHolidays: true };
const everyDay = (times: string[], skipHolidays = false): ScheduleRule => ({
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  times,
  skipHolidays,
});
const fmt = (ts: number[]): string[] => ts.map(formatJst);

describe('nextRunTimes', () => {
  it('Mon–Fri 07:30 and 19:00: Wednesday evening → Thu, Fri, then Monday', () => {
    expect(fmt(nextRunTimes(weekdaysRule, jst('2026-11-25T20:00'), 5, isJapaneseHoliday))).toEqual([
      '2026-11-26T07:30:00+09:00',
      '2026-11-26T19:00:00+09:00',
      '2026-11-27T07:30:00+09:00',
      '2026-11-27T19:00:00+09:00',
      '2026-11-30T07:30:00+09:00',
    ]);
  });

  it('is strictly after from: a run exactly at from is not returned', () => {
    expect(fmt(nextRunTimes(weekdaysRule, jst('2026-11-26T07:30'), 1, noHolidays))).toEqual(['2026-11-26T19:00:00+09:00']);
    expect(fmt(nextRunTimes(weekdaysRule, jst('2026-11-26T07:29:59.999'), 1, noHolidays))).toEqual(['2026-11-26T07:30:00+09:00']);
  });

  it('crosses midnight JST (which is 15:00 UTC the day before)', () => {
    expect(fmt(nextRunTimes(everyDay(['00:00', '23:59']), jst('2026-11-26T23:59'), 3, noHolidays))).toEqual([
      '2026-11-27T00:00:00+09:00',
      '2026-11-27T23:59:00+09:00',
      '2026-11-28T00:00:00+09:00',
    ]);
  });

  it('crosses month ends, including February in leap and common years', () => {
    const rule = everyDay(['07:30']);
    expect(fmt(nextRunTimes(rule, jst('2026-01-31T08:00'), 1, noHolidays))).toEqual(['2026-02-01T07:30:00+09:00']);
    expect(fmt(nextRunTimes(rule, jst('2027-02-28T08:00'), 1, noHolidays))).toEqual(['2027-03-01T07:30:00+09:00']);
    expect(fmt(nextRunTimes(rule, jst('2028-02-28T08:00'), 2, noHolidays))).toEqual([
      '2028-02-29T07:30:00+09:00',
      '2028-03-01T07:30:00+09:00',
    ]);
    // leap day only when its weekday is allowed: 2028-02-29 is a Tuesday
    const tuesdays: ScheduleRule = { weekdays: ['tue'], times: ['12:00'], skipHolidays: false };
    expect(fmt(nextRunTimes(tuesdays, jst('2028-02-23T00:00'), 1, noHolidays))).toEqual(['2028-02-29T12:00:00+09:00']);
  });

  it('crosses the year end; with skipHolidays 元日 is skipped', () => {
    const from = jst('2026-12-31T19:00');
    expect(fmt(nextRunTimes({ ...weekdaysRule, skipHolidays: false }, from, 1, isJapaneseHoliday))).toEqual(['2027-01-01T07:30:00+09:00']);
    expect(fmt(nextRunTimes(weekdaysRule, from, 1, isJapaneseHoliday))).toEqual(['2027-01-04T07:30:00+09:00']);
  });

  it('skips 2026-01-01 and the whole of Golden Week 2026 (5/4–5/6 incl. 振替休日)', () => {
    const morning: ScheduleRule = { ...weekdaysRule, times: ['07:30'] };
    expect(fmt(nextRunTimes(morning, jst('2025-12-31T12:00'), 1, isJapaneseHoliday))).toEqual(['2026-01-02T07:30:00+09:00']);
    expect(fmt(nextRunTimes(morning, jst('2026-05-01T20:00'), 2, isJapaneseHoliday))).toEqual([
      '2026-05-07T07:30:00+09:00',
      '2026-05-08T07:30:00+09:00',
    ]);
    expect(fmt(nextRunTimes({ ...morning, skipHolidays: false }, jst('2026-05-01T20:00'), 1, isJapaneseHoliday))).toEqual([
      '2026-05-04T07:30:00+09:00',
    ]);
  });

  it('returns [] instead of looping when every day is a holiday, and [] for count 0', () => {
    expect(nextRunTimes(everyDay(['07:30'], true), 0, 3, () => true)).toEqual([]);
    expect(nextRunTimes(weekdaysRule, 0, 0, noHolidays)).toEqual([]);
  });

  it('rejects a bad count or an invalid time (rules are validated at the edge)', () => {
    expect(() => nextRunTimes(weekdaysRule, 0, -1, noHolidays)).toThrow(RangeError);
    expect(() => nextRunTimes(everyDay(['7:30']), 0, 1, noHolidays)).toThrow(RangeError);
  });

  it('asks isHoliday with the JST date, not the UTC one', () => {
    const asked: string[] = [];
    nextRunTimes(everyDay(['07:30'], true), jst('2026-11-26T00:30'), 1, (d) => (asked.push(d), false));
    // 2026-11-26 00:30 JST is still 2026-11-25 in UTC
    expect(asked).toEqual(['2026-11-26']);
  });
});

describe('slotsBetween / isScheduledSlot', () => {
  it('lists every slot in (after, until]', () => {
    const slots = slotsBetween(weekdaysRule, jst('2026-11-27T07:30'), jst('2026-11-30T07:30'), isJapaneseHoliday);
    expect(fmt(slots)).toEqual(['2026-11-27T19:00:00+09:00', '2026-11-30T07:30:00+09:00']);
    expect(slotsBetween(weekdaysRule, jst('2026-11-30T07:30'), jst('2026-11-30T07:30'), noHolidays)).toEqual([]);
  });

  it('recognises a slot', () => {
    expect(isScheduledSlot(weekdaysRule, jst('2026-11-30T19:00'), isJapaneseHoliday)).toBe(true);
    expect(isScheduledSlot(weekdaysRule, jst('2026-11-23T19:00'), isJapaneseHoliday)).toBe(false); // 勤労感謝の日
    expect(isScheduledSlot(weekdaysRule, jst('2026-11-29T19:00'), isJapaneseHoliday)).toBe(false); // Sunday
  });
});

describe('formatJst', () => {
  it('writes JST with the +09:00 offset, seconds precision', () => {
    expect(formatJst(Date.UTC(2026, 10, 25, 22, 30, 0, 999))).toBe('2026-11-26T07:30:00+09:00');
  });
});
