/**
 * The app's pages and the menu groups they appear in. Adding a screen is one line here.
 */
import type { ComponentType } from 'react';
import { HomePage } from './features/home/HomePage';
import { ImportPage } from './features/import/ImportPage';
import { ReviewPage } from './features/import/ReviewPage';
import { InvoicesPage } from './features/slips/InvoicesPage';
import { ShipmentsPage } from './features/slips/ShipmentsPage';
import { SystemLogPage } from './features/import/SystemLogPage';
import { BankAccountPage } from './features/masters/bank-account-page';
import { DepartmentPage } from './features/masters/department-page';
import { PartnerPage } from './features/masters/partner-page';
import { ProductPage } from './features/masters/product-page';
import { TaxClassPage } from './features/masters/tax-class-page';
import { WorkflowPage } from './features/masters/workflow-page';
import { SchedulePage } from './features/schedules/SchedulePage';
import { BackupsPage } from './features/backups/BackupsPage';
import { EcSettingsPage } from './features/ec-settings/EcSettingsPage';
import { ProductLinksPage } from './features/ec-settings/ProductLinksPage';
import { SetupWizard } from './features/setup/SetupWizard';
import { SubscriptionsPage } from './features/subscriptions/SubscriptionsPage';
import { TaxUpdateHistoryPage } from './features/tax-update/TaxUpdateHistoryPage';
import { TaxUpdatePage } from './features/tax-update/TaxUpdatePage';
import { BalancesPage } from './features/receivables/BalancesPage';
import { BillingPage } from './features/receivables/BillingPage';
import { CompanyPage } from './features/receivables/CompanyPage';
import { ExpectedReceiptsPage } from './features/receivables/ExpectedReceiptsPage';
import { PaymentsPage } from './features/receivables/PaymentsPage';
import { MigrationPage } from './features/stock/MigrationPage';
import { ReconcilePage } from './features/stock/ReconcilePage';
import { StockListPage } from './features/stock/StockListPage';
import { StockPushPage } from './features/stock/StockPushPage';
import { StockSlipsPage } from './features/stock/StockSlipsPage';
import { SalesPage } from './features/sales/SalesPage';
import { AnalysisPage } from './features/analysis/AnalysisPage';

export type MenuGroup = '業務処理' | 'マスタ' | 'システム設定';

export interface PageDef {
  id: string;
  title: string;
  group: MenuGroup | null;
  component: ComponentType;
}

export const PAGES: PageDef[] = [
  { id: 'home', title: 'ホーム', group: null, component: HomePage },
  { id: 'import', title: '出荷取込処理', group: '業務処理', component: ImportPage },
  { id: 'reviews', title: '要確認', group: '業務処理', component: ReviewPage },
  { id: 'shipments', title: '出荷伝票', group: '業務処理', component: ShipmentsPage },
  { id: 'invoices', title: '請求伝票', group: '業務処理', component: InvoicesPage },
  { id: 'billing', title: '請求締め', group: '業務処理', component: BillingPage },
  { id: 'payments', title: '入金処理', group: '業務処理', component: PaymentsPage },
  { id: 'expected-receipts', title: '入金予定', group: '業務処理', component: ExpectedReceiptsPage },
  { id: 'balances', title: '売掛金残高', group: '業務処理', component: BalancesPage },
  { id: 'stock-slips', title: '入荷・在庫移動', group: '業務処理', component: StockSlipsPage },
  { id: 'stock', title: '在庫一覧', group: '業務処理', component: StockListPage },
  { id: 'stock-push', title: '在庫反映状況', group: '業務処理', component: StockPushPage },
  { id: 'stock-reconcile', title: '在庫照合', group: '業務処理', component: ReconcilePage },
  { id: 'sales', title: '売上伝票', group: '業務処理', component: SalesPage },
  { id: 'analysis', title: '売上分析', group: '業務処理', component: AnalysisPage },
  { id: 'system-log', title: 'システムログ', group: '業務処理', component: SystemLogPage },
  { id: 'subscriptions', title: '定期申込', group: '業務処理', component: SubscriptionsPage },
  { id: 'tax-update', title: '消費税自動更新', group: '業務処理', component: TaxUpdatePage },
  { id: 'tax-update-history', title: '処理履歴(消費税自動更新)', group: '業務処理', component: TaxUpdateHistoryPage },
  { id: 'departments', title: '部門', group: 'マスタ', component: DepartmentPage },
  { id: 'tax-classes', title: '税区分', group: 'マスタ', component: TaxClassPage },
  { id: 'workflows', title: 'ワークフロー', group: 'マスタ', component: WorkflowPage },
  { id: 'partners', title: '取引先', group: 'マスタ', component: PartnerPage },
  { id: 'products', title: '商品', group: 'マスタ', component: ProductPage },
  { id: 'bank-accounts', title: '請求口座', group: 'マスタ', component: BankAccountPage },
  { id: 'schedules', title: 'バッチスケジュール', group: 'システム設定', component: SchedulePage },
  { id: 'ec-settings', title: 'EC連携設定', group: 'システム設定', component: EcSettingsPage },
  { id: 'product-links', title: 'EC連携商品', group: 'システム設定', component: ProductLinksPage },
  { id: 'setup', title: '初期設定', group: 'システム設定', component: SetupWizard },
  { id: 'company', title: '自社情報', group: 'システム設定', component: CompanyPage },
  { id: 'stock-migration', title: '在庫移行', group: 'システム設定', component: MigrationPage },
  { id: 'backups', title: 'バックアップ', group: 'システム設定', component: BackupsPage },
];

export const MENU_GROUPS: MenuGroup[] = ['業務処理', 'マスタ', 'システム設定'];
