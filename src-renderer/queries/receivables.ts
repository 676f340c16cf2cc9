/**
 * Queries of 売掛管理 and 自社情報. 請求書, 入金伝票, 残高 and 入金予定 live under the 'receivables'
 * root; each also reads the 請求伝票 ('slips': an import adds invoices to bill and to collect) and
 * the 取引先 ('partners': names and billing terms). 自社情報 is its own root and shows 請求口座.
 */
import { queryOptions } from '@tanstack/react-query';
import type { DataRoot } from '../../src-shared/ipc/data-roots';
import { api, unwrap } from '../ipc/api';

/** what every 売掛管理 figure is computed from besides its own tables */
const LEDGER_READS: readonly DataRoot[] = ['slips', 'partners'];

export type StatementFilter = { from?: string; to?: string; customer?: string };

export const companyQueries = {
  detail: () =>
    queryOptions({ queryKey: ['company', 'detail'] as const, queryFn: () => unwrap(api().company.get()), meta: { reads: ['bankAccounts'] } }),
};

export const receivablesQueries = {
  statements: (filter: StatementFilter) =>
    queryOptions({
      queryKey: ['receivables', 'statements', filter] as const,
      queryFn: () => unwrap(api().billing.list({ ...filter, limit: 500 })),
      meta: { reads: ['partners'] },
    }),
  statement: (id: number) =>
    queryOptions({ queryKey: ['receivables', 'statement', id] as const, queryFn: () => unwrap(api().billing.get({ id })), meta: { reads: LEDGER_READS } }),
  payments: (customerId: number | null) =>
    queryOptions({
      queryKey: ['receivables', 'payments', customerId] as const,
      queryFn: () => unwrap(api().payments.list(customerId === null ? { limit: 500 } : { customerId, limit: 500 })),
      meta: { reads: ['partners'] },
    }),
  /** a customer's open invoices (oldest first) and its unallocated money; nothing is asked without a customer */
  openItems: (customerId: number | null) =>
    queryOptions({
      queryKey: ['receivables', 'openItems', customerId] as const,
      queryFn: () => unwrap(api().receivables.openItems({ customerId: customerId ?? 0 })),
      enabled: customerId !== null,
      meta: { reads: LEDGER_READS },
    }),
  balances: (asOf: string) =>
    queryOptions({ queryKey: ['receivables', 'balances', asOf] as const, queryFn: () => unwrap(api().receivables.balances({ asOf })), meta: { reads: LEDGER_READS } }),
  schedule: (asOf: string) =>
    queryOptions({ queryKey: ['receivables', 'schedule', asOf] as const, queryFn: () => unwrap(api().receivables.schedule({ asOf })), meta: { reads: LEDGER_READS } }),
};
