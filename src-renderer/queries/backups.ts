/** Queries of バックアップ: the automatic database backups, their size and the retention rule. */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

export const backupQueries = {
  list: () => queryOptions({ queryKey: ['backups', 'list'] as const, queryFn: () => unwrap(api().backups.list()) }),
};
