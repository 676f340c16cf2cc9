/**
 * Composition root of the core. Every transport (Electron shell, browser harness, CLI, tests)
 * builds the core here with its own ports, then talks to it through `dispatch` and `events`, and to
 * the long-lived services it starts or stops (schedules, imports, demo shop) through `services`.
 * Nothing else in the core constructs a service: each one is built once below from the
 * repositories and the ports it uses.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { jstDateOf, toJstIso } from '../../src-shared/domain/jst-date';
import { AppError } from '../../src-shared/errors';
import { dbHandle, type Db } from './db/db-handle';
import { createBackupService } from './backups/backup-service';
import { migrateDatabase, type MigrationReport } from './db/migrate';
import { openDatabase, type SqliteDb } from './db/open';
import { createCsvJobs } from './csv/csv-jobs';
import { createBcartSessions, type ClientOverrides } from './ec-settings/bcart-sessions';
import { createConnectionService } from './ec-settings/connection-service';
import { createEcSettingService } from './ec-settings/ec-setting-service';
import { createLeaseRepository } from './db/lease-repository';
import { createPaymentRuleService } from './ec-settings/payment-rule-service';
import { createProductLinkService } from './ec-settings/product-link-service';
import { createEventBus, type EventBus } from './event-bus';
import { createImportService } from './import/import-service';
import { createImportLock } from './import/import-lock';
import { createReviewService } from './import/review-service';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import { buildHandlers } from './ipc/handlers';
import { seedFirstRun, seedStockWorkflows } from './masters/seed';
import { createAnalysisService } from './analysis/analysis-service';
import { createDeliveryNoteService } from './sales/delivery-note-service';
import { createSalesService } from './sales/sales-service';
import {
  systemClock,
  systemTimers,
  type Clock,
  type CorePorts,
  type DemoShopPort,
  type Fetch,
  type Logger,
  type LoginItemPort,
  type OpenExternal,
  type Timers,
  type TokenStore,
} from './ports';
import { applyBillingTermDefaults } from './receivables/billing-terms-upgrade';
import { createReceivablesService } from './receivables/receivables-service';
import { createRepositories } from './repositories';
import { fillMoneyBasis } from './slips/money-basis-upgrade';
import { fillSalePrices } from './subscriptions/sale-price-upgrade';
import { isJapaneseHoliday } from './schedules/holidays';
import { runImportJob } from './schedules/import-job-runner';
import { createLoginItem } from './schedules/login-item';
import { createSchedulerService, type SchedulerServiceOptions } from './schedules/scheduler-service';
import type { Services } from './services';
import { createDemoService } from './setup/demo-service';
import { runInitialSetup } from './setup/initial-setup';
import { createOnboardingService } from './setup/onboarding-service';
import { createStockFeature } from './stock/stock-feature';
import type { StockPusherOptions } from './stock/stock-pusher';
import { createStoreMode } from './store-mode/store-mode';
import { createTaxUpdateService } from './tax-update/tax-update-service';

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
  /** the built-in BCart simulator's demo shop (shell, harness, CLI); absent = 「デモデータで試す」 refused */
  demoShop?: DemoShopPort;
  /** applies 「ログイン時に起動」 to the OS (the shell only); absent = unsupported */
  loginItem?: LoginItemPort;
  /** scheduler replacements (tests: a fake job, a holiday calendar) */
  scheduler?: SchedulerServiceOptions;
  /** better_sqlite3.node built for Electron (the shell passes it) */
  nativeBinding?: string;
  appVersion?: string;
  demoMode?: boolean;
  /**
   * Developer setting: https hosts besides bcart.jp that EC連携設定 may point to and BCart
   * credentials may be sent to (BCART_EXTERNAL_HOSTS; src-shared/ec-settings/api-url-policy.ts).
   */
  extraApiHosts?: readonly string[];
  /** lease time of the cross-process import lock (tests; default IMPORT_LOCK_TTL_MS) */
  importLockTtlMs?: number;
  /** 在庫反映 pusher timing (tests) */
  stockPusher?: Partial<StockPusherOptions>;
  /** timeouts / retries of the BCart clients the stock feature uses (tests) */
  stockClientTiming?: ClientOverrides;
  /**
   * Test-only port: sees the migrated connection before any service gets it. The reliability suites
   * wrap it to count the statements of a write transaction and to stop the process or raise a SQLite
   * error at statement k (docs/reliability.md). The shell, the harness and the CLI never pass it.
   */
  instrumentConnection?: (sqlite: SqliteDb) => void;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  services: Services;
  /** the raw connection: migrations, tests' assertions */
  db: SqliteDb;
  migration: MigrationReport;
  options: CoreOptions;
  close(): void;
}

export const DB_FILE_NAME = 'bcart-desk.sqlite3';

export async function createCore(opts: CoreOptions): Promise<Core> {
  // Validation messages in Japanese wherever a schema has no message of its own.
  z.config(z.locales.ja());
  const clock = opts.clock ?? systemClock;
  // the books: readable by this user only (where the OS has modes; an existing folder is left as it is)
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const sqlite = openDatabase({ file: dbFile, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    const migration = await migrateDatabase(sqlite, {
      migrationsDir: opts.migrationsDir,
      backupDir: join(opts.dataDir, 'backups'),
      now: clock.now(),
    });
    opts.instrumentConnection?.(sqlite);
    const ports: CorePorts = {
      clock,
      timers: opts.timers ?? systemTimers,
      logger: opts.logger,
      fetch: opts.fetch ?? ((input, init) => fetch(input, init)),
      tokenStore: opts.tokenStore,
      openExternal:
        opts.openExternal ??
        (async () => {
          throw new AppError('FORBIDDEN', 'この環境ではブラウザを開けません。');
        }),
      now: () => toJstIso(clock.now()),
    };
    const services = buildServices(opts, ports, dbHandle(sqlite), migration);
    // backups: the rule is applied at every start (a データ形式更新 may just have added one)
    try {
      services.backups.prune();
    } catch (e) {
      opts.logger.warn('古いバックアップを整理できませんでした', { error: e instanceof Error ? e.message : String(e) });
    }
    const dispatch = createDispatch(buildHandlers(services), opts.logger);
    opts.logger.info('core started', { dataDir: opts.dataDir, schemaVersion: migration.schemaVersion, applied: migration.applied });
    return {
      dispatch,
      events: services.events,
      services,
      db: sqlite,
      migration,
      options: opts,
      close: () => {
        // a push in flight is aborted; its rows stay `sending` and are read back at the next start
        void services.stock.pusher.stop();
        sqlite.close();
      },
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/** Builds every service once, each from the repositories and ports it uses. */
function buildServices(opts: CoreOptions, ports: CorePorts, db: Db, migration: MigrationReport): Services {
  const repos = createRepositories(db, ports.now);
  seedFirstRun(repos, ports.now());
  applyBillingTermDefaults(repos, ports.now());
  seedStockWorkflows(repos, ports.now());
  fillMoneyBasis(repos);
  fillSalePrices(repos, ports.now());
  const events = createEventBus();
  const storeMode = createStoreMode(repos, ports.now);
  const extraApiHosts = opts.extraApiHosts ?? [];
  const bcart = createBcartSessions({ ...ports, extraApiHosts }, repos.ecSettings);
  const ecSettings = createEcSettingService(repos, ports.clock, extraApiHosts);
  const setupDeps = { repos, ecSettings, bcart, storeMode, ports };
  const leases = createLeaseRepository(db.orm, ports.clock);
  const lock = createImportLock(leases, { timers: ports.timers, logger: ports.logger, ...(opts.importLockTtlMs ? { ttlMs: opts.importLockTtlMs } : {}) });
  const imports = createImportService({ repos, bcart, storeMode, events, lock, clock: ports.clock, logger: ports.logger, now: ports.now });
  const loginItem = createLoginItem(repos.appState, opts.loginItem, ports.now);
  // the stored choice goes to the OS at every start (an update or the OS may have reset it)
  loginItem.applyStored();
  const jobs = { imports, repos };
  const stock = createStockFeature({
    repos: repos.stock,
    leases,
    transaction: (fn) => repos.transaction(fn, { immediate: true }),
    clock: ports.clock,
    timers: ports.timers,
    logger: ports.logger,
    now: ports.now,
    emit: events.emit,
    // the session's client shares the shop's rate limiter and credentials with the import
    clientOf: (id) => (opts.stockClientTiming ? bcart.client(bcart.session(id).setting, opts.stockClientTiming) : bcart.session(id).client),
    ...(opts.stockPusher ? { pusherOptions: opts.stockPusher } : {}),
  });
  const sales = createSalesService({
    repo: repos.sales,
    slips: repos.slips,
    transaction: repos.transaction,
    now: ports.now,
    // until the 取引先 carries a rounding of its own: 切り捨て, the usual choice of Japanese issuers
    roundingOf: () => 'floor',
    // 確定 from a 連携倉庫 goes to BCart through the stock feature's outbox, in the same transaction
    stockOutbox: { queue: stock.queue, announce: stock.announce },
  });
  return {
    info: { version: opts.appVersion ?? '0.0.0', dataDir: opts.dataDir, schemaVersion: migration.schemaVersion, demoMode: opts.demoMode ?? false },
    ports,
    events,
    repos,
    storeMode,
    bcart,
    ecSettings,
    connection: createConnectionService(bcart, events, ports.logger),
    paymentRules: createPaymentRuleService(repos, ports.logger),
    productLinks: createProductLinkService(repos, bcart, ports),
    onboarding: createOnboardingService(repos, bcart, storeMode, ports.logger),
    initialSetup: { run: (o) => runInitialSetup(setupDeps, o) },
    demo: createDemoService(opts.demoShop, setupDeps, ports),
    imports,
    reviews: createReviewService({ repos, now: ports.now }),
    schedules: createSchedulerService(
      {
        repos,
        storeMode,
        events,
        ports,
        runJob: (_job, trigger, signal, source) => runImportJob(jobs, trigger, signal, source === 'tray' ? 'tray' : undefined),
      },
      opts.scheduler,
    ),
    csvJobs: createCsvJobs(events),
    loginItem,
    receivables: createReceivablesService({
      repos,
      now: ports.now,
      today: () => jstDateOf(ports.clock.now()),
      logger: ports.logger.child('receivables'),
      isPublicHoliday: isJapaneseHoliday,
    }),
    taxUpdate: createTaxUpdateService({
      repos,
      storeMode,
      sqlite: db.sqlite,
      dataDir: opts.dataDir,
      now: ports.now,
      nowMs: () => ports.clock.now(),
      onPhase: (eventId, phase) => events.emit('taxUpdate:progressed', { eventId, phase }),
    }),
    stock,
    backups: createBackupService({
      dataDir: opts.dataDir,
      store: {
        readRetention: () => repos.appState.get('backups.retention'),
        writeRetention: (json) => repos.appState.set('backups.retention', json, ports.now()),
        referencedBackups: () => repos.taxUpdate.listRuns().flatMap((r) => (r.backupFile ? [r.backupFile] : [])),
      },
      clock: ports.clock,
      logger: ports.logger,
    }),
    sales,
    deliveryNotes: createDeliveryNoteService({
      sales,
      repo: repos.sales,
      company: () => repos.company.get(),
      recipient: (code) => repos.customerTerms.byCode(code),
    }),
    analysis: createAnalysisService(repos.analysis),
  };
}
