/** What the 売掛管理 feature needs from the composition root: no CoreContext, only these. */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDb } from '../db/open';
import type * as schema from '../db/schema';
import type { Logger } from '../ports';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface ReceivablesDeps {
  /** the connection, for synchronous transactions */
  db: SqliteDb;
  orm: Orm;
  /** ISO-8601 +09:00 of the clock's now */
  now(): string;
  /** today's JST date "YYYY-MM-DD" */
  today(): string;
  logger: Logger;
  /** Japanese public holidays (the bank-holiday shift of due dates) */
  isPublicHoliday(date: string): boolean;
}
