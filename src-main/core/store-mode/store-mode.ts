/**
 * 受付停止 mode (docs/glossary.md#schedules-app-state-and-logs): while on, imports, schedules and edits of products and
 * subscription applications are refused. Kept in app_state so it survives restarts.
 */
import { AppError } from '../../../src-shared/errors';
import type { SqliteDb } from '../db/open';

const KEY = 'store.closed';

export function isStoreClosed(db: SqliteDb): boolean {
  const row = db.prepare('select value from app_state where key = ?').get(KEY) as { value: string } | undefined;
  return row?.value === '1';
}

export function setStoreClosed(db: SqliteDb, closed: boolean, now: string): void {
  db.prepare(
    'insert into app_state (key, value, updated_at) values (?, ?, ?) on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at',
  ).run(KEY, closed ? '1' : '0', now);
}

/** Throws STORE_CLOSED with what the user is trying to do, e.g. 「出荷取込処理」. */
export function assertStoreOpen(db: SqliteDb, action: string): void {
  if (isStoreClosed(db)) {
    throw new AppError(
      'STORE_CLOSED',
      `受付停止中のため${action}はできません。消費税自動更新が終わったら「受付再開」を行ってから、もう一度お試しください。`,
    );
  }
}
