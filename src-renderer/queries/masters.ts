/**
 * Queries of the masters (部門, 税区分, ワークフロー, 取引先, 商品, 請求口座). Each master's root is its
 * IPC prefix, so a write to 商品 refreshes every 商品 list, select and search at once.
 */
import { queryOptions } from '@tanstack/react-query';
import type { IpcResult } from '../../src-shared/ipc/result';
import type { MasterListInput } from '../../src-shared/masters/fields';
import type { PartnerKind } from '../../src-shared/masters/partner';
import { api, unwrap } from '../ipc/api';
import { masterApi, type MasterPrefix, type MasterRow } from '../ipc/master-api';

export type MasterList<P extends MasterPrefix> = { rows: MasterRow<P>[]; total: number };

export function masterQueries<P extends MasterPrefix>(prefix: P) {
  return {
    /**
     * The list as the page shows it. `narrow` (with its value in the key) replaces the generic list,
     * e.g. 取引先 of one 取引先種別; `limit` fetches only the first rows (the page's first screen).
     */
    list: (input: MasterListInput, narrow: { value: string; list: (input: MasterListInput) => Promise<IpcResult<MasterList<P>>> } | null) =>
      queryOptions({
        queryKey: [prefix, 'list', input, narrow?.value ?? ''] as const,
        queryFn: () => unwrap(narrow ? narrow.list(input) : masterApi(prefix).list(input)),
      }),
    /** up to `limit` records for a select (confirmed and not: the select marks 未確定) */
    options: (limit: number) =>
      queryOptions({ queryKey: [prefix, 'options', limit] as const, queryFn: () => unwrap(masterApi(prefix).list({ limit })) }),
  };
}

export const partnerQueries = {
  /** confirmed 取引先 of one 種別, by code (the 倉庫 and 仕入先 of a stock slip) */
  confirmedOfKind: (kind: PartnerKind) =>
    queryOptions({
      queryKey: ['partners', 'confirmedOfKind', kind] as const,
      queryFn: () => unwrap(api().partners.listByKind({ kind, confirmed: 'confirmed', sortKey: 'code', sortDir: 'asc' })),
    }),
  /** 取引先 of one 種別 for a select (連携倉庫 = 倉庫, 得意先 …) */
  optionsOfKind: (kind: PartnerKind, limit: number) =>
    queryOptions({ queryKey: ['partners', 'options', kind, limit] as const, queryFn: () => unwrap(api().partners.listByKind({ kind, limit })) }),
};

export const productQueries = {
  /** confirmed 商品 matching a search (code, name, SKU, JAN), for picking one; '' asks nothing */
  confirmedSearch: (query: string, limit: number) =>
    queryOptions({
      queryKey: ['products', 'confirmedSearch', query, limit] as const,
      queryFn: () => unwrap(api().products.list({ query, confirmed: 'confirmed', limit, sortKey: 'code', sortDir: 'asc' })),
      enabled: query !== '',
    }),
};
