/**
 * 処理履歴 of the one-time update: runs with counts and their automatic backup, the change list,
 * and restore. Restore copies the 定期申込 tables back from the backup taken just before the run
 * (ATTACH + one transaction on the live connection, so the app keeps running), and marks the run
 * restored. The run record stays: the event still counts as applied (once only: docs/tax-rules.md#targets-and-once-only), so a
 * restore can never lead to a silent second automatic run.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import type { SqliteDb } from '../db/open';
import { writeAdminLog } from './admin-log';

export interface RunSummary {
  id: number;
  eventId: string;
  eventLabel: string;
  rounding: 'floor' | 'ceil' | 'round';
  targets: number;
  changedApplications: number;
  changedPrices: number;
  changeCount: number;
  backupFile: string | null;
  executedAt: string;
  restoredAt: string | null;
}

const SELECT = `select r.id, r.rate_event_id as eventId, e.label as eventLabel, r.rounding, r.targets,
  r.changed_applications as changedApplications, r.changed_prices as changedPrices,
  (select count(*) from tax_update_changes c where c.run_id = r.id) as changeCount,
  r.backup_file as backupFile, r.executed_at as executedAt, r.restored_at as restoredAt
  from tax_update_runs r join rate_change_events e on e.id = r.rate_event_id`;

/** Newest first. */
export function listRuns(db: SqliteDb): RunSummary[] {
  return db.prepare(`${SELECT} order by r.id desc`).all() as RunSummary[];
}

/** One run; NOT_FOUND when unknown. */
export function getRun(db: SqliteDb, runId: number): RunSummary {
  const r = db.prepare(`${SELECT} where r.id = ?`).get(runId) as RunSummary | undefined;
  if (!r) throw new AppError('NOT_FOUND', `処理履歴(No.${runId})が見つかりません。画面を更新してから、もう一度お試しください。`);
  return r;
}

export interface RunChangeRow {
  applicationCode: string;
  productCode: string;
  variation: string;
  field: string;
  optionName: string | null;
  oldValue: string;
  newValue: string;
}

/** A page of a run's change list, in plan order. */
export function listRunChanges(db: SqliteDb, runId: number, offset: number, limit: number): { total: number; rows: RunChangeRow[] } {
  getRun(db, runId);
  const total = (db.prepare('select count(*) as n from tax_update_changes where run_id = ?').get(runId) as { n: number }).n;
  const rows = db
    .prepare(
      `select application_code as applicationCode, product_code as productCode, variation, field, option_name as optionName,
        old_value as oldValue, new_value as newValue from tax_update_changes where run_id = ? order by id limit ? offset ?`,
    )
    .all(runId, limit, offset) as RunChangeRow[];
  return { total, rows };
}

const TABLES = ['subscription_applications', 'subscription_items', 'subscription_options'] as const;

function columnsOf(db: SqliteDb, schema: 'main' | 'bk', table: string): string[] {
  return (db.prepare(`pragma ${schema}.table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * Puts every 定期申込 back as it was in the run's backup (applications, items, options — the only
 * tables the update writes). Edits made after the run are lost; the screen says so before asking.
 */
export function restoreRun(db: SqliteDb, runId: number, now: string): RunSummary {
  const run = getRun(db, runId);
  if (run.restoredAt !== null) {
    throw new AppError('CONFLICT', `この処理履歴は${run.restoredAt.slice(0, 16).replace('T', ' ')}にすでに復元済みです。もう一度復元する必要はありません。`);
  }
  if (run.backupFile === null || !existsSync(run.backupFile)) {
    throw new AppError(
      'NOT_FOUND',
      `自動バックアップのファイル(${run.backupFile === null ? 'なし' : basename(run.backupFile)})が見つからないため復元できません。データフォルダの backups を確認してください。`,
    );
  }
  // ATTACH is not allowed inside a transaction: attach first, copy in one transaction, detach always
  db.prepare('attach database ? as bk').run(run.backupFile);
  try {
    for (const t of TABLES) {
      if (columnsOf(db, 'bk', t).length === 0) {
        throw new AppError('DB_CORRUPT', 'バックアップファイルに定期申込のデータがないため復元できません。バックアップファイルを確認してください。');
      }
    }
    db.transaction(() => {
      db.prepare('delete from main.subscription_applications').run(); // items and options cascade
      for (const t of TABLES) {
        const backupCols = new Set(columnsOf(db, 'bk', t));
        const cols = columnsOf(db, 'main', t).filter((c) => backupCols.has(c)).join(', ');
        db.prepare(`insert into main.${t} (${cols}) select ${cols} from bk.${t} order by id`).run();
      }
      db.prepare('update tax_update_runs set restored_at = ? where id = ?').run(now, runId);
      writeAdminLog(
        db,
        'taxUpdate.restore',
        `消費税自動更新「${run.eventLabel}」(処理履歴 No.${run.id})の実行前の自動バックアップ(${basename(run.backupFile ?? '')})から定期申込を復元しました。`,
        now,
      );
    })();
  } finally {
    db.prepare('detach database bk').run();
  }
  return getRun(db, runId);
}
