/**
 * Queries of ホーム, one per tile. Each reads the roots of the area it summarises, so an import, a
 * 確定 or a schedule change refreshes the tile at once; they also poll every 30 s (the date moves).
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

const POLL_MS = 30_000;

export const dashboardQueries = {
  setup: () =>
    queryOptions({
      queryKey: ['app', 'dashboard', 'setup'] as const,
      queryFn: () => unwrap(api().dashboard.setup()),
      meta: { reads: ['departments', 'partners', 'products', 'ecSettings'] },
    }),
  import: () =>
    queryOptions({
      queryKey: ['import', 'dashboard'] as const,
      queryFn: () => unwrap(api().dashboard.import()),
      meta: { reads: ['ecSettings', 'systemLog', 'slips'] },
      refetchInterval: POLL_MS,
    }),
  stock: () =>
    queryOptions({ queryKey: ['stock', 'dashboard'] as const, queryFn: () => unwrap(api().dashboard.stock()), meta: { reads: ['stock', 'ecSettings'] }, refetchInterval: POLL_MS }),
  receivables: () =>
    queryOptions({
      queryKey: ['receivables', 'dashboard'] as const,
      queryFn: () => unwrap(api().dashboard.receivables()),
      meta: { reads: ['receivables', 'slips', 'sales', 'partners'] },
      refetchInterval: POLL_MS,
    }),
  sales: () =>
    queryOptions({ queryKey: ['sales', 'dashboard'] as const, queryFn: () => unwrap(api().dashboard.sales()), meta: { reads: ['slips'] }, refetchInterval: POLL_MS }),
};
