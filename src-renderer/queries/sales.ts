/** Queries of 売上伝票 (list, detail) and 得意先別単価; 確定 / 確定取消 also refresh the 請求伝票 (slips root). */
import { queryOptions } from '@tanstack/react-query';
import type { SalesListInput } from '../../src-shared/sales/sales-slip';
import { api, unwrap } from '../ipc/api';

export const salesQueries = {
  list: (input: SalesListInput) => queryOptions({ queryKey: ['sales', 'list', input] as const, queryFn: () => unwrap(api().sales.list(input)), meta: { reads: ['partners'] } }),
  detail: (id: number) => queryOptions({ queryKey: ['sales', 'detail', id] as const, queryFn: () => unwrap(api().sales.get({ id })), meta: { reads: ['partners', 'products'] } }),
  customerPrices: (customerId: number) =>
    queryOptions({ queryKey: ['sales', 'customerPrices', customerId] as const, queryFn: () => unwrap(api().sales.customerPrices({ customerId })), meta: { reads: ['products'] } }),
};
