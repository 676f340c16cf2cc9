/**
 * Queries of バッチスケジュール. The list and state also poll every 30 s: the next run times move
 * with the clock even when nothing is written.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ScheduleRule } from '../../src-shared/schedules/schedule-rule';
import { api, unwrap } from '../ipc/api';

const POLL_MS = 30_000;

export const scheduleQueries = {
  list: () => queryOptions({ queryKey: ['schedules', 'list'] as const, queryFn: () => unwrap(api().schedules.list()), refetchInterval: POLL_MS }),
  /** 一時停止 / 受付停止, whether this process runs schedules, and the last 再開's skipped slots */
  state: () => queryOptions({ queryKey: ['schedules', 'state'] as const, queryFn: () => unwrap(api().schedules.state()), refetchInterval: POLL_MS }),
  runs: (jobId: number) => queryOptions({ queryKey: ['schedules', 'runs', jobId] as const, queryFn: () => unwrap(api().schedules.runs({ id: jobId })) }),
  /** 会社の休日 (年末年始, お盆 …) */
  holidays: () => queryOptions({ queryKey: ['schedules', 'holidays'] as const, queryFn: () => unwrap(api().schedules.holidays()) }),
  /** the next ten runs of a rule (as being edited) and the holidays it skips */
  upcoming: (rule: ScheduleRule) =>
    queryOptions({ queryKey: ['schedules', 'upcoming', rule] as const, queryFn: () => unwrap(api().schedules.upcoming(rule)), refetchInterval: POLL_MS }),
  /** 「ログイン時に起動」 */
  loginItem: () => queryOptions({ queryKey: ['schedules', 'loginItem'] as const, queryFn: () => unwrap(api().schedules.loginItem()) }),
};
