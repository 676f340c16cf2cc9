/**
 * Composition root of the core. Every transport (Electron shell, browser harness, CLI, tests)
 * builds the core here with its own ports, then talks to it only through `dispatch` and `events`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { z } from 'zod';
import { toJstIso } from '../../src-shared/domain/jst-date';
import { AppError } from '../../src-shared/errors';
import type { CoreContext } from './core-context';
import { migrateDatabase, type MigrationReport } from './db/migrate';
import { openDatabase, type SqliteDb } from './db/open';
import * as schema from './db/schema';
import { createEventBus, type EventBus } from './event-bus';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { buildHandlers } from './ipc/handlers';
import { createMasterRepositories, type MasterRepositories } from './masters/master-registry';
import { seedFirstRun, seedStockWorkflows } from './masters/seed';
import { systemClock, systemTimers, type Clock, type Fetch, type Logger, type OpenExternal, type Timers, type TokenStore } from './ports';
import { getBcartSession, type ClientTiming } from './ec-settings/bcart-session';
import { createStockFeature, type StockFeature } from './stock/stock-feature';
import type { StockPusher, StockPusherOptions } from './stock/stock-pusher';

export interface CoreOptions {
  /** folder holding bcart-desk.sqlite3, backups/ and logs */
  dataDir: string;
  /** drizzle/ folder shipped with the app */
  migrationsDir: string;
  logger: Logger;
  tokenStore: TokenStore;
  clock?: Clock;
  timers?: Timers;
  fetch?: Fetch;
  openExternal?: OpenExternal;
  /** better_sqlite3.node built for Electron (the shell passes it) */
  nativeBinding?: string;
  appVersion?: string;
  demoMode?: boolean;
  /** 在庫反映 pusher timing (tests) */
  stockPusher?: Partial<StockPusherOptions>;
  /** timeouts / retries of the BCart clients the stock feature uses (tests) */
  stockClientTiming?: ClientTiming;
}

export interface Core {
  dispatch: Dispatch;
  ctx: CoreContext;
  events: EventBus;
  db: SqliteDb;
  repos: MasterRepositories;
  migration: MigrationReport;
  options: CoreOptions;
  /** 在庫: slips, ledger, outbox; its pusher is started by the shell and the harness (the CLI pushes explicitly) */
  stock: StockFeature;
  stockPusher: StockPusher;
  close(): void;
}

export const DB_FILE_NAME = 'bcart-desk.sqlite3';

export async function createCore(opts: CoreOptions): Promise<Core> {
  // Validation messages in Japanese wherever a schema has no message of its own.
  z.config(z.locales.ja());
  const clock = opts.clock ?? systemClock;
  const timers = opts.timers ?? systemTimers;
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const db = openDatabase({ file: dbFile, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    const migration = await migrateDatabase(db, {
      migrationsDir: opts.migrationsDir,
      backupDir: join(opts.dataDir, 'backups'),
      now: clock.now(),
    });
    const now = () => toJstIso(clock.now());
    seedFirstRun(db, now());
    seedStockWorkflows(db, now());
    const orm = drizzle(db, { schema });
    const repos = createMasterRepositories(orm, now);
    const events = createEventBus();
    const ctx: CoreContext = {
      db,
      orm,
      repos,
      events,
      clock,
      timers,
      logger: opts.logger,
      fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
      tokenStore: opts.tokenStore,
      openExternal:
        opts.openExternal ??
        (async () => {
          throw new AppError('FORBIDDEN', 'この環境ではブラウザを開けません。');
        }),
      dataDir: opts.dataDir,
      info: {
        version: opts.appVersion ?? '0.0.0',
        dataDir: opts.dataDir,
        schemaVersion: migration.schemaVersion,
        demoMode: opts.demoMode ?? false,
      },
      now,
    };
    const stock = createStockFeature({
      orm,
      clock,
      timers,
      logger: opts.logger,
      now,
      emit: events.emit,
      clientOf: (settingId) => getBcartSession(ctx, settingId, opts.stockClientTiming).client,
      ...(opts.stockPusher ? { pusherOptions: opts.stockPusher } : {}),
    });
    const handlers = buildHandlers(ctx, { stock });
    const dispatch = createDispatch(handlers, opts.logger);
    opts.logger.info('core started', { dataDir: opts.dataDir, schemaVersion: migration.schemaVersion, applied: migration.applied });
    return {
      dispatch,
      ctx,
      events,
      db,
      repos,
      migration,
      options: opts,
      stock,
      stockPusher: stock.pusher,
      close: () => {
        // a push in flight is aborted; its rows stay `sending` and are read back at the next start
        void stock.pusher.stop();
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
