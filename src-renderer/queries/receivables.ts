/**
 * react-query options of 売掛管理: one key factory (every key starts with 'receivables', so the
 * `data:changed` { domain: 'receivables' } push refreshes them all) and one queryOptions per read.
 * Lists of masters used here keep their masters' prefix ('partners', 'bankAccounts').
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../ipc/api';

export const receivablesKeys = {
  all: ['receivables'] as const,
  company: () => [...receivablesKeys.all, 'company'] as const,
  statements: (filter: { from?: string; to?: string; customer?: string }) => [...receivablesKeys.all, 'statements', filter] as const,
  statement: (id: number) => [...receivablesKeys.all, 'statement', id] as const,
  preview: (date: string) => [...receivablesKeys.all, 'preview', date] as const,
  payments: (customerId: number | null) => [...receivablesKeys.all, 'payments', customerId] as const,
  openItems: (customerId: number) => [...receivablesKeys.all, 'open-items', customerId] as const,
  balances: (asOf: string) => [...receivablesKeys.all, 'balances', asOf] as const,
  schedule: (asOf: string) => [...receivablesKeys.all, 'schedule', asOf] as const,
};

export const companyQuery = () => queryOptions({ queryKey: receivablesKeys.company(), queryFn: () => unwrap(api().company.get()) });

export const statementsQuery = (filter: { from?: string; to?: string; customer?: string }) =>
  queryOptions({ queryKey: receivablesKeys.statements(filter), queryFn: () => unwrap(api().billing.list({ ...filter, limit: 500 })) });

export const statementQuery = (id: number) => queryOptions({ queryKey: receivablesKeys.statement(id), queryFn: () => unwrap(api().billing.get({ id })) });

export const paymentsQuery = (customerId: number | null) =>
  queryOptions({
    queryKey: receivablesKeys.payments(customerId),
    queryFn: () => unwrap(api().payments.list(customerId === null ? { limit: 500 } : { customerId, limit: 500 })),
  });

export const openItemsQuery = (customerId: number) =>
  queryOptions({ queryKey: receivablesKeys.openItems(customerId), queryFn: () => unwrap(api().receivables.openItems({ customerId })) });

export const balancesQuery = (asOf: string) => queryOptions({ queryKey: receivablesKeys.balances(asOf), queryFn: () => unwrap(api().receivables.balances({ asOf })) });

export const scheduleQuery = (asOf: string) => queryOptions({ queryKey: receivablesKeys.schedule(asOf), queryFn: () => unwrap(api().receivables.schedule({ asOf })) });

/** 得意先 for the pickers (refreshed with the 取引先 master). */
export const customersQuery = () =>
  queryOptions({ queryKey: ['partners', 'customers'] as const, queryFn: () => unwrap(api().partners.listByKind({ kind: '得意先', sortKey: 'code' })) });

/** 請求口座 for 自社情報's 振込先 (refreshed with the master). */
export const bankAccountsQuery = () => queryOptions({ queryKey: ['bankAccounts', 'for-company'] as const, queryFn: () => unwrap(api().bankAccounts.list({ sortKey: 'code' })) });
