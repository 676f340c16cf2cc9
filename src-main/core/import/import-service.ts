/**
 * 出荷取込処理 as a long-running job of the core: `start` returns the run id at once, the work goes
 * on in the background and reports through `import:progressed` / `import:finished`. One run at a
 * time per EC連携設定 (ALREADY_RUNNING) in this core and, through a database lease, across
 * processes (import-lock.ts); none while 受付停止. The plans of recent runs stay in
 * memory so the 取込プレビュー screen can show them. A run stops on `cancel(runId)` (the 中止 button) or
 * when the caller's signal aborts (the scheduler's job on app quit): it ends cancelled (中止) with nothing written.
 */
import type { PlanView } from '../../../src-shared/import/import-run';
import { AppError } from '../../../src-shared/errors';
import { emitDataChanged, type EventBus } from '../event-bus';
import type { StoreMode } from '../store-mode/store-mode';
import type { ImportLock } from './import-lock';
import { executeImportRun, runImport, startImportRun, type ImportDeps, type ImportOptions, type ImportOutcome, type ImportTrigger } from './run-import';
import { planView } from './plan-view';

/** Plans kept for display; older ones are dropped. */
const KEPT_PLANS = 20;
/** Shipments / invoices per kept plan (the screen virtualizes, but IPC payloads stay bounded). */
const PLAN_DISPLAY_LIMIT = 5000;

export interface ImportService {
  /** Starts a run; throws ALREADY_RUNNING / STORE_CLOSED / NOT_FOUND / SETTINGS_INVALID before any work. */
  start(
    settingId: number,
    opts: { dryRun: boolean; trigger: ImportTrigger; client?: ImportOptions['client']; signal?: AbortSignal },
  ): { runId: number; done: Promise<ImportOutcome> };
  /** Asks a running run to stop; false when it is not running (already finished, or unknown). */
  cancel(runId: number): boolean;
  /** Stops every running run (app quit, whoever started it) and resolves when all have settled. */
  cancelAll(): Promise<void>;
  /**
   * The OS is ending the session and kills the process right after: aborts every running run and
   * records each as 中止 (nothing was written: the write transaction is synchronous and sets the
   * run's status itself) with `message`, synchronously. Returns the run ids.
   */
  stopNow(message: string): number[];
  isRunning(settingId: number): boolean;
  plan(runId: number): PlanView | null;
  /**
   * One run in the foreground, awaited (the CLI, the demo command, tests and the benchmark): no
   * running-set, no push events, but the database lease. Throws only when the run cannot even
   * start (no such setting, ALREADY_RUNNING in another process).
   */
  run(opts: ImportOptions): Promise<ImportOutcome>;
}

export interface ImportServiceDeps extends ImportDeps {
  storeMode: Pick<StoreMode, 'assertOpen'>;
  events: EventBus;
  /** the database lease that keeps other processes from running the same setting */
  lock: ImportLock;
}

/** The one service per core, built by the composition root (handlers, scheduler and tray share the running-set). */
export function createImportService(deps: ImportServiceDeps): ImportService {
  const { events } = deps;
  const running = new Set<number>();
  const plans = new Map<number, PlanView>();
  const controllers = new Map<number, AbortController>();
  const pending = new Map<number, Promise<unknown>>();
  return {
    start(settingId, { signal, ...opts }) {
      if (running.has(settingId)) {
        throw new AppError('ALREADY_RUNNING', 'このEC連携設定の出荷取込処理（または取込プレビュー）は実行中です。終わるまでお待ちください。', {
          retryable: true,
        });
      }
      deps.storeMode.assertOpen(opts.dryRun ? '取込プレビュー' : '出荷取込処理');
      const lease = deps.lock.acquire(settingId);
      let runId: number;
      try {
        // under the lease: a run row left 'running' can only be a dead process's (failInterrupted)
        runId = startImportRun(deps, { settingId, ...opts });
      } catch (e) {
        lease.release();
        throw e;
      }
      // the history shows the new run (実行中) on every screen, whoever started it (scheduler, tray)
      emitDataChanged(events, 'import');
      running.add(settingId);
      // one controller per run: the 中止 button and the caller's signal (scheduler job) both stop it
      const controller = new AbortController();
      const onOuterAbort = (): void => controller.abort(signal?.reason);
      if (signal?.aborted) controller.abort(signal.reason);
      else signal?.addEventListener('abort', onOuterAbort, { once: true });
      // a lost lease (renewal failed, taken over) stops the run before it writes
      const onLeaseLost = (): void => controller.abort(lease.signal.reason);
      lease.signal.addEventListener('abort', onLeaseLost, { once: true });
      controllers.set(runId, controller);
      const done = executeImportRun(deps, runId, {
        settingId,
        ...opts,
        signal: controller.signal,
        onProgress: (p) => events.emit('import:progressed', { ...p, settingId }),
      })
        .then((o) => {
          if (o.plan) {
            plans.set(runId, planView(o.plan, o.window, PLAN_DISPLAY_LIMIT));
            while (plans.size > KEPT_PLANS) plans.delete(plans.keys().next().value!);
          }
          return o;
        })
        .finally(() => {
          lease.signal.removeEventListener('abort', onLeaseLost);
          lease.release();
          running.delete(settingId);
          controllers.delete(runId);
          pending.delete(runId);
          signal?.removeEventListener('abort', onOuterAbort);
        });
      pending.set(runId, done);
      void done.then((o) => {
        events.emit('import:finished', {
          runId,
          settingId,
          dryRun: o.dryRun,
          status: o.status,
          committed: o.committed,
          counts: { orders: o.counts.orders, shipments: o.counts.shipments, invoices: o.counts.invoices, lines: o.counts.lines, amount: o.counts.amount },
          errors: o.errors,
          warnings: o.warnings.length,
          message: o.message,
        });
        // a run always adds history and システムログ lines; a committed one also 出荷伝票 / 請求伝票,
        // so open slip lists refresh after a scheduled import too
        if (o.committed) emitDataChanged(events, 'import', 'systemLog', 'slips');
        else emitDataChanged(events, 'import', 'systemLog');
      });
      return { runId, done };
    },
    cancel(runId) {
      const c = controllers.get(runId);
      if (!c || c.signal.aborted) return false;
      c.abort(abortReason());
      return true;
    },
    async cancelAll() {
      for (const c of controllers.values()) if (!c.signal.aborted) c.abort(abortReason());
      await Promise.allSettled([...pending.values()]);
    },
    stopNow(message) {
      const ids = [...controllers.keys()];
      for (const [runId, c] of controllers) {
        if (!c.signal.aborted) c.abort(abortReason());
        const now = deps.now();
        deps.repos.importRuns.closeWithoutWrites(runId, {
          status: 'cancelled',
          now,
          orders: 0,
          shipments: 0,
          invoices: 0,
          amount: 0,
          apiCalls: 0,
          errors: 0,
          warnings: 1,
          message,
          logs: [{ runId, level: 'warn', orderCode: null, code: 'IMPORT_FAILED', message, createdAt: now }],
        });
      }
      return ids;
    },
    isRunning: (settingId) => running.has(settingId),
    plan: (runId) => plans.get(runId) ?? null,
    async run(opts) {
      const lease = deps.lock.acquire(opts.settingId);
      try {
        const signal = opts.signal ? AbortSignal.any([opts.signal, lease.signal]) : lease.signal;
        return await runImport(deps, { ...opts, signal });
      } finally {
        lease.release();
      }
    },
  };
}

/** The reason a cancelled run's signal carries (the run's own message is written by run-import). */
function abortReason(): AppError {
  return new AppError('IMPORT_FAILED', '出荷取込処理を中止しました。', { details: { aborted: true } });
}
