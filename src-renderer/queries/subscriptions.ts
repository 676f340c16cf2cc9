/** Queries of 定期申込 (the list with its filters, one application). */
import { queryOptions } from '@tanstack/react-query';
import type { SubscriptionListInput } from '../../src-shared/subscriptions/subscription-schema';
import { api, unwrap } from '../ipc/api';

/** the list shows every matching application (virtualized) */
const LIST_ROWS = 200_000;

export const subscriptionQueries = {
  list: (filters: SubscriptionListInput) =>
    queryOptions({ queryKey: ['subscriptions', 'list', filters] as const, queryFn: () => unwrap(api().subscriptions.list({ ...filters, limit: LIST_ROWS })) }),
  detail: (code: string) => queryOptions({ queryKey: ['subscriptions', 'detail', code] as const, queryFn: () => unwrap(api().subscriptions.get({ code })) }),
};
