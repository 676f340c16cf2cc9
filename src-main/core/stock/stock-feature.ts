/**
 * Builds the stock services from explicit parts (composition root: create-core.ts, as
 * `Services.stock`): the slip service, 在庫照合 / 在庫移行 and the long-lived 在庫反映 pusher, over
 * the stock repositories. Nothing here is a module-level singleton; a core has exactly one of each.
 */
import { AppError } from '../../../src-shared/errors';
import type { EventName, EventPayload } from '../../../src-shared/ipc/events';
import type { BcartClient } from '../bcart/client';
import { newLeaseHolder, type LeaseRepository } from '../db/lease-repository';
import type { Clock, Logger, Timers } from '../ports';
import { createReconcileService } from './reconcile-service';
import { createStockPusher, type StockPusherOptions } from './stock-pusher';
import type { StockRepositories } from './stock-repositories';
import { createStockSlipService } from './stock-slip-service';

export interface StockFeatureDeps {
  repos: StockRepositories;
  /** the database leases (one pusher per EC連携設定 across processes) */
  leases: LeaseRepository;
  /** runs fn in one IMMEDIATE transaction over the repositories */
  transaction<T>(fn: () => T): T;
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
  const { repos, transaction } = d;
  // new 在庫反映 counts and states: the tray reads the counts, the screens refresh their stock data
  const emit: StockFeatureDeps['emit'] = (event, payload) => {
    d.emit(event, payload);
    if (event === 'stock:pushChanged') d.emit('data:changed', { roots: ['stock'] });
  };
  const log = d.logger.child('stock');
  const pusher = createStockPusher({
    outbox: repos.outbox,
    settings: repos.settings,
    leases: d.leases,
    holder: newLeaseHolder(),
    clientOf: d.clientOf,
    clock: d.clock,
    timers: d.timers,
    logger: log,
    now: d.now,
    transaction,
    emit,
    ...(d.pusherOptions ? { options: d.pusherOptions } : {}),
  });
  const slips = createStockSlipService({
    transaction,
    ...repos,
    now: d.now,
    onQueued: (ids) => {
      emit('stock:pushChanged', repos.outbox.counts());
      pusher.kick(ids);
    },
  });
  const reconcile = createReconcileService({
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

  return { repos, leases: d.leases, slips, reconcile, pusher, transaction, defaultSetting };
}
export type StockFeature = ReturnType<typeof createStockFeature>;
