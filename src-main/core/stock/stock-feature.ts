/**
 * Builds the stock feature from explicit parts (composition root: create-core.ts): its repositories,
 * the slip service, 在庫照合 / 在庫移行 and the long-lived 在庫反映 pusher. Nothing here is a
 * module-level singleton; a core has exactly one of each.
 */
import { AppError } from '../../../src-shared/errors';
import type { EventName, EventPayload } from '../../../src-shared/ipc/events';
import type { BcartClient } from '../bcart/client';
import { createLeaseRepository, newLeaseHolder } from '../db/lease-repository';
import type { Clock, Logger, Timers } from '../ports';
import { createLedgerRepository } from './ledger-repository';
import { createOutboxRepository } from './outbox-repository';
import { createReconcileService } from './reconcile-service';
import type { StockOrm } from './stock-db';
import { createStockLinks } from './stock-links';
import { createStockPusher, type StockPusherOptions } from './stock-pusher';
import { createStockSettingsRepository } from './stock-settings-repository';
import { createStockSlipRepository } from './stock-slip-repository';
import { createStockSlipService } from './stock-slip-service';

export interface StockFeatureDeps {
  orm: StockOrm;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  now(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** the BCart client of an EC連携設定 (one per setting and core: shares the import's rate limiter) */
  clientOf(settingId: number): BcartClient;
  pusherOptions?: Partial<StockPusherOptions>;
}

export function createStockFeature(d: StockFeatureDeps) {
  const transaction = <T>(fn: () => T): T => d.orm.transaction(() => fn(), { behavior: 'immediate' });
  const repos = {
    slips: createStockSlipRepository(d.orm),
    ledger: createLedgerRepository(d.orm),
    outbox: createOutboxRepository(d.orm),
    links: createStockLinks(d.orm),
    settings: createStockSettingsRepository(d.orm),
    leases: createLeaseRepository(d.orm, d.clock),
  };
  const log = d.logger.child('stock');
  const pusher = createStockPusher({
    outbox: repos.outbox,
    settings: repos.settings,
    leases: repos.leases,
    holder: newLeaseHolder(),
    clientOf: d.clientOf,
    clock: d.clock,
    timers: d.timers,
    logger: log,
    now: d.now,
    transaction,
    emit: d.emit,
    ...(d.pusherOptions ? { options: d.pusherOptions } : {}),
  });
  const slips = createStockSlipService({
    orm: d.orm,
    ...repos,
    now: d.now,
    onQueued: (ids) => {
      d.emit('stock:pushChanged', repos.outbox.counts());
      pusher.kick(ids);
    },
  });
  const reconcile = createReconcileService({
    orm: d.orm,
    ...repos,
    clientOf: d.clientOf,
    pusher,
    clock: d.clock,
    logger: log,
    now: d.now,
    transaction,
  });
  /** The setting a stock command means: the given one, else the only one there is. */
  function defaultSetting(id?: number): number {
    const ids = repos.links.settingIds();
    if (id !== undefined) {
      if (!ids.includes(id))
        throw new AppError('NOT_FOUND', `EC連携設定 (ID ${id}) が見つかりません。EC連携設定の画面で確認してください。`);
      return id;
    }
    if (ids.length === 1) return ids[0]!;
    if (ids.length === 0) throw new AppError('NOT_FOUND', 'EC連携設定がありません。先にEC連携設定を作成してください。');
    throw new AppError(
      'VALIDATION',
      `EC連携設定が${ids.length}件あります。対象のEC連携設定を選んでください（コマンドラインでは --setting ID）。`,
      {
        fields: [{ path: 'settingId', message: 'EC連携設定を選んでください。' }],
      },
    );
  }

  return { repos, slips, reconcile, pusher, transaction, defaultSetting };
}
export type StockFeature = ReturnType<typeof createStockFeature>;
