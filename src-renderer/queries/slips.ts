/** Queries of 出荷伝票 and 請求伝票 (lists and details); an import that commits refreshes them all. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { slipListInput } from '../../src-shared/slips/slips';
import { api, unwrap } from '../ipc/api';

export type SlipListInput = z.input<typeof slipListInput>;

export const slipQueries = {
  shipments: (input: SlipListInput) =>
    queryOptions({ queryKey: ['slips', 'shipments', 'list', input] as const, queryFn: () => unwrap(api().shipments.list(input)) }),
  shipment: (id: number) => queryOptions({ queryKey: ['slips', 'shipments', 'detail', id] as const, queryFn: () => unwrap(api().shipments.get({ id })) }),
  invoices: (input: SlipListInput) =>
    queryOptions({ queryKey: ['slips', 'invoices', 'list', input] as const, queryFn: () => unwrap(api().invoices.list(input)) }),
  invoice: (id: number) => queryOptions({ queryKey: ['slips', 'invoices', 'detail', id] as const, queryFn: () => unwrap(api().invoices.get({ id })) }),
};
