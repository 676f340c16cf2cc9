/**
 * バックアップ on real files: the rule is applied when the core starts, listed with the space the
 * backups take, changed over IPC (deleting what it no longer keeps, never the backup the
 * 処理履歴(消費税自動更新) refers to, never a file that is not ours), and the data and backup
 * folders are created readable by their owner only.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { backupDatabase } from '../../../src-main/core/db/migrate';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T03:00:00Z');
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A data folder with backups of the given ages (days) and a tax-update run referring to one of them. */
function dataFolder(ages: number[], referencedAge: number | null) {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const dir = join(tmp.dir, 'data');
  mkdirSync(join(dir, 'backups'), { recursive: true });
  const names = ages.map((d, i) => {
    const name = d === referencedAge ? `tax-update-2026-10-${stamp(NOW - d * DAY)}.sqlite3` : `pre-migration-${stamp(NOW - d * DAY - i)}.sqlite3`;
    writeFileSync(join(dir, 'backups', name), Buffer.alloc(1000 + i));
    return name;
  });
  // not ours: never listed, never deleted
  writeFileSync(join(dir, 'backups', 'my-own-copy.sqlite3'), 'x');
  writeFileSync(join(dir, 'backups', 'pre-migration-20260101T000000Z.sqlite3.txt'), 'x');
  return { dir, names };
}

async function start(dir: string): Promise<TestCore> {
  const t = await makeTestCore({ clock: { now: () => NOW } }, dir);
  cleanups.push(() => t.core.close());
  return t;
}

const referTo = (t: TestCore, file: string) => {
  t.core.db
    .prepare("insert into rate_change_events (id, label, effective_date, old_standard, new_standard, old_reduced, new_reduced, created_at) values ('2026-10', 'x', '2026-10-01', 10, 12, 8, 10, '2026-09-01T00:00:00+09:00')")
    .run();
  t.core.db.prepare("insert into tax_update_runs (rate_event_id, rounding, targets, changed_applications, changed_prices, backup_file, executed_at) values ('2026-10', 'floor', 1, 1, 1, ?, '2026-10-01T00:00:00+09:00')").run(file);
};

describe('バックアップ', () => {
  it('at start the default rule (newest 10, last 30 days) is applied; the list shows sizes, the total and free space', async () => {
    const ages = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40, 41, 100];
    const { dir, names } = dataFolder(ages, null);
    const t = await start(dir);
    const list = await t.call<{ folder: string; retention: unknown; files: { name: string; bytes: number; kind: string; takenAt: string; protected: boolean }[]; totalBytes: number; freeBytes: number | null }>('backups:list');
    expect(list.folder).toBe(join(dir, 'backups'));
    expect(list.retention).toEqual({ keepLast: 10, keepDays: 30 });
    // the newest 10 (0–9 days) and the rest of the last 30 days (10–12) stay; 40, 41, 100 go
    expect(list.files.map((f) => f.name)).toEqual(names.slice(0, 13));
    expect(list.files[0]).toMatchObject({ kind: 'pre-migration', bytes: 1000, takenAt: '2026-12-01T12:00:00+09:00', protected: false });
    expect(list.totalBytes).toBe(list.files.reduce((s, f) => s + f.bytes, 0));
    expect(list.freeBytes).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual([...names.slice(0, 13), 'my-own-copy.sqlite3', 'pre-migration-20260101T000000Z.sqlite3.txt'].sort());
  });

  it('a stricter rule over IPC deletes what it no longer keeps, never the backup the tax-update history refers to', async () => {
    const { dir, names } = dataFolder([0, 1, 2, 20, 25], 25);
    const t = await start(dir);
    referTo(t, join(dir, 'backups', names[4]!));
    const after = await t.call<{ retention: unknown; files: { name: string; protected: boolean }[] }>('backups:setRetention', { keepLast: 2, keepDays: 0 });
    expect(after.retention).toEqual({ keepLast: 2, keepDays: 0 });
    expect(after.files.map((f) => [f.name, f.protected])).toEqual([
      [names[0], false],
      [names[1], false],
      [names[4], true],
    ]);
    expect(readdirSync(join(dir, 'backups'))).toEqual(expect.arrayContaining(['my-own-copy.sqlite3']));
    // the rule is kept: the next start applies it
    t.core.close();
    const again = await start(dir);
    expect((await again.call<{ retention: unknown }>('backups:list')).retention).toEqual({ keepLast: 2, keepDays: 0 });
  });

  it('an invalid rule is refused with the field problems and changes nothing', async () => {
    const { dir, names } = dataFolder([0, 50], null);
    const t = await start(dir);
    const r = await t.core.dispatch('backups:setRetention', { keepLast: 0, keepDays: -1 }, { via: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(r)).toContain('残す件数は 1 件以上にしてください。');
    expect((await t.call<{ files: { name: string }[] }>('backups:list')).files.map((f) => f.name)).toEqual(names);
  });

  it.skipIf(process.platform === 'win32')('the data folder and backups/ are created readable by their owner only (0700)', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dir = join(tmp.dir, 'new-data');
    const t = await start(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const file = await backupDatabase(t.core.db, join(dir, 'backups'), 'pre-migration', NOW);
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(statSync(join(dir, DB_FILE_NAME)).isFile()).toBe(true);
  });
});
