/**
 * react-query options of 在庫: one key factory rooted at 'stock' (a `data:changed` {domain:'stock'}
 * or `stock:pushChanged` invalidates everything under it) and queryOptions per read.
 */
import { queryOptions } from '@tanstack/react-query';
import type { OutboxStatus } from '../../src-shared/stock/stock-push';
import type { StockListInput } from '../../src-shared/stock/stock-book';
import type { StockSlipListInput } from '../../src-shared/stock/stock-slip';
import { api, unwrap } from '../ipc/api';

export const stockKeys = {
  all: ['stock'] as const,
  slips: (q: StockSlipListInput) => [...stockKeys.all, 'slips', q] as const,
  slip: (id: number) => [...stockKeys.all, 'slip', id] as const,
  list: (q: StockListInput) => [...stockKeys.all, 'list', q] as const,
  movements: (warehouseId: number, productId: number) => [...stockKeys.all, 'movements', warehouseId, productId] as const,
  outbox: (settingId: number | null, statuses: readonly OutboxStatus[] | null) =>
    [...stockKeys.all, 'outbox', settingId, statuses] as const,
  counts: (settingId?: number) => [...stockKeys.all, 'counts', settingId ?? null] as const,
  options: (settingId: number) => [...stockKeys.all, 'options', settingId] as const,
  migration: (settingId: number) => [...stockKeys.all, 'migration', settingId] as const,
};

export const stockSlipsQuery = (q: StockSlipListInput) =>
  queryOptions({ queryKey: stockKeys.slips(q), queryFn: () => unwrap(api().stockSlips.list(q)) });

export const stockSlipQuery = (id: number) =>
  queryOptions({ queryKey: stockKeys.slip(id), queryFn: () => unwrap(api().stockSlips.get({ id })) });

export const stockListQuery = (q: StockListInput) =>
  queryOptions({ queryKey: stockKeys.list(q), queryFn: () => unwrap(api().stock.list(q)) });

export const movementsQuery = (warehouseId: number, productId: number) =>
  queryOptions({
    queryKey: stockKeys.movements(warehouseId, productId),
    queryFn: () => unwrap(api().stock.movements({ warehouseId, productId })),
  });

export const outboxQuery = (settingId: number | null, statuses: OutboxStatus[] | null) =>
  queryOptions({
    queryKey: stockKeys.outbox(settingId, statuses),
    queryFn: () => unwrap(api().stock.outbox({ ...(settingId !== null ? { settingId } : {}), ...(statuses ? { statuses } : {}) })),
  });

export const pushCountsQuery = (settingId?: number) =>
  queryOptions({
    queryKey: stockKeys.counts(settingId),
    queryFn: () => unwrap(api().stock.counts(settingId !== undefined ? { settingId } : {})),
  });

export const stockOptionsQuery = (settingId: number) =>
  queryOptions({ queryKey: stockKeys.options(settingId), queryFn: () => unwrap(api().stock.options({ settingId })) });

export const migrationPreviewQuery = (settingId: number) =>
  queryOptions({
    queryKey: stockKeys.migration(settingId),
    queryFn: () => unwrap(api().stock.migrationPreview({ settingId })),
    enabled: false,
  });

/** The EC連携設定 list the stock screens pick from (same key as the other screens use). */
export const settingsListQuery = () => queryOptions({ queryKey: ['settings', 'list'], queryFn: () => unwrap(api().settings.list({})) });
