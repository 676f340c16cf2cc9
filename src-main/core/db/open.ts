/**
 * Opens the app's SQLite file with the pragmas that make committed data durable
 * (docs/reliability.md#the-database-file): WAL, synchronous=FULL, foreign keys on, a busy timeout. Failures become
 * AppErrors with Japanese messages; nothing is written to a file we cannot trust.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import { classifyError } from '../errors/classify-error';

export type SqliteDb = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  /** path of a better_sqlite3.node built for another runtime (the Electron shell passes one) */
  nativeBinding?: string;
}

/** Refuses locations where SQLite's file locking is unreliable (Windows UNC network shares). */
function assertLocalPath(file: string): void {
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(file)) {
    throw new AppError(
      'DB_UNSUPPORTED_LOCATION',
      `データファイルの場所 (${file}) はネットワーク上の共有フォルダです。データが壊れるおそれがあるため使用できません。このPCのローカルディスク上のフォルダを指定してください。`,
    );
  }
}

/** Maps a SQLite error met while opening/checking the file to an AppError naming the file. */
export function mapOpenError(e: unknown, file: string): AppError {
  return classifyError(e, {
    file,
    internal: `データファイル (${file}) を開けませんでした。アプリを再起動してください。解決しない場合はログを添えてサポートにご連絡ください。`,
  });
}

/** Opens (creating if needed) the database file and applies the durability pragmas. */
export function openDatabase(opts: OpenDatabaseOptions): SqliteDb {
  assertLocalPath(opts.file);
  let db: SqliteDb | undefined;
  try {
    db = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    // quick_check reads every page header: a truncated or foreign file fails here, before we write.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      const err = Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
      throw err;
    }
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw Object.assign(new Error(`journal_mode stayed ${String(mode)}`), { code: 'SQLITE_READONLY' });
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A write probe: a read-only file opens fine but must not get as far as migrations.
    db.exec('BEGIN IMMEDIATE; ROLLBACK;');
    return db;
  } catch (e) {
    try {
      db?.close();
    } catch {
      /* already failing */
    }
    throw mapOpenError(e, opts.file);
  }
}
