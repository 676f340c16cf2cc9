/**
 * 出荷取込処理 as a long-running job of the core: `start` returns the run id at once, the work goes
 * on in the background and reports through `import:progressed` / `import:finished`. One run at a
 * time per EC連携設定 (ALREADY_RUNNING), none while 受付停止. The plans of recent runs stay in
 * memory so the 取込プレビュー screen can show them.
 */
import type { PlanView } from '../../../src-shared/import/import-run';
import { AppError } from '../../../src-shared/errors';
import type { CoreContext } from '../core-context';
import { assertStoreOpen } from '../store-mode';
import { executeImportRun, startImportRun, type ImportOptions, type ImportOutcome, type ImportTrigger } from './run-import';
import { planView } from './plan-view';

/** Plans kept for display; older ones are dropped. */
const KEPT_PLANS = 20;
/** Shipments / invoices per kept plan (the screen virtualizes, but IPC payloads stay bounded). */
const PLAN_DISPLAY_LIMIT = 5000;

export interface ImportService {
  /** Starts a run; throws ALREADY_RUNNING / STORE_CLOSED / NOT_FOUND / SETTINGS_INVALID before any work. */
  start(settingId: number, opts: { dryRun: boolean; trigger: ImportTrigger; client?: ImportOptions['client'] }): { runId: number; done: Promise<ImportOutcome> };
  isRunning(settingId: number): boolean;
  plan(runId: number): PlanView | null;
}

const services = new WeakMap<CoreContext, ImportService>();

/** The one service per core (handlers, scheduler and tray share the running-set). */
export function importService(ctx: CoreContext): ImportService {
  let s = services.get(ctx);
  if (!s) {
    s = createImportService(ctx);
    services.set(ctx, s);
  }
  return s;
}

function createImportService(ctx: CoreContext): ImportService {
  const running = new Set<number>();
  const plans = new Map<number, PlanView>();
  return {
    start(settingId, opts) {
      if (running.has(settingId)) {
        throw new AppError('ALREADY_RUNNING', 'このEC連携設定の出荷取込処理（または取込プレビュー）は実行中です。終わるまでお待ちください。', {
          retryable: true,
        });
      }
      assertStoreOpen(ctx.db, opts.dryRun ? '取込プレビュー' : '出荷取込処理');
      const runId = startImportRun(ctx, { settingId, ...opts });
      running.add(settingId);
      const done = executeImportRun(ctx, runId, {
        settingId,
        ...opts,
        onProgress: (p) => ctx.events.emit('import:progressed', { ...p, settingId }),
      })
        .then((o) => {
          if (o.plan) {
            plans.set(runId, planView(o.plan, o.window, PLAN_DISPLAY_LIMIT));
            while (plans.size > KEPT_PLANS) plans.delete(plans.keys().next().value!);
          }
          return o;
        })
        .finally(() => running.delete(settingId));
      void done.then((o) => {
        ctx.events.emit('import:finished', {
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
        if (o.committed) ctx.events.emit('data:changed', { domain: 'import' });
      });
      return { runId, done };
    },
    isRunning: (settingId) => running.has(settingId),
    plan: (runId) => plans.get(runId) ?? null,
  };
}
