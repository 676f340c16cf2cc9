import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src-main/core/db/migrate';
import { mapOpenError, openDatabase } from '../../../src-main/core/db/open';
import * as schema from '../../../src-main/core/db/schema';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { MIGRATIONS_DIR, makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function temp() {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function schemaTables(): SQLiteTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => {
    try {
      getTableConfig(v as SQLiteTable);
      return true;
    } catch {
      return false;
    }
  });
}

describe('migrations', () => {
  it('a fresh database built from drizzle/ has exactly the tables and columns of schema.ts', async () => {
    const dir = temp();
    const db = openDatabase({ file: join(dir, 'x.sqlite3') });
    const report = await migrateDatabase(db, { migrationsDir: MIGRATIONS_DIR, backupDir: join(dir, 'b'), now: Date.now() });
    expect(report.backupFile).toBeNull(); // nothing to protect in a new file
    for (const table of schemaTables()) {
      const cfg = getTableConfig(table);
      const cols = (db.prepare(`pragma table_info(${cfg.name})`).all() as { name: string; notnull: number }[])
        .map((c) => `${c.name}:${c.notnull}`)
        .sort();
      const expected = cfg.columns.map((c) => `${c.name}:${c.notNull ? 1 : 0}`).sort();
      expect(cols, cfg.name).toEqual(expected);
      const idx = (db.prepare(`pragma index_list(${cfg.name})`).all() as { name: string }[]).map((i) => i.name);
      for (const i of cfg.indexes) expect(idx, `${cfg.name} index`).toContain(i.config.name);
    }
    const names = (db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[])
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(schemaTables().map((t) => getTableConfig(t).name).sort());
    expect(db.pragma('user_version', { simple: true })).toBe(report.schemaVersion);
    db.close();
  });

  it('refuses a database written by a newer version with a Japanese message and leaves it untouched', async () => {
    const dir = temp();
    const first = await makeTestCore({}, dir);
    first.close();
    const file = join(dir, DB_FILE_NAME);
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(file);
    await expect(makeTestCore({}, dir)).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' });
    await makeTestCore({}, dir).catch((e: Error) => expect(e.message).toContain('新しいバージョン'));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('takes a backup with the SQLite backup API before applying a pending migration', async () => {
    const dir = temp();
    const migDir = join(temp(), 'drizzle');
    cpSync(MIGRATIONS_DIR, migDir, { recursive: true });
    // 1st start with the shipped migrations and some data
    const t = await makeTestCore({ migrationsDir: migDir }, dir);
    await t.call('departments:create', { code: 'KEEP', name: '残る部門' });
    t.close();
    // a new app version ships one more migration
    const journalFile = join(migDir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(migDir, '9999_test_extra.sql'), 'CREATE TABLE `test_extra` (`id` integer PRIMARY KEY);');
    const t2 = await makeTestCore({ migrationsDir: migDir }, dir);
    expect(t2.core.migration.applied).toEqual(['9999_test_extra']);
    const backupFile = t2.core.migration.backupFile!;
    expect(existsSync(backupFile)).toBe(true);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    const backup = new Database(backupFile, { readonly: true });
    expect(backup.prepare("select name from departments where code = 'KEEP'").get()).toEqual({ name: '残る部門' });
    expect(backup.prepare("select 1 from sqlite_master where name = 'test_extra'").get()).toBeUndefined();
    backup.close();
    t2.close();
  });

  it('a corrupt file is refused with DB_CORRUPT and not modified', async () => {
    const dir = temp();
    const file = join(dir, DB_FILE_NAME);
    writeFileSync(file, Buffer.alloc(8192, 7));
    const before = readFileSync(file);
    await expect(makeTestCore({}, dir)).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only file is refused with DB_READ_ONLY', async () => {
    const dir = temp();
    (await makeTestCore({}, dir)).close();
    chmodSync(join(dir, DB_FILE_NAME), 0o444);
    await expect(makeTestCore({}, dir)).rejects.toMatchObject({ code: 'DB_READ_ONLY' });
  });

  it('a real SQLITE_READONLY error maps to DB_READ_ONLY with a Japanese message (runs as root too)', async () => {
    const dir = temp();
    (await makeTestCore({}, dir)).close();
    const ro = new Database(join(dir, DB_FILE_NAME), { readonly: true });
    let caught: unknown;
    try {
      ro.exec("insert into app_state (key, value, updated_at) values ('x', 'y', 'z')");
    } catch (e) {
      caught = e;
    }
    ro.close();
    const mapped = mapOpenError(caught, 'f.sqlite3');
    expect(mapped.code).toBe('DB_READ_ONLY');
    expect(mapped.message).toContain('書き込めません');
  });

  it('a network-share path is refused', () => {
    expect(() => openDatabase({ file: '\\\\server\\share\\bcart.sqlite3' })).toThrow(
      expect.objectContaining({ code: 'DB_UNSUPPORTED_LOCATION' }),
    );
  });
});
