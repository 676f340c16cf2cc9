/**
 * The database as repositories see it: drizzle's typed query builder over the one better-sqlite3
 * connection, the raw connection for the few bench-backed hot paths, and transactions. Only
 * repositories (`*-repository.ts`, `*-repositories.ts`) and db/ use it to reach tables (lint rule).
 */
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDb } from './open';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  orm: Orm;
  /** the raw connection: hot paths named with their benchmark, pragmas, ATTACH */
  sqlite: SqliteDb;
}

/** The handle over an open (migrated) connection. */
export function dbHandle(sqlite: SqliteDb): Db {
  return { orm: drizzle(sqlite, { schema }), sqlite };
}

/**
 * Runs `fn` in one synchronous transaction (nested calls become savepoints). `immediate` takes the
 * write lock at BEGIN, so a transaction that reads before it writes never fails half-way on a lock.
 */
export function inTransaction<T>(db: Db, fn: () => T, opts: { immediate?: boolean } = {}): T {
  const tx = db.sqlite.transaction(fn);
  return opts.immediate ? tx.immediate() : tx();
}
