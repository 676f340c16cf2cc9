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
import { seedFirstRun } from './masters/seed';
import { createSalesModule } from './sales/sales-module';
import { systemClock, systemTimers, type Clock, type Fetch, type Logger, type OpenExternal, type Timers, type TokenStore } from './ports';

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
  /**
   * Developer setting: https hosts besides bcart.jp that EC連携設定 may point to and BCart
   * credentials may be sent to (BCART_EXTERNAL_HOSTS; src-shared/ec-settings/api-url-policy.ts).
   */
  extraApiHosts?: readonly string[];
}

export interface Core {
  dispatch: Dispatch;
  ctx: CoreContext;
  events: EventBus;
  db: SqliteDb;
  repos: MasterRepositories;
  migration: MigrationReport;
  options: CoreOptions;
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
      extraApiHosts: opts.extraApiHosts ?? [],
      info: {
        version: opts.appVersion ?? '0.0.0',
        dataDir: opts.dataDir,
        schemaVersion: migration.schemaVersion,
        demoMode: opts.demoMode ?? false,
      },
      now,
      sales: createSalesModule({ orm, sqlite: db }, now),
    };
    const handlers = buildHandlers(ctx);
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
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
