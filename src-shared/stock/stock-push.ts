/**
 * 在庫反映 (stock push to BCart) as the screens see it: outbox items with their state, the counts the
 * tray and the dashboard show, and the options of an EC連携設定.
 */
import { z } from 'zod';

const id = z.number().int().positive();

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'ambiguous', 'excluded', 'resolved'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '未送信',
  sending: '送信中',
  sent: '送信済',
  failed: '失敗',
  ambiguous: '要確認',
  excluded: '対象外',
  resolved: '解決済',
};

export const PUSH_ROUTES = ['product_sets', 'product_stock'] as const;
export type PushRoute = (typeof PUSH_ROUTES)[number];

export const outboxSource = z.object({
  kind: z.enum(['receipt', 'transfer', 'adjustment', 'correction']),
  slipId: z.number().int().nullable(),
  delta: z.number().int(),
});
export type OutboxSource = z.infer<typeof outboxSource>;

export const outboxRow = z.object({
  id,
  settingId: id,
  productId: id,
  productCode: z.string(),
  productName: z.string(),
  productNo: z.string(),
  setId: z.number().int().nullable(),
  delta: z.number().int(),
  status: z.enum(OUTBOX_STATUSES),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  stockBefore: z.number().int().nullable(),
  stockAfter: z.number().int().nullable(),
  sources: z.array(outboxSource),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type OutboxRowView = z.infer<typeof outboxRow>;

export const outboxListInput = z
  .object({
    settingId: id.optional(),
    /** default: everything that still needs attention (pending, sending, failed, ambiguous) */
    statuses: z.array(z.enum(OUTBOX_STATUSES)).max(7).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export const pushCounts = z.object({
  /** waiting or in flight */
  pending: z.number().int(),
  failed: z.number().int(),
  ambiguous: z.number().int(),
  excluded: z.number().int(),
  sent: z.number().int(),
});
export type PushCounts = z.infer<typeof pushCounts>;

export const pushCountsInput = z.object({ settingId: id.optional() }).strict().optional();

export const pushNowInput = z.object({ settingId: id.optional() }).strict().optional();
export const pushNowResult = pushCounts.extend({
  /** settings whose pusher runs in another process (the app or the CLI): their items were left to it */
  busy: z.array(id),
});
export type PushNowResult = z.infer<typeof pushNowResult>;

/** 再送: failed items back to pending; 確認済にする: ambiguous items resolved after the clerk checked BCart */
export const outboxIdsInput = z.object({ ids: z.array(id).min(1).max(10_000), reason: z.string().max(200).optional() }).strict();

export const stockOptions = z.object({ settingId: id, pushRoute: z.enum(PUSH_ROUTES) });
export type StockOptions = z.infer<typeof stockOptions>;
export const stockOptionsInput = z.object({ settingId: id }).strict();
export const stockOptionsUpdate = stockOptions.strict();

/** Push event payload: the counts changed (tray, dashboard, screens). */
export const pushChanged = pushCounts;

export const stockEventDefs = {
  /** 在庫反映: the outbox counts changed after a push round (tray, dashboard, 在庫反映状況) */
  'stock:pushChanged': pushChanged,
};
