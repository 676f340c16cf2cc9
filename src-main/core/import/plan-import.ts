/**
 * The plan step of 出荷取込処理: the local books' snapshot and the pure mapping of the fetched
 * orders, the outcome's counts and problems, and the システムログ lines and texts the finish or
 * write step records. Reads only.
 */
import type { FetchedOrders } from './fetch-orders';
import type { ImportLogEntry } from './import-run-repository';
import type { ImportWindow } from './import-window';
import { loadImportMasters, type EcSettingRow } from './load-import-masters';
import { mapOrdersForImport, type ImportPlan, type ImportProblem } from './mapping';
import type { RunState } from './run-state';

export interface PlannedRun {
  plan: ImportPlan;
  /** the problems' lines and the fetch's 注意 lines, then the closing line the next step adds */
  logs: ImportLogEntry[];
  /** 受注日 …〜… (or 新しい受注日なし) */
  windowText: string;
  /** what the plan holds, in words */
  planText: string;
  /** the timestamp every line and the run record share */
  now: string;
}

/** Log lines of the mapping's problems. */
function problemLogs(runId: number, problems: readonly ImportProblem[], now: string): ImportLogEntry[] {
  return problems.map((p) => ({ runId, level: p.level === 'error' ? 'error' : 'warn', orderCode: p.orderCode, code: p.code, message: p.message, createdAt: now }));
}

export function planImport(run: RunState, setting: EcSettingRow, window: ImportWindow | null, fetched: FetchedOrders): PlannedRun {
  const { deps, outcome, runId } = run;
  const { orders } = fetched;
  run.report({ phase: 'mapping' });
  const masters = loadImportMasters(deps.repos, setting.id, {
    orderIds: orders.map((o) => o.id),
    logisticsIds: orders.flatMap((o) => o.logistics.map((l) => l.id)),
  });
  const plan = mapOrdersForImport(orders, masters);
  outcome.plan = plan;
  outcome.apiCalls = run.apiCalls();
  const sum = plan.summary;
  outcome.counts = { orders: sum.orders, shipments: sum.shipments, invoices: sum.invoices, lines: sum.lines, amount: sum.amount, stockEntries: 0 };
  outcome.errors = plan.problems.filter((p) => p.level === 'error').map(({ orderCode, code, message }) => ({ orderCode, code, message }));
  outcome.warnings = [
    ...plan.problems.filter((p) => p.level === 'warning').map(({ orderCode, code, message }) => ({ orderCode, code, message })),
    ...fetched.missingWatched.map(({ orderCode, code, message }) => ({ orderCode, code: code ?? '', message })),
  ];
  const now = deps.now();
  return {
    plan,
    logs: [...problemLogs(runId, plan.problems, now), ...fetched.missingWatched],
    windowText: window ? `受注日 ${window.from}〜${window.to}` : '新しい受注日なし',
    planText: `注文 ${sum.orders} 件、出荷伝票 ${sum.shipments} 件（明細 ${sum.lines} 行）、請求伝票 ${sum.invoices} 件、請求額合計 ¥${sum.amount.toLocaleString('en-US')}`,
    now,
  };
}
