/**
 * 在庫照合 and its correction, and 在庫移行 (docs/stock-rules.md).
 * - reconcile: pending outbox items are sent first, then every linked set is compared;
 * - correct: after the clerk confirmed, the drift of the chosen sets is re-read and the relative
 *   difference (expected − BCart as read just before) goes through the outbox like any change, so a
 *   buyer ordering meanwhile is not overwritten; ambiguous items of those sets are closed; logged;
 * - 在庫移行: once per EC連携設定, the 連携倉庫 gets an opening ledger row per linked managed set of
 *   target − current local stock, target = BCart + not yet imported; nothing is pushed.
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { MigrationPreview, ReconcileResult } from '../../../src-shared/stock/reconcile';
import type { Clock, Logger } from '../ports';
import type { OutboxRepository } from './outbox-repository';
import { migrationFigures } from './rules/reconcile-figures';
import type { StockLinkRepository } from './stock-link-repository';
import type { StockPusher } from './stock-pusher';
import type { StockSettingsRepository } from './stock-settings-repository';
import { readStockSnapshot, type SnapshotDeps } from './stock-snapshot';

export interface ReconcileDeps extends SnapshotDeps {
  outbox: OutboxRepository;
  links: StockLinkRepository;
  settings: StockSettingsRepository;
  pusher: StockPusher;
  clock: Clock;
  logger: Logger;
  now(): string;
  transaction<T>(fn: () => T): T;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function createReconcileService(d: ReconcileDeps) {
  async function reconcile(settingId: number): Promise<ReconcileResult> {
    const setting = d.links.stockSetting(settingId);
    const pushed = await d.pusher.pushNow(settingId);
    const rows = await readStockSnapshot(d, setting);
    return {
      settingId,
      rows: rows.sort((a, b) => a.productCode.localeCompare(b.productCode) || a.setId - b.setId),
      since: setting.since,
      pushLeftPending: pushed.busy.includes(settingId) || rows.some((r) => r.pending > 0),
      readAt: d.now(),
    };
  }

  return {
    reconcile,

    async correct(settingId: number, productIds: readonly number[]) {
      const { rows } = await reconcile(settingId);
      const byProduct = new Map(rows.map((r) => [r.productId, r]));
      const corrected: { productId: number; setId: number; delta: number }[] = [];
      const skipped: { productId: number; reason: string }[] = [];
      let resolved = 0;
      d.transaction(() => {
        const now = d.now();
        for (const id of new Set(productIds)) {
          const r = byProduct.get(id);
          if (!r) skipped.push({ productId: id, reason: 'この商品にはBカートのセットが紐づいていません。' });
          else if (r.bcart === null || r.drift === null)
            skipped.push({ productId: id, reason: 'Bカートで在庫を管理していないセットのため対象外です。' });
          else if (r.pending > 0)
            skipped.push({
              productId: id,
              reason: '未送信の在庫反映があるため補正できません。送信が終わってから、もう一度在庫照合を行ってください。',
            });
          else {
            const ambiguous = d.outbox.ofProducts(settingId, [id], ['ambiguous']).map((x) => x.id);
            if (ambiguous.length > 0) {
              d.outbox.set(
                ambiguous,
                'resolved',
                {
                  reason: `在庫照合で確認しました（Bカート ${r.bcart}、予定 ${r.expected}、差異 ${signed(r.drift)}${r.drift !== 0 ? '、補正を送信' : ''}）。`,
                },
                now,
              );
              resolved += ambiguous.length;
            }
            if (r.drift === 0) continue;
            const delta = r.expected - r.bcart;
            d.outbox.enqueue(
              [{ settingId, productId: id, productNo: r.productNo, setId: r.setId, delta }],
              { kind: 'correction', slipId: null },
              now,
            );
            d.settings.log(
              'info',
              'STOCK_CORRECTED',
              `在庫照合: 商品「${r.productCode}」（セットID ${r.setId}）の差異 ${signed(r.drift)} を補正します（自社在庫 ${r.local}、未取込 ${r.unimported}、予定 ${r.expected}、Bカート ${r.bcart} → ${signed(delta)} を送信）。`,
              now,
            );
            corrected.push({ productId: id, setId: r.setId, delta });
          }
        }
      });
      if (corrected.length > 0) await d.pusher.pushNow(settingId);
      return { corrected, skipped, resolved };
    },

    async migrationPreview(settingId: number): Promise<MigrationPreview> {
      const setting = d.links.stockSetting(settingId);
      const done = d.settings.migration(settingId);
      const rows = (await readStockSnapshot(d, setting)).flatMap((r) => {
        if (r.bcart === null) return [];
        const f = migrationFigures(r.bcart, r.unimported, r.local);
        return [
          {
            productId: r.productId,
            productCode: r.productCode,
            productName: r.productName,
            setId: r.setId,
            productNo: r.productNo,
            bcart: r.bcart,
            unimported: r.unimported,
            target: f.target,
            current: r.local,
            opening: f.opening,
          },
        ];
      });
      return { settingId, warehouseCode: setting.warehouseCode, since: setting.since, rows, appliedAt: done?.appliedAt ?? null };
    },

    async migrationApply(settingId: number) {
      const refuse = (at: string) =>
        new AppError(
          'ALREADY_APPLIED',
          `このEC連携設定の在庫移行は ${at.slice(0, 16).replace('T', ' ')} に実行済みです。在庫移行は一度だけ行えます。差異は在庫照合で補正してください。`,
        );
      const before = d.settings.migration(settingId);
      if (before) throw refuse(before.appliedAt);
      // what BCart has not received yet would be counted twice: send it first
      await d.pusher.pushNow(settingId);
      if (d.outbox.counts(settingId).pending > 0) {
        throw new AppError(
          'VALIDATION',
          '未送信の在庫反映が残っているため在庫移行できません。在庫反映状況で送信を済ませてから、もう一度実行してください。',
        );
      }
      const preview = await this.migrationPreview(settingId);
      const setting = d.links.stockSetting(settingId);
      return d.transaction(() => {
        const again = d.settings.migration(settingId);
        if (again) throw refuse(again.appliedAt);
        const now = d.now();
        // the local side is read again inside the transaction: a slip confirmed since the preview counts
        const current = d.ledger.balances(
          setting.warehouseId,
          preview.rows.map((r) => r.productId),
        );
        const moves = preview.rows
          .map((r) => ({ warehouseId: setting.warehouseId, productId: r.productId, quantity: r.target - (current.get(r.productId) ?? 0) }))
          .filter((m) => m.quantity !== 0);
        const id = d.settings.insertMigration(settingId, jstDateOf(d.clock.now()), moves.length, now);
        d.ledger.write('opening', id, jstDateOf(d.clock.now()), moves, now);
        d.settings.log(
          'info',
          'STOCK_MIGRATED',
          `在庫移行: EC連携設定「${setting.name}」の連携倉庫 ${setting.warehouseCode} にBカートの在庫を開始在庫として取り込みました（${preview.rows.length} セット、移行行 ${moves.length} 件）。`,
          now,
        );
        return { settingId, rows: moves.length, appliedAt: now };
      });
    },
  };
}
export type ReconcileService = ReturnType<typeof createReconcileService>;
