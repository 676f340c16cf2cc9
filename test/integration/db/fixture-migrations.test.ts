/**
 * Migrations with data (docs/reliability.md#the-database-file): every fixture database under
 * test/fixtures/db (made by an earlier schema version, see its README) is copied, opened by the
 * current code (which migrates it), and every row of every table of the fixture is checked to be
 * still there with the same values in the columns that still exist; the fixture file itself is
 * never modified.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const DIR = join(__dirname, '..', '..', 'fixtures', 'db');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.sqlite3'));

type Rows = Map<string, { columns: string[]; rows: unknown[][] }>;

/** Every table's rows (ordered by rowid or the whole row), read without writing anything. */
function readAll(file: string, onlyColumns?: Rows): Rows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const out: Rows = new Map();
    const tables = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`)
      .pluck()
      .all() as string[];
    for (const t of tables) {
      const all = db.prepare(`select name from pragma_table_info(?)`).pluck().all(t) as string[];
      const columns = onlyColumns ? (onlyColumns.get(t)?.columns ?? []).filter((c) => all.includes(c)) : all;
      if (columns.length === 0) continue;
      const list = columns.map((c) => `"${c}"`).join(', ');
      out.set(t, { columns, rows: db.prepare(`select ${list} from "${t}" order by ${list}`).raw().all() as unknown[][] });
    }
    return out;
  } finally {
    db.close();
  }
}

/** Rows of `before` not found, with the same values in the columns still there, in `after`. */
function lostRows(before: Rows, after: Rows): string[] {
  const missing: string[] = [];
  for (const [table, b] of before) {
    if (table.startsWith('__drizzle')) continue;
    const a = after.get(table);
    if (!a) {
      missing.push(`${table}: table gone`);
      continue;
    }
    const have = new Set(a.rows.map((r) => JSON.stringify(r)));
    for (const r of b.rows) {
      if (!have.has(JSON.stringify(a.columns.map((c) => r[b.columns.indexOf(c)]))))
        missing.push(`${table}: ${JSON.stringify(r).slice(0, 120)}`);
    }
  }
  return missing;
}

describe('fixture databases of earlier schema versions migrate with every row kept', () => {
  it('there is at least the first release', () => {
    expect(FIXTURES).toContain('schema-0000-first-release.sqlite3');
  });

  for (const name of FIXTURES) {
    it(name, async () => {
      const src = join(DIR, name);
      const bytes = readFileSync(src);
      const tmp = makeTempDir();
      try {
        // the fixture is read through a copy: its -wal (if any) goes along
        for (const ext of ['', '-wal', '-shm']) {
          try {
            copyFileSync(src + ext, join(tmp.dir, DB_FILE_NAME + ext));
          } catch {
            /* no such side file */
          }
        }
        const before = readAll(join(tmp.dir, DB_FILE_NAME));
        const rowCount = [...before.values()].reduce((n, t) => n + t.rows.length, 0);
        expect(rowCount).toBeGreaterThan(500);
        const t = await makeTestCore({}, tmp.dir);
        const schemaVersion = t.core.migration.schemaVersion;
        t.core.db.pragma('wal_checkpoint(TRUNCATE)');
        t.close();
        const after = readAll(join(tmp.dir, DB_FILE_NAME), before);
        const missing = lostRows(before, after);
        console.log(
          `fixture ${name}: migrated to schema ${schemaVersion}; ${before.size} tables, ${rowCount} rows checked; missing or changed ${missing.length}`,
        );
        expect(missing).toEqual([]);
        expect(readFileSync(src).equals(bytes)).toBe(true);
        // sabotage: a migration that loses one row, or changes one value, is reported
        const db = new Database(join(tmp.dir, DB_FILE_NAME));
        db.exec('delete from shipment_lines where rowid = (select max(rowid) from shipment_lines)');
        db.exec("update partners set name = name || 'x' where rowid = (select min(rowid) from partners)");
        db.close();
        const caught = lostRows(before, readAll(join(tmp.dir, DB_FILE_NAME), before));
        console.log(`fixture ${name} sabotage (one row deleted, one value changed): caught ${caught.length} of 2`);
        expect(caught).toHaveLength(2);
      } finally {
        tmp.cleanup();
      }
    });
  }
});
