/**
 * Queries of 在庫 (入荷・在庫移動, 在庫一覧, 在庫反映状況). Every key starts with the data root 'stock',
 * so main's `data:changed` for 'stock' — after a 確定, a 在庫反映 round, a 補正 — refreshes them all;
 * the names of masters a row shows are `reads`.
 */
import { queryOptions } from '@tanstack/react-query';
import type { StockListInput } from '../../src-shared/stock/stock-book';
import type { OutboxStatus } from '../../src-shared/stock/stock-push';
import type { StockSlipListInput } from '../../src-shared/stock/stock-slip';
import { api, unwrap } from '../ipc/api';

export const stockQueries = {
  /** 入荷伝票 / 在庫移動伝票 / 棚卸調整, newest first */
  slips: (q: StockSlipListInput) =>
    queryOptions({
      queryKey: ['stock', 'slips', q] as const,
      queryFn: () => unwrap(api().stockSlips.list(q)),
      meta: { reads: ['partners', 'products'] },
    }),
  slip: (id: number) =>
    queryOptions({
      queryKey: ['stock', 'slip', id] as const,
      queryFn: () => unwrap(api().stockSlips.get({ id })),
      meta: { reads: ['partners', 'products', 'departments', 'workflows'] },
    }),
  /** 在庫一覧 per warehouse × product with totals */
  list: (q: StockListInput) =>
    queryOptions({
      queryKey: ['stock', 'list', q] as const,
      queryFn: () => unwrap(api().stock.list(q)),
      meta: { reads: ['partners', 'products'] },
    }),
  /** 入出庫明細 of one warehouse × product */
  movements: (warehouseId: number, productId: number) =>
    queryOptions({
      queryKey: ['stock', 'movements', warehouseId, productId] as const,
      queryFn: () => unwrap(api().stock.movements({ warehouseId, productId })),
    }),
  /** 在庫反映状況: outbox rows of a setting (all settings: null) in these states (all: null) */
  outbox: (settingId: number | null, statuses: readonly OutboxStatus[] | null) =>
    queryOptions({
      queryKey: ['stock', 'outbox', settingId, statuses] as const,
      queryFn: () =>
        unwrap(api().stock.outbox({ ...(settingId !== null ? { settingId } : {}), ...(statuses ? { statuses: [...statuses] } : {}) })),
    }),
  /** 未送信 / 失敗 / 要確認 … counts (dashboard, 在庫反映状況) */
  counts: (settingId?: number) =>
    queryOptions({
      queryKey: ['stock', 'counts', settingId ?? null] as const,
      queryFn: () => unwrap(api().stock.counts(settingId !== undefined ? { settingId } : {})),
    }),
  /** the 送信方法 of a setting */
  options: (settingId: number) =>
    queryOptions({ queryKey: ['stock', 'options', settingId] as const, queryFn: () => unwrap(api().stock.options({ settingId })) }),
};
