/**
 * The write step of 出荷取込処理: the whole plan in ONE synchronous transaction (BEGIN IMMEDIATE, so
 * a lock held elsewhere fails it before anything is written): 出荷伝票 + lines, stock-out of
 * inventory-tracked products in the 連携倉庫, 請求伝票 + lines + per-rate totals, the watch list, the 要確認 list,
 * the cursor, the run record and its log (docs/import-rules.md#all-or-nothing). Any exception
 * rolls everything back; UNIQUE constraints on the BCart ids turn a double import into a rollback
 * instead of a duplicate.
 */
import { lateInvoices } from '../receivables/closed-period-check';
import type { Repositories } from '../repositories';
import type { ImportLogEntry } from './import-run-repository';
import { nextCursor, type ImportWindow } from './import-window';
import type { ImportPlan } from './mapping';
import type { PlannedRun } from './plan-import';
import type { ImportOutcome } from './run-import';
import type { RunState } from './run-state';

/** The repositories the write step goes through. */
export type ImportWriteRepositories = Pick<Repositories, 'slips' | 'importRuns' | 'reviews' | 'ecSettings' | 'statements' | 'transaction'>;

/** What the transaction needs besides the plan. */
export interface WriteInput {
  settingId: number;
  runId: number;
  plan: ImportPlan;
  /** new 出荷取込開始日; null = leave it */
  cursor: string | null;
  /** ISO-8601 +09:00 */
  now: string;
  apiCalls: number;
  logs: ImportLogEntry[];
}

/** Counts of what was written. */
export interface WriteResult {
  shipments: number;
  invoices: number;
  stockEntries: number;
}

/** Writes the plan; throws (after a full rollback) on any constraint violation. */
export function writeImportPlan(repos: ImportWriteRepositories, input: WriteInput): WriteResult {
  const { plan, settingId, runId, now } = input;
  return repos.transaction(
    (): WriteResult => {
      const { stockEntries } = repos.slips.insertImported(settingId, runId, plan, now);
      repos.importRuns.updateWatch(settingId, runId, plan.watch, plan.resolvedOrderIds, now);
      repos.reviews.open(settingId, runId, plan.reviews, now);
      if (input.cursor !== null) repos.ecSettings.setCursor(settingId, input.cursor, now);
      const sum = plan.summary;
      repos.importRuns.closeRun(runId, {
        status: 'succeeded',
        now,
        orders: sum.orders,
        shipments: sum.shipments,
        invoices: sum.invoices,
        amount: sum.amount,
        apiCalls: input.apiCalls,
        errors: 0,
        warnings: sum.warnings,
        message: `出荷伝票 ${sum.shipments} 件・請求伝票 ${sum.invoices} 件を取り込みました。`,
      });
      // invoices dated inside a closed 請求締め period are billed on the next 請求書 (要確認): say so in the log
      const late = lateInvoices(repos.statements, plan.invoices).map((l) => ({ runId, level: 'warn' as const, orderCode: l.orderCode, code: 'CLOSED_PERIOD', message: l.message, createdAt: now }));
      repos.importRuns.insertLogs([...input.logs, ...late]);
      return { shipments: plan.shipments.length, invoices: plan.invoices.length, stockEntries };
    },
    { immediate: true },
  );
}

/**
 * The write step of a run: the next 出荷取込開始日, the closing システムログ line, and the plan in
 * one transaction (writeImportPlan); the outcome becomes succeeded and committed.
 */
export function writeImport(run: RunState, setting: { id: number; importStartDate: string | null }, window: ImportWindow | null, today: string, planned: PlannedRun): ImportOutcome {
  const { outcome } = run;
  run.report({ phase: 'writing' });
  const cursor = window ? nextCursor(window, today) : null;
  const message = `出荷取込処理（${planned.windowText}）: ${planned.planText}を取り込みました。${cursor ? `次回の出荷取込開始日は ${cursor} です。` : ''}`;
  const logs = [...planned.logs, { runId: run.runId, level: 'info' as const, orderCode: null, code: 'IMPORTED', message, createdAt: planned.now }];
  const written = writeImportPlan(run.deps.repos, { settingId: setting.id, runId: run.runId, plan: planned.plan, cursor, now: planned.now, apiCalls: outcome.apiCalls, logs });
  outcome.counts.stockEntries = written.stockEntries;
  outcome.committed = true;
  outcome.status = 'succeeded';
  outcome.cursorAfter = cursor ?? setting.importStartDate;
  outcome.message = message;
  run.report({ phase: 'done' });
  return outcome;
}
