/**
 * Queues the 連携倉庫 part of confirmed ledger movements into the 在庫反映 outbox (durable outbox,
 * docs/stock-rules.md). Shared by the stock slips and every other feature whose 確定 moves stock
 * (売上伝票): it must be called INSIDE the caller's 確定 / 確定取消 transaction, so a slip is never
 * confirmed without its change queued; the caller tells the pusher the settings afterwards.
 */
import type { OutboxSource } from '../../../src-shared/stock/stock-push';
import type { OutboxRepository } from './outbox-repository';
import { outboxChanges } from './rules/outbox-changes';
import type { Movement } from './rules/slip-movements';
import type { StockLinkRepository } from './stock-link-repository';

export interface StockQueued {
  /** outbox changes written (one per setting × linked product) */
  queued: number;
  /** EC連携設定 whose pusher has work now */
  settings: number[];
}

export function createStockQueue(d: { outbox: OutboxRepository; links: StockLinkRepository }) {
  return (movements: readonly Movement[], source: Omit<OutboxSource, 'delta'>, now: string): StockQueued => {
    const changes = outboxChanges(movements, d.links.pushTargets(), d.links.linkResolver());
    d.outbox.enqueue(changes, source, now);
    return { queued: changes.length, settings: [...new Set(changes.map((c) => c.settingId))] };
  };
}
export type StockQueue = ReturnType<typeof createStockQueue>;
