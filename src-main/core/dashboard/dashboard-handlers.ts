/** IPC handlers of ホーム: each tile's read. */
import { weekEndOf } from '../../../src-shared/dashboard/week';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import type { PushCounts } from '../../../src-shared/stock/stock-push';
import type { ScheduleResult } from '../../../src-shared/receivables/balances';
import type { AnalysisRepository } from '../analysis/analysis-repository';
import type { Handler } from '../ipc/handler-types';
import type { SalesRepository } from '../sales/sales-repository';
import type { DashboardRepository } from './dashboard-repository';

export interface DashboardDeps {
  dashboard: DashboardRepository;
  sales: SalesRepository;
  analysis: AnalysisRepository;
  /** 在庫反映 counts over every EC連携設定 (the stock outbox) */
  pushCounts(): PushCounts;
  /** 入金予定 as of a date (売掛管理) */
  receivablesSchedule(asOf: string): ScheduleResult;
  /** epoch ms (the injected clock) */
  nowMs(): number;
}

const sum = (rows: ScheduleResult['rows']) => ({ customers: new Set(rows.map((r) => r.customerId)).size, amount: rows.reduce((s, r) => s + r.amount, 0) });

export function createDashboardHandlers(deps: DashboardDeps): {
  [C in 'dashboard:setup' | 'dashboard:import' | 'dashboard:sales' | 'dashboard:stock' | 'dashboard:receivables']: Handler<C>;
} {
  return {
    'dashboard:setup': () => deps.dashboard.setup(),
    'dashboard:import': () => {
      const today = jstDateOf(deps.nowMs());
      return { today, settings: deps.dashboard.importSettings(today) };
    },
    'dashboard:sales': () => {
      const today = jstDateOf(deps.nowMs());
      const month = today.slice(0, 7);
      const rows = deps.analysis.groups('channel', { from: `${month}-01`, to: today });
      const net = (c: string) => rows.find((r) => r.channel === c)?.net ?? 0;
      return { drafts: deps.sales.countByStatus().draft, month, bcartNet: net('bcart'), wholesaleNet: net('wholesale') };
    },
    'dashboard:stock': () => {
      const { pending, failed, ambiguous } = deps.pushCounts();
      return { pending, failed, ambiguous, reconcile: deps.dashboard.reconciles() };
    },
    'dashboard:receivables': () => {
      const today = jstDateOf(deps.nowMs());
      const weekEnd = weekEndOf(today);
      const rows = deps.receivablesSchedule(today).rows;
      return {
        today,
        weekEnd,
        dueThisWeek: sum(rows.filter((r) => r.dueDate >= today && r.dueDate <= weekEnd)),
        overdue: sum(rows.filter((r) => r.dueDate < today)),
      };
    },
  };
}
