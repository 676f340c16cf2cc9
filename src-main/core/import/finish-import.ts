/**
 * The finish step of 出荷取込処理 for a run that writes nothing of the books: a plan with errors
 * (failed), a 取込プレビュー (succeeded), or a run stopped by a thrown failure or by 中止. The run
 * record is closed with its counts, its message and its システムログ lines in one transaction.
 */
import { classifyError } from '../errors/classify-error';
import type { PlannedRun } from './plan-import';
import type { ImportError, ImportOutcome } from './run-import';
import type { RunState } from './run-state';
import { LeaseLostError } from '../db/lease-repository';

const NOTHING_IMPORTED = '何も取り込んでいません（出荷取込開始日は変わりません）。';

function runCounts(planned: PlannedRun, apiCalls: number) {
  const s = planned.plan.summary;
  return { orders: s.orders, shipments: s.shipments, invoices: s.invoices, amount: s.amount, apiCalls, errors: s.errors, warnings: s.warnings };
}

/** Closes a run whose plan has errors: nothing written, the cursor stays. */
export function finishRefused(run: RunState, planned: PlannedRun): ImportOutcome {
  const { outcome } = run;
  const what = run.opts.dryRun ? '取込プレビュー' : '出荷取込処理';
  const message = `${what}（${planned.windowText}）で ${planned.plan.summary.errors} 件のエラーがあったため、何も取り込んでいません（出荷取込開始日は変わりません）。システムログの各注文のメッセージに従って修正し、もう一度実行してください。`;
  const logs = [...planned.logs, { runId: run.runId, level: 'error' as const, orderCode: null, code: 'IMPORT_FAILED', message, createdAt: planned.now }];
  run.deps.repos.importRuns.closeWithoutWrites(run.runId, { status: 'failed', now: planned.now, ...runCounts(planned, outcome.apiCalls), message, logs });
  outcome.message = message;
  run.report({ phase: 'done' });
  return outcome;
}

/** Closes a 取込プレビュー: succeeded, the plan kept for display, nothing written. */
export function finishPreview(run: RunState, planned: PlannedRun): ImportOutcome {
  const { outcome } = run;
  const message = `取込プレビュー（${planned.windowText}）: ${planned.planText}。まだ何も取り込んでいません。`;
  const logs = [...planned.logs, { runId: run.runId, level: 'info' as const, orderCode: null, code: 'PREVIEW', message, createdAt: planned.now }];
  run.deps.repos.importRuns.closeWithoutWrites(run.runId, { status: 'succeeded', now: planned.now, ...runCounts(planned, outcome.apiCalls), message, logs });
  outcome.status = 'succeeded';
  outcome.message = message;
  run.report({ phase: 'done' });
  return outcome;
}

/** A thrown failure as a logged problem, in Japanese with what to do (classifyError gives the code). */
function toImportError(e: unknown): ImportError {
  const err = classifyError(e, {
    // UNIQUE on the BCart ids: a concurrent import of the same orders won
    conflict: `同じ出荷・注文が別の取込で同時に取り込まれました。${NOTHING_IMPORTED}もう一度実行すると残りが取り込まれます。`,
    internal: `予期しないエラーです（${e instanceof Error ? e.message : String(e)}）。${NOTHING_IMPORTED}アプリのログを添えてサポートに連絡してください。`,
  });
  const message = err.message.includes(NOTHING_IMPORTED) ? err.message : `${err.message} ${NOTHING_IMPORTED}`;
  return { orderCode: null, code: err.code, message: `出荷取込処理を中止しました: ${message}` };
}

/** The 中止 outcome: code IMPORT_FAILED (the run's errors list carries AppErrorCodes or mapping codes), nothing written. */
function abortedError(dryRun: boolean): ImportError {
  const what = dryRun ? '取込プレビュー' : '出荷取込処理';
  return {
    orderCode: null,
    code: 'IMPORT_FAILED',
    message: `${what}を中止しました（中止の操作またはアプリの終了による）。何も取り込んでいません（出荷取込開始日は変わりません）。必要なときに、もう一度${what}を実行してください。`,
  };
}

/** The run's import lock could not be renewed (taken over after it expired, or the database refused). */
function lockLostError(dryRun: boolean): ImportError {
  const what = dryRun ? '取込プレビュー' : '出荷取込処理';
  return {
    orderCode: null,
    code: 'IMPORT_FAILED',
    message: `${what}を中断しました: 実行中の印(ロック)を更新できませんでした（データベースに長く書き込めなかったか、別のBCart Deskが引き継ぎました）。何も取り込んでいません（出荷取込開始日は変わりません）。もう一度${what}を実行してください。`,
  };
}

/**
 * Ends a run that threw (network, bad data, a lock, a constraint) or was stopped by its signal:
 * failed or cancelled (中止 is the user's or app quit's choice, not a failure), with its one
 * error line. If even that record cannot be written (e.g. the database is still locked), the
 * outcome still says what happened and the next start closes the run as interrupted.
 */
export function finishStopped(run: RunState, e: unknown): ImportOutcome {
  const { deps, outcome, runId } = run;
  outcome.apiCalls = run.apiCalls();
  outcome.plan = null;
  // a lost import lock also aborts the run, but nobody chose to stop it: that is a failure with its reason
  const lockLost = run.opts.signal?.aborted === true && run.opts.signal.reason instanceof LeaseLostError;
  const aborted = run.opts.signal?.aborted === true && !lockLost;
  outcome.aborted = aborted || undefined;
  if (aborted) outcome.status = 'cancelled';
  const err = aborted ? abortedError(run.opts.dryRun) : lockLost ? lockLostError(run.opts.dryRun) : toImportError(e);
  if (aborted) deps.logger.info('import run aborted', { runId });
  else deps.logger.error('import run failed', { runId, code: err.code, error: e instanceof Error ? e.message : String(e) });
  outcome.errors = [...outcome.errors, err];
  outcome.message = err.message;
  try {
    deps.repos.importRuns.closeWithoutWrites(runId, {
      status: aborted ? 'cancelled' : 'failed',
      now: deps.now(),
      orders: outcome.counts.orders,
      shipments: 0,
      invoices: 0,
      amount: 0,
      apiCalls: outcome.apiCalls,
      // the 中止 line is logged as 注意 (warn), so it counts as a warning, not an error
      errors: aborted ? outcome.errors.length - 1 : outcome.errors.length,
      warnings: aborted ? 1 : 0,
      message: err.message,
      logs: [{ runId, level: aborted ? 'warn' : 'error', orderCode: null, code: err.code, message: err.message, createdAt: deps.now() }],
    });
  } catch (logErr) {
    deps.logger.error('could not record the failed import run', { runId, error: logErr instanceof Error ? logErr.message : String(logErr) });
  }
  run.report({ phase: 'done' });
  return outcome;
}
