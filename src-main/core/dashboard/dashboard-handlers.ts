/** IPC handlers of ホーム: each tile's read. */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import type { AnalysisRepository } from '../analysis/analysis-repository';
import type { Handler } from '../ipc/handler-types';
import type { SalesRepository } from '../sales/sales-repository';
import type { DashboardRepository } from './dashboard-repository';

export interface DashboardDeps {
  dashboard: DashboardRepository;
  sales: SalesRepository;
  analysis: AnalysisRepository;
  /** epoch ms (the injected clock) */
  nowMs(): number;
}

export function createDashboardHandlers(deps: DashboardDeps): { [C in 'dashboard:setup' | 'dashboard:import' | 'dashboard:sales']: Handler<C> } {
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
  };
}
