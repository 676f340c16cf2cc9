/** 管理者ログ: what was done to the books outside the normal slips (tax update, restore, store mode). */
import { desc } from 'drizzle-orm';
import type { Db } from '../db/db-handle';
import { adminLogs } from '../db/schema';

export type AdminAction = 'store.close' | 'store.open' | 'taxUpdate.apply' | 'taxUpdate.restore';

export interface AdminLogRow {
  id: number;
  action: string;
  message: string;
  createdAt: string;
}

export function createAdminLogRepository(db: Db) {
  return {
    /** Appends one entry (inside the caller's transaction when there is one). */
    write(action: AdminAction, message: string, now: string): void {
      db.orm.insert(adminLogs).values({ action, message, createdAt: now }).run();
    },
    /** Newest first. */
    list: (limit = 200): AdminLogRow[] => db.orm.select().from(adminLogs).orderBy(desc(adminLogs.id)).limit(limit).all(),
  };
}

export type AdminLogRepository = ReturnType<typeof createAdminLogRepository>;
