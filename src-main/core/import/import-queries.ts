/** Read side of 出荷取込処理: targets, import history, one run, システムログ. */
import { AppError } from '../../../src-shared/errors';
import type { ImportRunRow, SystemLogRow } from '../../../src-shared/import/import-run';
import type { SqliteDb } from '../db/open';

const RUN_COLUMNS = `id, ec_setting_id as settingId, trigger, dry_run as dryRun, window_from as windowFrom, window_to as windowTo, status,
  started_at as startedAt, finished_at as finishedAt, orders_fetched as ordersFetched, shipments_created as shipmentsCreated,
  invoices_created as invoicesCreated, amount, api_calls as apiCalls, error_count as errorCount, warning_count as warningCount, message`;

const LOG_COLUMNS = 'id, run_id as runId, source, level, order_code as orderCode, code, message, created_at as createdAt';

const toRun = (r: ImportRunRow & { dryRun: unknown }): ImportRunRow => ({ ...r, dryRun: Boolean(r.dryRun) });

/** EC連携設定 rows with their cursor. */
export function listTargets(db: SqliteDb): { id: number; name: string; importStartDate: string | null }[] {
  return db.prepare('select id, name, import_start_date as importStartDate from ec_settings order by id').all() as {
    id: number;
    name: string;
    importStartDate: string | null;
  }[];
}

/** Import history, newest first. */
export function listRuns(db: SqliteDb, q: { settingId?: number; limit?: number }): ImportRunRow[] {
  const limit = q.limit ?? 100;
  const rows =
    q.settingId === undefined
      ? db.prepare(`select ${RUN_COLUMNS} from import_runs order by id desc limit ?`).all(limit)
      : db.prepare(`select ${RUN_COLUMNS} from import_runs where ec_setting_id = ? order by id desc limit ?`).all(q.settingId, limit);
  return (rows as (ImportRunRow & { dryRun: unknown })[]).map(toRun);
}

/** One run; NOT_FOUND when absent. */
export function getRun(db: SqliteDb, runId: number): ImportRunRow {
  const r = db.prepare(`select ${RUN_COLUMNS} from import_runs where id = ?`).get(runId) as (ImportRunRow & { dryRun: unknown }) | undefined;
  if (!r) throw new AppError('NOT_FOUND', `取込履歴 (ID ${runId}) が見つかりません。一覧を更新してください。`);
  return toRun(r);
}

/** システムログ, newest first. */
export function listLogs(db: SqliteDb, q: { level?: string; runId?: number; limit?: number; offset?: number }): { rows: SystemLogRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.level !== undefined) {
    where.push('level = ?');
    args.push(q.level);
  }
  if (q.runId !== undefined) {
    where.push('run_id = ?');
    args.push(q.runId);
  }
  const w = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const total = (db.prepare(`select count(*) as n from system_logs ${w}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`select ${LOG_COLUMNS} from system_logs ${w} order by id desc limit ? offset ?`)
    .all(...args, q.limit ?? 500, q.offset ?? 0) as SystemLogRow[];
  return { rows, total };
}

/** Every log line of one run, in the order written. */
export function runLogs(db: SqliteDb, runId: number): SystemLogRow[] {
  return db.prepare(`select ${LOG_COLUMNS} from system_logs where run_id = ? order by id`).all(runId) as SystemLogRow[];
}
