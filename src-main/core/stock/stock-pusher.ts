/**
 * The 在庫反映 pusher: a long-lived service of the core (created in create-core.ts). It sends what
 * the outbox holds, one EC連携設定 at a time per process and — through a lease in the database — one
 * process per EC連携設定 at all (the app, the CLI and a second instance never send the same rows).
 *
 * - `kick(ids)` after a 確定: push those settings at once (when started);
 * - started, a timer looks for due rows every `intervalMs` (backoff ends, rows left by another
 *   process, rows left `sending` by a crash);
 * - `pushNow` runs a round and waits (CLI, 在庫照合 "pending items are sent first", the 今すぐ送信 button);
 * - `stop()` stops the timer, aborts sends in flight (their rows stay `sending` and are read back by
 *   the next round) and releases the leases.
 */
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../../src-shared/ipc/events';
import type { PushCounts, PushNowResult } from '../../../src-shared/stock/stock-push';
import type { BcartClient } from '../bcart/client';
import { holdLease, type LeaseRepository } from '../db/lease-repository';
import type { Clock, Logger, Timers } from '../ports';
import type { OutboxRepository } from './outbox-repository';
import { pushRound, type RoundResult } from './push-round';
import type { StockSettingsRepository } from './stock-settings-repository';

export interface StockPusherDeps {
  outbox: OutboxRepository;
  settings: StockSettingsRepository;
  leases: LeaseRepository;
  /** this process's lease holder id */
  holder: string;
  /** the BCart client of a setting: shares the shop's rate limiter with the import */
  clientOf(settingId: number): BcartClient;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  now(): string;
  transaction<T>(fn: () => T): T;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  options?: Partial<StockPusherOptions>;
}

export interface StockPusherOptions {
  /** how often a started pusher looks for due rows (default 15 s) */
  intervalMs: number;
  /** lease lifetime; renewed every third of it (default 30 s) */
  leaseTtlMs: number;
  orderWindowMs: number;
  backoff: { baseMs: number; capMs: number; random?: () => number };
}

const DEFAULTS: StockPusherOptions = {
  intervalMs: 15_000,
  leaseTtlMs: 30_000,
  orderWindowMs: 10 * 60_000,
  backoff: { baseMs: 5_000, capMs: 5 * 60_000 },
};

export interface StockPusher {
  start(): void;
  stop(): Promise<void>;
  /** pushes these settings soon (no-op until started) */
  kick(settingIds: readonly number[]): void;
  /**
   * Runs a round for the setting (or every setting with pending rows) now, backoff or not, and waits;
   * `busy` lists settings another process pushes.
   */
  pushNow(settingId?: number): Promise<PushNowResult>;
  counts(settingId?: number): PushCounts;
}

export const leaseName = (settingId: number) => `stock-push:${settingId}`;

export function createStockPusher(d: StockPusherDeps): StockPusher {
  const opts: StockPusherOptions = { ...DEFAULTS, ...d.options };
  const log = d.logger.child('stock-push');
  const running = new Map<number, Promise<'done' | 'busy'>>();
  /** one more run asked for while a run was going on (rows may have arrived after it read the outbox) */
  const queued = new Map<number, Promise<'done' | 'busy'>>();
  const controller = { current: new AbortController() };
  let timer: unknown = null;
  let started = false;
  let stopping = false;

  const counts = (settingId?: number) => d.outbox.counts(settingId);
  const announce = () => {
    try {
      d.emit('stock:pushChanged', counts());
    } catch (e) {
      // the database may be closing under a stopped round
      log.debug('stock push: counts not announced', { error: e instanceof Error ? e.message : String(e) });
    }
  };

  function launch(settingId: number, ignoreBackoff: boolean): Promise<'done' | 'busy'> {
    const p = runOnce(settingId, ignoreBackoff).finally(() => {
      if (running.get(settingId) === p) running.delete(settingId);
    });
    running.set(settingId, p);
    return p;
  }

  /** One run per setting at a time; asks while one runs share a single follow-up run. */
  function run(settingId: number, ignoreBackoff = false): Promise<'done' | 'busy'> {
    const current = running.get(settingId);
    if (!current) return launch(settingId, ignoreBackoff);
    let next = queued.get(settingId);
    if (!next) {
      next = current.then(() => {
        queued.delete(settingId);
        return launch(settingId, ignoreBackoff);
      });
      queued.set(settingId, next);
    }
    return next;
  }

  async function runOnce(settingId: number, ignoreBackoff = false): Promise<'done' | 'busy'> {
    if (stopping) return 'done';
    const lease = holdLease(d.leases, leaseName(settingId), d.holder, { ttlMs: opts.leaseTtlMs, timers: d.timers, logger: log });
    if (!lease) return 'busy';
    const signal = AbortSignal.any([controller.current.signal, lease.signal]);
    let r: RoundResult | null = null;
    try {
      r = await pushRound(
        {
          outbox: d.outbox,
          settings: d.settings,
          client: d.clientOf(settingId),
          clock: d.clock,
          logger: log,
          now: d.now,
          transaction: d.transaction,
          newClaimId: () => `bcd-stock-${randomUUID()}`,
          orderWindowMs: opts.orderWindowMs,
          backoff: opts.backoff,
          signal,
          ignoreBackoff,
        },
        settingId,
      );
      if (r.requests > 0) log.info('stock push round', { settingId, ...r });
    } catch (e) {
      // BCart could not be read back (or the client cannot be built): rows stay as recorded, the next round resumes
      log.warn('stock push round stopped', { settingId, error: e instanceof Error ? e.message : String(e) });
    } finally {
      lease.release();
      announce();
    }
    return 'done';
  }

  function schedule(): void {
    if (!started || stopping) return;
    timer = d.timers.setTimeout(() => {
      timer = null;
      tick();
      schedule();
    }, opts.intervalMs);
    (timer as { unref?: () => void } | null)?.unref?.();
  }

  function tick(): void {
    let ids: number[] = [];
    try {
      ids = d.outbox.settingsWithWork(d.now());
    } catch (e) {
      log.warn('stock push: could not read the outbox', { error: e instanceof Error ? e.message : String(e) });
    }
    for (const id of ids) void run(id);
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopping = false;
      controller.current = new AbortController();
      tick();
      schedule();
    },
    async stop() {
      stopping = true;
      started = false;
      if (timer !== null) d.timers.clearTimeout(timer);
      timer = null;
      controller.current.abort(new Error('stock pusher stopped'));
      await Promise.allSettled([...running.values(), ...queued.values()]);
    },
    kick(settingIds) {
      if (!started || stopping) return;
      for (const id of settingIds) void run(id);
    },
    async pushNow(settingId) {
      const ids = settingId !== undefined ? [settingId] : d.outbox.settingsWithWork('9999-12-31T23:59:59+09:00');
      const busy: number[] = [];
      for (const id of ids) if ((await run(id, true)) === 'busy') busy.push(id);
      return { ...counts(settingId), busy };
    },
    counts,
  };
}
