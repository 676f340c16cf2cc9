/** 管理者ログ: what was done to the books outside the normal slips (tax update, restore, store mode). */
import type { SqliteDb } from '../db/open';

export type AdminAction = 'store.close' | 'store.open' | 'taxUpdate.apply' | 'taxUpdate.restore';

/** Appends one entry (inside the caller's transaction when there is one). */
export function writeAdminLog(db: SqliteDb, action: AdminAction, message: string, now: string): void {
  db.prepare('insert into admin_logs (action, message, created_at) values (?, ?, ?)').run(action, message, now);
}

export interface AdminLogRow {
  id: number;
  action: string;
  message: string;
  createdAt: string;
}

/** Newest first. */
export function listAdminLogs(db: SqliteDb, limit = 200): AdminLogRow[] {
  return db.prepare('select id, action, message, created_at as createdAt from admin_logs order by id desc limit ?').all(limit) as AdminLogRow[];
}
