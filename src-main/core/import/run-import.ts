/**
 * The 出荷取込処理 pipeline (docs/import-rules.md), one step per file: window → fetch
 * (fetch-orders.ts, async through the BCart client) → plan (plan-import.ts, the pure mapping) →
 * either finish without writing the books (finish-import.ts: any error, 取込プレビュー, 中止) or
 * write ONE synchronous transaction with everything (write-import-plan.ts,
 * docs/import-rules.md#all-or-nothing). Used by the import service, the CLI, the demo, the
 * scheduler, tests and the benchmark alike.
 *
 * Invariants: nothing is written before every order of the run is fetched and validated; the
 * cursor moves only inside the write transaction; a failure of any kind (network, bad data, a
 * constraint) leaves the books exactly as they were and is logged in Japanese.
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import type { BcartSessions, ClientOverrides } from '../ec-settings/bcart-sessions';
import type { Clock, Logger } from '../ports';
import type { Repositories } from '../repositories';
import { fetchOrders } from './fetch-orders';
import { finishPreview, finishRefused, finishStopped } from './finish-import';
import { importWindow, isCaughtUp, type ImportWindow } from './import-window';
import { assertSettingMasters, loadEcSetting } from './load-import-masters';
import { hasImportErrors, type ImportPlan } from './mapping';
import { planImport } from './plan-import';
import { createRunState } from './run-state';
import { writeImport } from './write-import-plan';

/** What the pipeline uses: the repositories it reads and writes, the shop's connection, the clock. */
export interface ImportDeps {
  repos: Pick<Repositories, 'ecSettings' | 'importRuns' | 'reviews' | 'slips' | 'partners' | 'products' | 'departments' | 'taxClasses' | 'workflows' | 'statements' | 'transaction'>;
  bcart: Pick<BcartSessions, 'auth' | 'client'>;
  clock: Clock;
  logger: Logger;
  /** ISO-8601 +09:00 of the clock */
  now(): string;
}

export type ImportTrigger = 'manual' | 'schedule' | 'tray' | 'cli';

export type ImportPhase = 'fetching' | 'watching' | 'mapping' | 'writing' | 'done';

/** Progress of a run, for the UI (pages fetched, orders processed). */
export interface ImportProgress {
  runId: number;
  phase: ImportPhase;
  pages: number;
  orders: number;
  requests: number;
}

export interface ImportOptions {
  settingId: number;
  dryRun: boolean;
  trigger: ImportTrigger;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Stops the run (中止 button, app quit): pending BCart calls are cancelled and the run ends failed
   * with nothing written. Once the write transaction has begun it runs to its end (it is synchronous),
   * so an abort arriving later leaves a succeeded run.
   */
  signal?: AbortSignal;
  /** client overrides (timeouts, backoff, another limiter than the setting's shared one) for tests and the benchmark */
  client?: Omit<ClientOverrides, 'onProgress'>;
}

/** One problem of the run as the CLI / UI show it. */
export interface ImportError {
  orderCode: string | null;
  code: string;
  message: string;
}

export interface ImportOutcome {
  runId: number;
  /** 'cancelled' = 中止 (stopped by its abort signal before writing; nothing written) */
  status: 'succeeded' | 'failed' | 'cancelled';
  dryRun: boolean;
  /** true when the plan was written (never for a preview) */
  committed: boolean;
  window: ImportWindow | null;
  cursorBefore: string | null;
  cursorAfter: string | null;
  /** the window reached today: nothing more to catch up */
  caughtUp: boolean;
  plan: ImportPlan | null;
  errors: ImportError[];
  warnings: ImportError[];
  counts: { orders: number; shipments: number; invoices: number; lines: number; amount: number; stockEntries: number };
  apiCalls: number;
  message: string;
  /** true when the run was stopped by its abort signal (中止 / app quit) before writing */
  aborted?: boolean;
}

/** Creates the run row (status running) after checking the setting; returns the run id. */
export function startImportRun(deps: ImportDeps, opts: Pick<ImportOptions, 'settingId' | 'dryRun' | 'trigger'>): number {
  const setting = loadEcSetting(deps.repos, opts.settingId);
  deps.repos.importRuns.failInterrupted(setting.id, deps.now());
  return deps.repos.importRuns.createRun({
    settingId: setting.id,
    trigger: opts.trigger,
    dryRun: opts.dryRun,
    windowFrom: null,
    windowTo: null,
    startedAt: deps.now(),
  });
}

/**
 * Runs the pipeline for a run created by startImportRun: fetch → plan → (finish without writing |
 * write). Never throws: failures are the outcome (finishStopped).
 */
export async function executeImportRun(deps: ImportDeps, runId: number, opts: ImportOptions): Promise<ImportOutcome> {
  const run = createRunState(deps, runId, opts);
  const { outcome } = run;
  try {
    run.checkAborted();
    const setting = loadEcSetting(deps.repos, opts.settingId);
    assertSettingMasters(deps.repos, setting);
    const today = jstDateOf(deps.clock.now());
    outcome.cursorBefore = setting.importStartDate;
    outcome.cursorAfter = setting.importStartDate;
    const window = setting.importStartDate ? importWindow(setting.importStartDate, today) : null;
    outcome.window = window;
    outcome.caughtUp = isCaughtUp(window, today);
    deps.repos.importRuns.setWindow(runId, window?.from ?? null, window?.to ?? null);

    const fetched = await fetchOrders(run, setting, window);
    run.checkAborted();
    const planned = planImport(run, setting, window, fetched);
    // last point of no return: after this check the (synchronous) transaction runs to its end
    run.checkAborted();
    if (hasImportErrors(planned.plan.problems)) return finishRefused(run, planned);
    if (opts.dryRun) return finishPreview(run, planned);
    return writeImport(run, setting, window, today, planned);
  } catch (e) {
    return finishStopped(run, e);
  }
}

/** startImportRun + executeImportRun. Throws only when the run cannot even start (no such setting). */
export async function runImport(deps: ImportDeps, opts: ImportOptions): Promise<ImportOutcome> {
  const runId = startImportRun(deps, opts);
  return executeImportRun(deps, runId, opts);
}
