/** Queries of the 消費税自動更新: 税率改定 (with their run), 処理履歴 with the 管理者ログ, one run's changes. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

/** a run's change list is shown whole (virtualized) */
const CHANGE_ROWS = 200_000;

export const taxUpdateQueries = {
  events: () => queryOptions({ queryKey: ['taxUpdate', 'events'] as const, queryFn: () => unwrap(api().taxUpdate.events()) }),
  history: () => queryOptions({ queryKey: ['taxUpdate', 'history'] as const, queryFn: () => unwrap(api().taxUpdate.history()) }),
  changes: (runId: number) =>
    queryOptions({ queryKey: ['taxUpdate', 'changes', runId] as const, queryFn: () => unwrap(api().taxUpdate.changes({ runId, limit: CHANGE_ROWS })) }),
};
