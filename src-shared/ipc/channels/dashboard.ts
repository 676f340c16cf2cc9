/** ホーム: one small read per area (a tile each). */
import { dashboardImport, dashboardReceivables, dashboardSales, dashboardSetup, dashboardStock } from '../../dashboard/dashboard';
import { channel, noInput } from '../define';

export const dashboardChannelDefs = {
  /** 初期設定 progress / first run */
  'dashboard:setup': channel(noInput, dashboardSetup),
  /** per EC連携設定: last 出荷取込処理, 出荷待ち, 要確認, whether the cursor caught up */
  'dashboard:import': channel(noInput, dashboardImport),
  /** 未確定 売上伝票 and this month's sales per channel */
  'dashboard:sales': channel(noInput, dashboardSales),
  /** 在庫反映 pending / failed / ambiguous and the last 在庫照合's drift per 連携倉庫 */
  'dashboard:stock': channel(noInput, dashboardStock),
  /** 請求 due this week and overdue (入金予定) */
  'dashboard:receivables': channel(noInput, dashboardReceivables),
};
