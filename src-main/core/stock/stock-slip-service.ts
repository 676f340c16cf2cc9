/**
 * 入荷伝票 / 在庫移動伝票 / 棚卸調整: 保存 (draft), edit and 削除 while not confirmed, 確定 and
 * 確定取消. 確定 writes the slip's ledger rows AND the relative changes of every 連携倉庫 it touches
 * into the outbox in ONE immediate transaction (durable outbox, docs/stock-rules.md); 確定取消
 * removes the rows and queues the opposite changes the same way. The pusher is told afterwards.
 */
import { AppError } from '../../../src-shared/errors';
import {
  STOCK_SLIP_LABELS,
  type StockSlipConfirmResult,
  type StockSlipDetail,
  type StockSlipInput,
} from '../../../src-shared/stock/stock-slip';
import type { LedgerRepository } from './ledger-repository';
import type { OutboxRepository } from './outbox-repository';
import { outboxChanges } from './rules/outbox-changes';
import { reverseMovements, slipMovements } from './rules/slip-movements';
import type { StockLinkRepository } from './stock-link-repository';
import { checkStockSlip, slipRefIds } from './stock-slip-rules';
import type { StockSlipRepository } from './stock-slip-repository';

export interface StockSlipServiceDeps {
  /** runs fn in one IMMEDIATE transaction over the repositories */
  transaction<T>(fn: () => T): T;
  slips: StockSlipRepository;
  ledger: LedgerRepository;
  outbox: OutboxRepository;
  links: StockLinkRepository;
  now(): string;
  /** after a commit that queued changes for these settings (the pusher sends them at once) */
  onQueued(settingIds: number[]): void;
}

export function createStockSlipService(d: StockSlipServiceDeps) {
  const immediate = d.transaction;
  const check = (input: StockSlipInput) => checkStockSlip(d.slips.refs(slipRefIds(input)), input);

  const assertDraft = (id: number, action: string) => {
    const h = d.slips.get(id);
    if (h.confirmed) {
      throw new AppError(
        'CONFIRMED_LOCKED',
        `${STOCK_SLIP_LABELS[h.kind]} ${id} は確定済みのため${action}できません。${action}するには先に「確定取消」を行ってください。`,
      );
    }
    return h;
  };

  /** Queues the 連携倉庫 part of movements and returns the settings touched. */
  function queue(
    movements: ReturnType<typeof slipMovements>,
    kind: 'receipt' | 'transfer' | 'adjustment',
    slipId: number,
    now: string,
  ): { queued: number; settings: number[] } {
    const changes = outboxChanges(movements, d.links.pushTargets(), d.links.linkResolver());
    d.outbox.enqueue(changes, { kind, slipId }, now);
    return { queued: changes.length, settings: [...new Set(changes.map((c) => c.settingId))] };
  }

  return {
    create(input: StockSlipInput): StockSlipDetail {
      const { values, lines } = check(input);
      const id = immediate(() => d.slips.insert(values, lines, d.now()));
      return d.slips.detail(id);
    },

    update(id: number, input: StockSlipInput): StockSlipDetail {
      const { values, lines } = check(input);
      immediate(() => {
        const h = assertDraft(id, '編集');
        if (h.kind !== values.kind)
          throw new AppError('VALIDATION', '伝票の種類は変更できません。新しい伝票を作成してください。', {
            fields: [{ path: 'kind', message: '伝票の種類は変更できません。' }],
          });
        d.slips.update(id, values, lines, d.now());
      });
      return d.slips.detail(id);
    },

    remove(id: number): { deleted: number } {
      immediate(() => {
        assertDraft(id, '削除');
        d.slips.remove(id);
      });
      return { deleted: id };
    },

    confirm(id: number): StockSlipConfirmResult {
      const r = immediate(() => {
        const h = d.slips.get(id);
        if (h.confirmed) throw new AppError('CONFIRMED_LOCKED', `${STOCK_SLIP_LABELS[h.kind]} ${id} はすでに確定済みです。`);
        const lines = d.slips.lines(id);
        const now = d.now();
        const book =
          h.kind === 'adjustment'
            ? d.ledger.balances(
                h.warehouseId,
                lines.map((l) => l.productId),
              )
            : new Map<number, number>();
        const moves = slipMovements(h, lines, book);
        d.ledger.write(h.kind, id, h.date, moves, now);
        if (h.kind === 'adjustment') d.slips.setBookQuantities(id, book);
        d.slips.setConfirmed(id, true, now);
        return queue(moves, h.kind, id, now);
      });
      if (r.settings.length > 0) d.onQueued(r.settings);
      return { slip: d.slips.detail(id), queued: r.queued };
    },

    unconfirm(id: number): StockSlipConfirmResult {
      const r = immediate(() => {
        const h = d.slips.get(id);
        if (!h.confirmed) throw new AppError('VALIDATION', `${STOCK_SLIP_LABELS[h.kind]} ${id} は確定されていません。`);
        const now = d.now();
        const moves = reverseMovements(d.ledger.rowsOf(h.kind, id));
        d.ledger.remove(h.kind, id);
        if (h.kind === 'adjustment') d.slips.setBookQuantities(id, null);
        d.slips.setConfirmed(id, false, now);
        return queue(moves, h.kind, id, now);
      });
      if (r.settings.length > 0) d.onQueued(r.settings);
      return { slip: d.slips.detail(id), queued: r.queued };
    },
  };
}
export type StockSlipService = ReturnType<typeof createStockSlipService>;
