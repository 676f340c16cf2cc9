/**
 * システムログ and import_runs bookkeeping of 出荷取込処理. Problems become one log line each
 * (with the 受注番号 and what to fix, as the mapping wrote them), so the user can act on the log
 * alone. Run rows are created 'running' before fetching and closed by the write transaction
 * (success) or by failRun (nothing else written).
 */
import type { SqliteDb } from '../db/open';
import type { ImportProblem } from './mapping';

/** One システムログ line of a run. */
export interface ImportLogEntry {
  runId: number | null;
  level: 'info' | 'warn' | 'error';
  orderCode: string | null;
  code: string | null;
  message: string;
  createdAt: string;
}

/** Inserts log lines (call inside the caller's transaction when there is one). */
export function insertLogs(db: SqliteDb, entries: readonly ImportLogEntry[]): void {
  const stmt = db.prepare(
    `insert into system_logs (run_id, source, level, order_code, code, message, created_at) values (?, 'import', ?, ?, ?, ?, ?)`,
  );
  for (const e of entries) stmt.run(e.runId, e.level, e.orderCode, e.code, e.message, e.createdAt);
}

/** Log lines of the mapping's problems. */
export function problemLogs(runId: number, problems: readonly ImportProblem[], now: string): ImportLogEntry[] {
  return problems.map((p) => ({
    runId,
    level: p.level === 'error' ? 'error' : 'warn',
    orderCode: p.orderCode,
    code: p.code,
    message: p.message,
    createdAt: now,
  }));
}

/** Fields of a new run row. */
export interface NewRun {
  settingId: number;
  trigger: string;
  dryRun: boolean;
  windowFrom: string | null;
  windowTo: string | null;
  startedAt: string;
}

/** Inserts a 'running' run row and returns its id. */
export function createRun(db: SqliteDb, r: NewRun): number {
  return Number(
    db
      .prepare(
        `insert into import_runs (ec_setting_id, trigger, dry_run, window_from, window_to, status, started_at) values (?, ?, ?, ?, ?, 'running', ?)`,
      )
      .run(r.settingId, r.trigger, r.dryRun ? 1 : 0, r.windowFrom, r.windowTo, r.startedAt).lastInsertRowid,
  );
}

/** Sets the window once it is known. */
export function setRunWindow(db: SqliteDb, runId: number, from: string | null, to: string | null): void {
  db.prepare('update import_runs set window_from = ?, window_to = ? where id = ?').run(from, to, runId);
}

/** Closes a run that wrote nothing (failure, 中止 or 取込プレビュー), with its log lines, atomically. */
export function closeRunWithoutWrites(
  db: SqliteDb,
  runId: number,
  r: {
    status: 'succeeded' | 'failed' | 'cancelled';
    now: string;
    orders: number;
    shipments: number;
    invoices: number;
    amount: number;
    apiCalls: number;
    errors: number;
    warnings: number;
    message: string;
    logs: ImportLogEntry[];
  },
): void {
  db.transaction(() => {
    db.prepare(
      `update import_runs set status = ?, finished_at = ?, orders_fetched = ?, shipments_created = ?, invoices_created = ?, amount = ?,
         api_calls = ?, error_count = ?, warning_count = ?, message = ? where id = ?`,
    ).run(r.status, r.now, r.orders, r.shipments, r.invoices, r.amount, r.apiCalls, r.errors, r.warnings, r.message, runId);
    insertLogs(db, r.logs);
  })();
}

/**
 * Marks runs left 'running' by a crash or kill as failed. Call only when no run of the setting is
 * in progress in this process.
 */
export function failInterruptedRuns(db: SqliteDb, settingId: number, now: string): number {
  return db
    .prepare(
      `update import_runs set status = 'failed', finished_at = ?, message = '前回の出荷取込処理は途中で中断されました（何も取り込まれていません）。もう一度実行してください。'
        where ec_setting_id = ? and status = 'running'`,
    )
    .run(now, settingId).changes;
}
