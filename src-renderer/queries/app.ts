/** Queries of the app itself: version, data folder, 受付停止 (shown by the banner and every screen that must stop). */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

export const appQueries = {
  info: () => queryOptions({ queryKey: ['app', 'info'] as const, queryFn: () => unwrap(api().app.info()) }),
};
