/**
 * Start-up migrations. Order matters and each step protects the user's data:
 * 1. refuse a database written by a newer app (it may hold data this version would misread);
 * 2. when migrations are pending on an existing database, copy it first with SQLite's online
 *    backup API (a consistent snapshot even in WAL mode) into <dataDir>/backups;
 * 3. apply drizzle's generated migrations (drizzle/), each in a transaction;
 * 4. record the schema version in PRAGMA user_version.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../../src-shared/errors';
import type { SqliteDb } from './open';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export interface MigrationReport {
  applied: string[];
  backupFile: string | null;
  schemaVersion: number;
}

/** Reads drizzle's journal: the list of migrations this app version ships. */
export function readJournal(migrationsDir: string): JournalEntry[] {
  const file = join(migrationsDir, 'meta', '_journal.json');
  if (!existsSync(file)) {
    throw new AppError('INTERNAL', `マイグレーション定義 (${file}) が見つかりません。アプリを再インストールしてください。`);
  }
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx);
}

function appliedMigrationTimes(db: SqliteDb): number[] {
  const exists = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!exists) return [];
  return (db.prepare('select created_at as t from __drizzle_migrations order by created_at').all() as { t: number }[]).map(
    (r) => Number(r.t),
  );
}

function hasUserTables(db: SqliteDb): boolean {
  return !!db.prepare("select 1 from sqlite_master where type = 'table' and name not like 'sqlite_%' limit 1").get();
}

/** Compact timestamp for file names, e.g. 20261125T163700Z. */
function fileStamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Copies the live database to a file with the SQLite backup API. */
export async function backupDatabase(db: SqliteDb, dir: string, label: string, epochMs: number): Promise<string> {
  // copies of the books: readable by this user only (where the OS has modes)
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${label}-${fileStamp(epochMs)}.sqlite3`);
  await db.backup(file);
  return file;
}

/** Brings the database up to this app's schema, or refuses it. */
export async function migrateDatabase(
  db: SqliteDb,
  opts: { migrationsDir: string; backupDir: string; now: number },
): Promise<MigrationReport> {
  const journal = readJournal(opts.migrationsDir);
  const known = new Set(journal.map((e) => e.when));
  const latestKnown = journal.at(-1)?.when ?? 0;
  const applied = appliedMigrationTimes(db);
  const userVersion = Number(db.pragma('user_version', { simple: true }));

  if (applied.some((t) => t > latestKnown && !known.has(t)) || userVersion > journal.length) {
    throw new AppError(
      'DB_NEWER_VERSION',
      'このデータファイルは新しいバージョンのBCart Deskで作成・更新されています。データを守るため、このバージョンでは開けません。最新版のBCart Deskをインストールしてから開いてください。',
      { details: { schemaVersion: userVersion, appSchemaVersion: journal.length } },
    );
  }

  const lastApplied = applied.at(-1) ?? 0;
  const pending = journal.filter((e) => e.when > lastApplied);
  let backupFile: string | null = null;
  if (pending.length > 0 && hasUserTables(db)) {
    backupFile = await backupDatabase(db, opts.backupDir, 'pre-migration', opts.now);
  }
  if (pending.length > 0) {
    migrate(drizzle(db), { migrationsFolder: opts.migrationsDir });
  }
  db.pragma(`user_version = ${journal.length}`);
  return { applied: pending.map((e) => e.tag), backupFile, schemaVersion: journal.length };
}
