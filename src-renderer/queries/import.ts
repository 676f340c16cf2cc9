/** Queries of 出荷取込処理 (targets, history, one run's result) and the システムログ. */
import { queryOptions } from '@tanstack/react-query';
import type { LOG_LEVELS } from '../../src-shared/import/import-run';
import { api, unwrap } from '../ipc/api';

export type LogLevel = (typeof LOG_LEVELS)[number];

/** runs listed in the history of one EC連携設定 */
const HISTORY_ROWS = 200;
/** システムログ lines listed at once */
const LOG_ROWS = 1000;

export const importQueries = {
  /** the EC連携設定 an import can run for, with their cursor */
  targets: () =>
    queryOptions({ queryKey: ['import', 'targets'] as const, queryFn: () => unwrap(api().import.targets()), meta: { reads: ['ecSettings'] } }),
  history: (settingId: number) =>
    queryOptions({ queryKey: ['import', 'history', settingId] as const, queryFn: () => unwrap(api().import.history({ settingId, limit: HISTORY_ROWS })) }),
  /** one run with its log lines and (this session) its plan */
  run: (runId: number) =>
    queryOptions({ queryKey: ['import', 'run', runId] as const, queryFn: () => unwrap(api().import.get({ runId })), meta: { reads: ['systemLog'] } }),
};

/** 要確認 (under the 'import' root: every import run and settlement refreshes it) */
export const reviewQueries = {
  list: (includeResolved: boolean) =>
    queryOptions({ queryKey: ['import', 'reviews', includeResolved] as const, queryFn: () => unwrap(api().reviews.list({ includeResolved })) }),
  /** the dashboard's badge */
  count: () => queryOptions({ queryKey: ['import', 'reviews', 'count'] as const, queryFn: () => unwrap(api().reviews.count()) }),
};

export const systemLogQueries = {
  list: (filter: { level: LogLevel | null; runId: number | null }) =>
    queryOptions({
      queryKey: ['systemLog', 'list', filter] as const,
      queryFn: () =>
        unwrap(api().systemLog.list({ ...(filter.level ? { level: filter.level } : {}), ...(filter.runId ? { runId: filter.runId } : {}), limit: LOG_ROWS })),
    }),
};
