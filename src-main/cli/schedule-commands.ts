/**
 * `schedule:add` and `schedule:next`: register a バッチスケジュール and list the coming run times
 * headlessly (same store and rule arithmetic as the app). Invalid input exits 2 with a Japanese
 * message; times are printed as ISO-8601 with +09:00.
 */
import { describeScheduleRule } from '../../src-shared/schedules/describe-rule';
import { formatJst } from '../../src-shared/schedules/format-jst';
import { nextRunTimes } from '../../src-shared/schedules/next-run-times';
import { scheduleRuleSchema, type ScheduleRule } from '../../src-shared/schedules/schedule-rule';
import { isJapaneseHoliday } from '../core/schedules/holidays';
import { CliUsageError, parseCliArgs, required } from './args';
import { withCliCore } from './cli-core';
import type { CliCommand } from './cli-types';

/** Longest list schedule:next prints. */
export const MAX_NEXT_COUNT = 1000;
const OFFSET_ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The rule from --days / --time / --skip-holidays; CliUsageError with the schema's Japanese message. */
export function parseRuleArgs(days: string, times: string[], skipHolidays: boolean): ScheduleRule {
  const weekdays = days
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  const parsed = scheduleRuleSchema.safeParse({ weekdays, times, skipHolidays });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const hint = issue?.path[0] === 'weekdays' ? '（--days は mon,tue,wed,thu,fri,sat,sun をカンマ区切りで指定します）' : '';
    throw new CliUsageError(`${issue?.message ?? '実行条件が正しくありません。'}${hint}`);
  }
  return parsed.data;
}

/** An instant written with an explicit offset (…+09:00 or …Z); anything else is refused. */
export function parseInstant(text: string): number {
  const ms = OFFSET_ISO_RE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CliUsageError(`--from は「2026-11-30T07:00:00+09:00」のようにタイムゾーン付きの ISO-8601 形式で指定してください（指定値: ${text}）。`);
  }
  return ms;
}

function parseCount(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_NEXT_COUNT) {
    throw new CliUsageError(`--count は 1〜${MAX_NEXT_COUNT} の整数で指定してください（指定値: ${text}）。`);
  }
  return n;
}

export const scheduleAddCommand: CliCommand = {
  summary: 'バッチスケジュール（EC・売上取込処理）を登録します',
  usage: 'schedule:add --data-dir DIR --days mon,tue,wed,thu,fri --time HH:MM [--time HH:MM] [--skip-holidays] [--name 名前] [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      days: { type: 'string' },
      time: { type: 'string', multiple: true },
      'skip-holidays': { type: 'boolean' },
      name: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dataDir = required(args, 'data-dir');
    const rule = parseRuleArgs(required(args, 'days'), args.time ?? [], args['skip-holidays'] === true);
    const name = (args.name ?? 'EC・売上取込処理').trim();
    if (name === '' || name.length > 60) throw new CliUsageError('--name は1〜60文字で指定してください。');
    return withCliCore(dataDir, (core) => {
      const store = core.services.repos.schedules;
      const now = core.services.ports.clock.now();
      const id = store.createJob({ name, type: 'EC・売上取込処理', weekdays: rule.weekdays, times: [...rule.times].sort(), skipHolidays: rule.skipHolidays, enabled: true }, now);
      const next = nextRunTimes(rule, now, 1, isJapaneseHoliday)[0];
      const nextRunAt = next === undefined ? null : formatJst(next);
      if (args.json === true) io.out(JSON.stringify({ id, name, description: describeScheduleRule(rule), nextRunAt }));
      else io.out(`スケジュールを登録しました（ID ${id}）: ${name} ${describeScheduleRule(rule)}\n次回実行: ${nextRunAt ?? 'なし'}`);
      return 0;
    });
  },
};

export const scheduleNextCommand: CliCommand = {
  summary: '有効なバッチスケジュールの次回以降の実行時刻を表示します (--json: JSON配列)',
  usage: 'schedule:next --data-dir DIR --from <ISO-8601 (+09:00 など付き)> --count N [--json]',
  async run(argv, io) {
    const args = parseCliArgs(argv, {
      'data-dir': { type: 'string' },
      from: { type: 'string' },
      count: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dataDir = required(args, 'data-dir');
    const from = parseInstant(required(args, 'from'));
    const count = parseCount(required(args, 'count'));
    return withCliCore(dataDir, (core) => {
      const jobs = core.services.repos.schedules
        .listJobs()
        .filter((j) => j.enabled && scheduleRuleSchema.safeParse(j.rule).success);
      // Two jobs at the same minute are one run time; each job contributes at most `count`.
      const all = [...new Set(jobs.flatMap((j) => nextRunTimes(j.rule, from, count, isJapaneseHoliday)))].sort((a, b) => a - b);
      const times = all.slice(0, count).map(formatJst);
      if (args.json === true) io.out(JSON.stringify(times));
      else if (times.length === 0) io.out('有効なスケジュールがありません。schedule:add で登録してください。');
      else for (const t of times) io.out(t);
      return 0;
    });
  },
};
