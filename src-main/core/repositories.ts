/**
 * One repository per aggregate: the only code that reads and writes the tables (a lint rule keeps
 * the drizzle schema and SQL inside `*-repository.ts` / `*-repositories.ts` and db/). Services
 * combine them inside `transaction`, so a later server database replaces this file's factories and
 * nothing above them.
 */
import { createAnalysisRepository, type AnalysisRepository } from './analysis/analysis-repository';
import { createAppStateRepository, type AppStateRepository } from './app-state/app-state-repository';
import { createDashboardRepository, type DashboardRepository } from './dashboard/dashboard-repository';
import { inTransaction, type Db } from './db/db-handle';
import { createEcSettingRepository, type EcSettingRepository } from './ec-settings/ec-setting-repository';
import { createImportRunRepository, type ImportRunRepository } from './import/import-run-repository';
import { createReviewRepository, type ReviewRepository } from './import/review-repository';
import { createMasterRepositories, type MasterRepositories } from './masters/master-repositories';
import { createReceivablesRepositories, type ReceivablesRepositories } from './receivables/receivables-repositories';
import { createSalesRepository, type SalesRepository } from './sales/sales-repository';
import { createScheduleRepository, type ScheduleRepository } from './schedules/schedule-repository';
import { createStockRepositories, type StockRepositories } from './stock/stock-repositories';
import { createSlipRepository, type SlipRepository } from './slips/slip-repository';
import { createSubscriptionRepository, type SubscriptionRepository } from './subscriptions/subscription-repository';
import { createAdminLogRepository, type AdminLogRepository } from './tax-update/admin-log-repository';
import { createTaxUpdateRepository, type TaxUpdateRepository } from './tax-update/tax-update-repository';

/** 売掛管理's repositories (company, customerTerms, statements, payments, receivablesLedger) are spread in. */
export interface Repositories extends MasterRepositories, ReceivablesRepositories {
  appState: AppStateRepository;
  /** EC連携設定 with its 決済方法ごとの得意先 and EC連携商品 */
  ecSettings: EcSettingRepository;
  /** import history, システムログ, watch list */
  importRuns: ImportRunRepository;
  /** 要確認: imported orders a clerk must look at */
  reviews: ReviewRepository;
  /** 出荷伝票 / 請求伝票 (lines, tax totals, the shipments' stock entries) */
  slips: SlipRepository;
  schedules: ScheduleRepository;
  subscriptions: SubscriptionRepository;
  taxUpdate: TaxUpdateRepository;
  adminLogs: AdminLogRepository;
  /** 在庫: stock slips, their ledger rows, the 在庫反映 outbox, stock options, links to BCart sets */
  stock: StockRepositories;
  /** 売上伝票 (lines, per-rate totals, numbers per 部門) and 得意先別単価 */
  sales: SalesRepository;
  /** 売上分析: read-only aggregates over both channels' slips */
  analysis: AnalysisRepository;
  /** ホーム: read-only counts of setup and imports */
  dashboard: DashboardRepository;
  /** Runs `fn` in one transaction over every repository (nested calls become savepoints). */
  transaction<T>(fn: () => T, opts?: { immediate?: boolean }): T;
}

export function createRepositories(db: Db, now: () => string): Repositories {
  return {
    ...createMasterRepositories(db, now),
    ...createReceivablesRepositories(db, now),
    appState: createAppStateRepository(db),
    ecSettings: createEcSettingRepository(db, now),
    importRuns: createImportRunRepository(db),
    reviews: createReviewRepository(db),
    slips: createSlipRepository(db),
    schedules: createScheduleRepository(db),
    subscriptions: createSubscriptionRepository(db),
    taxUpdate: createTaxUpdateRepository(db),
    adminLogs: createAdminLogRepository(db),
    stock: createStockRepositories(db),
    sales: createSalesRepository(db, now),
    analysis: createAnalysisRepository(db),
    dashboard: createDashboardRepository(db),
    transaction: (fn, opts) => inTransaction(db, fn, opts),
  };
}
