/**
 * When a ScheduleRule fires. Done by hand on whole JST days rather than with a cron library:
 * JST is a fixed UTC+9 with no DST (since 1951), and Unix time has no leap seconds, so
 * "day start + minutes × 60,000" is exact, needs no time-zone database, never depends on the
 * machine's zone, and keeps src-shared free of dependencies. Holiday skipping is injected
 * (`isHoliday`) so the holiday table stays in main.
 */
import { minutesOfTime, type ScheduleRule } from './schedule-rule';
import { isoDateOfDayNumber, jstDayNumber, jstDayStartMs, weekdayOfDayNumber, type Weekday } from './weekday';

const MINUTE_MS = 60_000;

/**
 * How many consecutive days without a slot end the search. A valid rule has a slot every week,
 * so only an `isHoliday` that marks (nearly) every allowed day can exhaust it; then the rule is
 * treated as never firing instead of looping forever.
 */
export const MAX_DAYS_WITHOUT_SLOT = 400;

/** Tells whether a JST calendar date ("YYYY-MM-DD") is a public holiday. */
export type IsHoliday = (jstDate: string) => boolean;

interface CompiledRule {
  days: ReadonlySet<Weekday>;
  /** sorted, unique minutes after 00:00 JST */
  minutes: readonly number[];
  skipHolidays: boolean;
}

function compile(rule: ScheduleRule): CompiledRule {
  const minutes = [...new Set(rule.times.map(minutesOfTime))].sort((a, b) => a - b);
  return { days: new Set(rule.weekdays), minutes, skipHolidays: rule.skipHolidays };
}

/** Slots of one JST day in ascending order ([] when the weekday is off or it is a skipped holiday). */
function slotsOfDay(c: CompiledRule, day: number, isHoliday: IsHoliday): number[] {
  if (!c.days.has(weekdayOfDayNumber(day))) return [];
  if (c.skipHolidays && isHoliday(isoDateOfDayNumber(day))) return [];
  const start = jstDayStartMs(day);
  return c.minutes.map((m) => start + m * MINUTE_MS);
}

/**
 * The next `count` run instants (epoch ms, ascending), each strictly after `fromEpochMs`.
 * Returns fewer (possibly none) only when no slot exists within MAX_DAYS_WITHOUT_SLOT days.
 * Throws RangeError for an invalid time in the rule or a bad `count`.
 */
export function nextRunTimes(rule: ScheduleRule, fromEpochMs: number, count: number, isHoliday: IsHoliday): number[] {
  if (!Number.isFinite(fromEpochMs)) throw new RangeError(`not an instant: ${fromEpochMs}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  const c = compile(rule);
  const out: number[] = [];
  if (count === 0 || c.days.size === 0 || c.minutes.length === 0) return out;
  let day = jstDayNumber(fromEpochMs);
  let daysWithoutSlot = 0;
  while (out.length < count && daysWithoutSlot <= MAX_DAYS_WITHOUT_SLOT) {
    const slots = slotsOfDay(c, day, isHoliday).filter((t) => t > fromEpochMs);
    daysWithoutSlot = slots.length === 0 ? daysWithoutSlot + 1 : 0;
    for (const t of slots) {
      if (out.length === count) break;
      out.push(t);
    }
    day += 1;
  }
  return out;
}

/** Every run instant in (afterMs, untilMs], ascending. The caller bounds the range (it walks each day). */
export function slotsBetween(rule: ScheduleRule, afterMs: number, untilMs: number, isHoliday: IsHoliday): number[] {
  if (!Number.isFinite(afterMs) || !Number.isFinite(untilMs)) throw new RangeError('not an instant');
  const c = compile(rule);
  const out: number[] = [];
  if (untilMs <= afterMs) return out;
  for (let day = jstDayNumber(afterMs); day <= jstDayNumber(untilMs); day += 1) {
    for (const t of slotsOfDay(c, day, isHoliday)) if (t > afterMs && t <= untilMs) out.push(t);
  }
  return out;
}

/** True when the instant is exactly one of the rule's run instants. */
export function isScheduledSlot(rule: ScheduleRule, epochMs: number, isHoliday: IsHoliday): boolean {
  return slotsOfDay(compile(rule), jstDayNumber(epochMs), isHoliday).includes(epochMs);
}
