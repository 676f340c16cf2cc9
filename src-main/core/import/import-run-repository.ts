/**
 * 出荷取込処理 bookkeeping: the import history (import_runs), the システムログ lines of each run
 * (system_logs) and the watch list of orders not fully shipped yet (import_watch). Run rows are
 * created 'running' before fetching and closed by the write transaction (success) or by
 * closeWithoutWrites (failure, 中止, 取込プレビュー: nothing else written).
 */
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import type { ImportRunRow, SystemLogRow } from '../../../src-shared/import/import-run';
import { inTransaction, type Db } from '../db/db-handle';
import { inIds } from '../db/in-ids';
import { importRuns, importWatch, systemLogs } from '../db/schema';

/** One システムログ line of a run. */
export interface ImportLogEntry {
  runId: number | null;
  level: 'info' | 'warn' | 'error';
  orderCode: string | null;
  code: string | null;
  message: string;
  createdAt: string;
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

/** What a finished run records (counts of the plan, or zeros for a failure). */
export interface RunClose {
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
}

/** An order of an earlier window still waiting to be fully shipped. */
export interface WatchEntry {
  orderId: number;
  orderCode: string;
  reason: string;
}

const RUN_COLUMNS = {
  id: importRuns.id,
  settingId: importRuns.ecSettingId,
  trigger: importRuns.trigger,
  dryRun: importRuns.dryRun,
  windowFrom: importRuns.windowFrom,
  windowTo: importRuns.windowTo,
  status: importRuns.status,
  startedAt: importRuns.startedAt,
  finishedAt: importRuns.finishedAt,
  ordersFetched: importRuns.ordersFetched,
  shipmentsCreated: importRuns.shipmentsCreated,
  invoicesCreated: importRuns.invoicesCreated,
  amount: importRuns.amount,
  apiCalls: importRuns.apiCalls,
  errorCount: importRuns.errorCount,
  warningCount: importRuns.warningCount,
  message: importRuns.message,
};

const LOG_COLUMNS = {
  id: systemLogs.id,
  runId: systemLogs.runId,
  source: systemLogs.source,
  level: systemLogs.level,
  orderCode: systemLogs.orderCode,
  code: systemLogs.code,
  message: systemLogs.message,
  createdAt: systemLogs.createdAt,
};

/** rows per multi-row statement (≤ 7 columns: far below SQLite's variable limit) */
const LOG_CHUNK = 500;

const INTERRUPTED = '前回の出荷取込処理は途中で中断されました（何も取り込まれていません）。もう一度実行してください。';

export function createImportRunRepository(db: Db) {
  const { orm } = db;

  function insertLogs(entries: readonly ImportLogEntry[]): void {
    // multi-row inserts in chunks: a failed run of 10,000 orders may log as many lines
    for (let i = 0; i < entries.length; i += LOG_CHUNK) {
      orm
        .insert(systemLogs)
        .values(entries.slice(i, i + LOG_CHUNK).map((e) => ({ ...e, source: 'import' })))
        .run();
    }
  }

  function closeRun(runId: number, r: RunClose): void {
    orm
      .update(importRuns)
      .set({
        status: r.status,
        finishedAt: r.now,
        ordersFetched: r.orders,
        shipmentsCreated: r.shipments,
        invoicesCreated: r.invoices,
        amount: r.amount,
        apiCalls: r.apiCalls,
        errorCount: r.errors,
        warningCount: r.warnings,
        message: r.message,
      })
      .where(eq(importRuns.id, runId))
      .run();
  }

  function getRun(runId: number): ImportRunRow {
    const r = orm.select(RUN_COLUMNS).from(importRuns).where(eq(importRuns.id, runId)).get();
    if (!r) throw new AppError('NOT_FOUND', `取込履歴 (ID ${runId}) が見つかりません。一覧を更新してください。`);
    return r;
  }

  return {
    /** Inserts a 'running' run row and returns its id. */
    createRun: (r: NewRun): number =>
      orm
        .insert(importRuns)
        .values({ ecSettingId: r.settingId, trigger: r.trigger, dryRun: r.dryRun, windowFrom: r.windowFrom, windowTo: r.windowTo, status: 'running', startedAt: r.startedAt })
        .returning({ id: importRuns.id })
        .get().id,
    /** Sets the window once it is known. */
    setWindow(runId: number, from: string | null, to: string | null): void {
      orm.update(importRuns).set({ windowFrom: from, windowTo: to }).where(eq(importRuns.id, runId)).run();
    },
    /** Closes a run (inside the import's write transaction on success). */
    closeRun,
    /** Closes a run that wrote nothing (failure, 中止 or 取込プレビュー) with its log lines, atomically. */
    closeWithoutWrites(runId: number, r: RunClose & { logs: readonly ImportLogEntry[] }): void {
      inTransaction(db, () => {
        closeRun(runId, r);
        insertLogs(r.logs);
      });
    },
    /** Marks runs left 'running' by a crash or kill as failed (none of the setting may be running here). */
    failInterrupted: (settingId: number, now: string): number =>
      orm
        .update(importRuns)
        .set({ status: 'failed', finishedAt: now, message: INTERRUPTED })
        .where(and(eq(importRuns.ecSettingId, settingId), eq(importRuns.status, 'running')))
        .run().changes,
    insertLogs,

    /** The watch list of a setting, by order id. */
    watched: (settingId: number): { id: number; code: string }[] =>
      orm
        .select({ id: importWatch.bcartOrderId, code: importWatch.bcartOrderCode })
        .from(importWatch)
        .where(eq(importWatch.ecSettingId, settingId))
        .orderBy(asc(importWatch.bcartOrderId))
        .all(),
    /**
     * Adds or refreshes watched orders and drops the resolved ones (inside the write transaction).
     * One prepared upsert bound per order: a 10,000-order run watches ~1,000 orders
     * (bench/import.bench.ts), and drizzle building multi-row statements of them cost 40–100 ms,
     * a tenth of the whole write; the resolved ids go in one statement as a JSON list.
     */
    updateWatch(settingId: number, runId: number, watch: readonly WatchEntry[], resolvedOrderIds: readonly number[], now: string): void {
      if (watch.length > 0) {
        const upsert = db.sqlite.prepare(
          `insert into import_watch (ec_setting_id, bcart_order_id, bcart_order_code, reason, first_seen_run_id, last_checked_at) values (?, ?, ?, ?, ?, ?)
           on conflict (ec_setting_id, bcart_order_id) do update set reason = excluded.reason, last_checked_at = excluded.last_checked_at`,
        );
        for (const w of watch) upsert.run(settingId, w.orderId, w.orderCode, w.reason, runId, now);
      }
      if (resolvedOrderIds.length > 0) orm.delete(importWatch).where(and(eq(importWatch.ecSettingId, settingId), inIds(importWatch.bcartOrderId, resolvedOrderIds))).run();
    },

    /** Import history, newest first. */
    listRuns: (q: { settingId?: number; limit?: number }): ImportRunRow[] =>
      orm
        .select(RUN_COLUMNS)
        .from(importRuns)
        .where(q.settingId === undefined ? undefined : eq(importRuns.ecSettingId, q.settingId))
        .orderBy(desc(importRuns.id))
        .limit(q.limit ?? 100)
        .all(),
    /** One run; NOT_FOUND when absent. */
    getRun,
    /** システムログ, newest first. */
    listLogs(q: { level?: SystemLogRow['level']; runId?: number; limit?: number; offset?: number }): { rows: SystemLogRow[]; total: number } {
      const filters: SQL[] = [];
      if (q.level !== undefined) filters.push(eq(systemLogs.level, q.level));
      if (q.runId !== undefined) filters.push(eq(systemLogs.runId, q.runId));
      const where = filters.length > 0 ? and(...filters) : undefined;
      const total = orm.select({ n: count() }).from(systemLogs).where(where).get()?.n ?? 0;
      const rows = orm
        .select(LOG_COLUMNS)
        .from(systemLogs)
        .where(where)
        .orderBy(desc(systemLogs.id))
        .limit(q.limit ?? 500)
        .offset(q.offset ?? 0)
        .all();
      return { rows, total };
    },
    /** Every log line of some runs, in the order written. */
    runLogs: (runIds: readonly number[]): SystemLogRow[] =>
      runIds.length === 0 ? [] : orm.select(LOG_COLUMNS).from(systemLogs).where(inArray(systemLogs.runId, [...runIds])).orderBy(asc(systemLogs.id)).all(),
  };
}

export type ImportRunRepository = ReturnType<typeof createImportRunRepository>;
