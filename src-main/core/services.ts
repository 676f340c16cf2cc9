/**
 * Every long-lived service of the core, built once by the composition root (create-core.ts) and
 * handed piecemeal to the handler factories, the shell, the harness and the CLI. A service holds its
 * own state (the import's running-set, the schedules' timers, the BCart sessions and rate limiters
 * per EC連携設定, the demo shop) here, never in module-level singletons.
 */
import type { BackupService } from './backups/backup-service';
import type { CsvJobs } from './csv/csv-jobs';
import type { BcartSessions } from './ec-settings/bcart-sessions';
import type { ConnectionService } from './ec-settings/connection-service';
import type { EcSettingService } from './ec-settings/ec-setting-service';
import type { PaymentRuleService } from './ec-settings/payment-rule-service';
import type { ProductLinkService } from './ec-settings/product-link-service';
import type { EventBus } from './event-bus';
import type { ImportService } from './import/import-service';
import type { ReviewService } from './import/review-service';
import type { CorePorts } from './ports';
import type { AnalysisService } from './analysis/analysis-service';
import type { Repositories } from './repositories';
import type { ReceivablesService } from './receivables/receivables-service';
import type { DeliveryNoteService } from './sales/delivery-note-service';
import type { SalesService } from './sales/sales-service';
import type { LoginItem } from './schedules/login-item';
import type { SchedulerService } from './schedules/scheduler-service';
import type { DemoService } from './setup/demo-service';
import type { InitialSetupOptions, InitialSetupReport } from './setup/initial-setup';
import type { OnboardingService } from './setup/onboarding-service';
import type { StockFeature } from './stock/stock-feature';
import type { StoreMode } from './store-mode/store-mode';
import type { TaxUpdateService } from './tax-update/tax-update-service';

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
  demoMode: boolean;
}

export interface Services {
  info: AppInfo;
  /** the injected ports (clock, timers, logger, fetch, token store, browser) and the JST now */
  ports: CorePorts;
  /** push events to whichever transport is attached */
  events: EventBus;
  /** the only code that touches the tables */
  repos: Repositories;
  /** 受付停止 / 受付再開 */
  storeMode: StoreMode;
  /** BCart auth, rate limiter and client per EC連携設定 */
  bcart: BcartSessions;
  ecSettings: EcSettingService;
  connection: ConnectionService;
  paymentRules: PaymentRuleService;
  productLinks: ProductLinkService;
  onboarding: OnboardingService;
  /** 初期設定 in one go (CLI init, the demo) */
  initialSetup: { run(opts: InitialSetupOptions): Promise<InitialSetupReport> };
  /** 「デモデータで試す」 over the injected demo shop */
  demo: DemoService;
  /** 出荷取込処理 (one run at a time per EC連携設定) */
  imports: ImportService;
  /** 要確認 of the import: list, count, settle */
  reviews: ReviewService;
  /** バッチスケジュール (started by the shell and the harness only) */
  schedules: SchedulerService;
  /** CSV取込 in progress by job id (progress events, 中止), shared by the master and 定期申込 imports */
  csvJobs: CsvJobs;
  /** 「ログイン時に起動」 over the shell's port */
  loginItem: LoginItem;
  /** 売掛管理: 自社情報, 請求締め, 請求書 PDF, 入金処理 and 消込, 残高 and 入金予定 */
  receivables: ReceivablesService;
  /** the one-time 消費税自動更新 */
  taxUpdate: TaxUpdateService;
  /** 在庫: slips, 在庫照合 / 在庫移行 and the 在庫反映 pusher (started by the shell and the harness; the CLI pushes explicitly) */
  stock: StockFeature;
  /** バックアップ: the automatic database backups and their retention rule */
  backups: BackupService;
  /** 売上伝票: 保存 / 確定 / 確定取消 */
  sales: SalesService;
  /** 納品書 PDF of a confirmed 売上伝票 */
  deliveryNotes: DeliveryNoteService;
  /** 売上分析 */
  analysis: AnalysisService;
}
