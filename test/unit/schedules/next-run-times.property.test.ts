/**
 * Properties of nextRunTimes against an independent oracle: the oracle builds each candidate with
 * Date.parse('YYYY-MM-DDTHH:MM:00+09:00') and reads the weekday with getUTCDay on the shifted
 * instant, so it shares no arithmetic with the implementation's day numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRunTimes } from '../../../src-shared/schedules/next-run-times';
import type { ScheduleRule } from '../../../src-shared/schedules/schedule-rule';
import { WEEKDAYS } from '../../../src-shared/schedules/weekday';
import { isJapaneseHoliday } from '../../../src-main/core/schedules/holidays';
import { DAY } from './jst';

const JST = 9 * 60 * 60_000;
/** getUTCDay order (0 = Sunday) → our names */
const BY_UTC_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const jstDate = (ms: number): string => new Date(ms + JST).toISOString().slice(0, 10);
const jstTime = (ms: number): string => new Date(ms + JST).toISOString().slice(11, 19);
const jstWeekday = (ms: number): string => BY_UTC_DAY[new Date(ms + JST).getUTCDay()]!;

const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const ruleArb: fc.Arbitrary<ScheduleRule> = fc.record({
  weekdays: fc.shuffledSubarray([...WEEKDAYS], { minLength: 1 }),
  times: fc.uniqueArray(timeArb, { minLength: 1, maxLength: 6 }),
  skipHolidays: fc.boolean(),
});

// 2000-01-01 … 2049-12-01: inside the holiday table; any millisecond, not only whole minutes
const fromArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2049, 11, 1) });

/** Every allowed instant in (from, until] by brute force over the JST dates. */
function oracle(rule: ScheduleRule, from: number, until: number): number[] {
  const out: number[] = [];
  for (let d = jstDate(from); ; d = new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10)) {
    for (const t of rule.times) {
      const ms = Date.parse(`${d}T${t}:00+09:00`);
      const allowed = rule.weekdays.includes(jstWeekday(ms) as ScheduleRule['weekdays'][number]);
      if (allowed && !(rule.skipHolidays && isJapaneseHoliday(d)) && ms > from && ms <= until) out.push(ms);
    }
    if (d >= jstDate(until)) break;
  }
  return out.sort((a, b) => a - b);
}

describe('nextRunTimes properties', () => {
  it('returns exactly the allowed JST slots after from, ascending, skipping holidays when asked', () => {
    fc.assert(
      fc.property(ruleArb, fromArb, fc.integer({ min: 1, max: 15 }), (rule, from, count) => {
        const runs = nextRunTimes(rule, from, count, isJapaneseHoliday);
        expect(runs).toHaveLength(count);
        runs.forEach((t, i) => {
          expect(t).toBeGreaterThan(i === 0 ? from : runs[i - 1]!);
          expect(rule.weekdays).toContain(jstWeekday(t));
          expect(rule.times.map((x) => `${x}:00`)).toContain(jstTime(t));
          if (rule.skipHolidays) expect(isJapaneseHoliday(jstDate(t))).toBe(false);
        });
        // nothing allowed was skipped between from and the last result
        expect(runs).toEqual(oracle(rule, from, runs[runs.length - 1]!));
      }),
      { numRuns: 400 },
    );
  });

  it('continuing from any result gives the rest of the same sequence', () => {
    fc.assert(
      fc.property(ruleArb, fromArb, fc.integer({ min: 2, max: 10 }), (rule, from, count) => {
        const runs = nextRunTimes(rule, from, count, isJapaneseHoliday);
        const k = Math.floor(count / 2);
        expect(nextRunTimes(rule, runs[k - 1]!, count - k, isJapaneseHoliday)).toEqual(runs.slice(k));
      }),
      { numRuns: 200 },
    );
  });
});
