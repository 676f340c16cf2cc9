/**
 * Queries of バッチスケジュール. The list and state also poll every 30 s: the next run times move
 * with the clock even when nothing is written.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

const POLL_MS = 30_000;

export const scheduleQueries = {
  list: () => queryOptions({ queryKey: ['schedules', 'list'] as const, queryFn: () => unwrap(api().schedules.list()), refetchInterval: POLL_MS }),
  /** 一時停止 / 受付停止, whether this process runs schedules, and the last 再開's skipped slots */
  state: () => queryOptions({ queryKey: ['schedules', 'state'] as const, queryFn: () => unwrap(api().schedules.state()), refetchInterval: POLL_MS }),
  runs: (jobId: number) => queryOptions({ queryKey: ['schedules', 'runs', jobId] as const, queryFn: () => unwrap(api().schedules.runs({ id: jobId })) }),
  /** 「ログイン時に起動」 */
  loginItem: () => queryOptions({ queryKey: ['schedules', 'loginItem'] as const, queryFn: () => unwrap(api().schedules.loginItem()) }),
};
