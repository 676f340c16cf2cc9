/** The drizzle handle the stock repositories take (the core's, typed with the whole schema). */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../db/schema';

export type StockOrm = BetterSQLite3Database<typeof schema>;
