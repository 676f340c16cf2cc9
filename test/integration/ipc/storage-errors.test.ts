/**
 * Storage failures reach the user classified the same way through every transport: over IPC a
 * full disk (the file at its page limit) is DISK_FULL and a write lock held by another connection
 * is DB_BUSY, each with its Japanese message and nothing written; the CLI prints the same code and
 * message and exits 1.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { makeTestCore, type TestCore } from '../../helpers/core';

const DEPARTMENT = { code: 'D-NEW', name: '新しい部門' };

let t: TestCore | null = null;
const others: Database.Database[] = [];
afterEach(() => {
  for (const db of others.splice(0)) db.close();
  t?.close();
  t = null;
});

describe('storage failures over IPC and in the CLI', () => {
  it('a full disk → DISK_FULL with its Japanese message; nothing written', async () => {
    t = await makeTestCore();
    // the file may not grow by a single page: every write that needs one fails with SQLITE_FULL
    t.core.db.pragma(`max_page_count = ${Number(t.core.db.pragma('page_count', { simple: true }))}`);
    const names = Array.from({ length: 200 }, (_, i) => ({ code: `D${i}`, name: `部門${i}${'〜'.repeat(40)}` }));
    let result: unknown = null;
    let saved = 0;
    for (const d of names) {
      const r = await t.core.dispatch('departments:create', d, { via: 'test' });
      if (!r.ok) {
        result = r.error;
        break;
      }
      saved++;
    }
    expect(result).toMatchObject({ code: 'DISK_FULL', retryable: true, message: expect.stringContaining('空き容量') });
    // the refused one left nothing behind; the ones before it are whole rows
    expect(saved).toBeLessThan(names.length);
    expect(t.core.db.prepare('select count(*) as n from departments where code = ?').get(names[saved]!.code)).toEqual({ n: 0 });
    expect(t.core.db.prepare("select code, name from departments where code like 'D%' order by id").all()).toEqual(names.slice(0, saved));
  });

  it('a write lock held by another connection past the busy timeout → DB_BUSY; nothing written', async () => {
    t = await makeTestCore();
    t.core.db.pragma('busy_timeout = 100');
    const other = new Database(join(t.dataDir, DB_FILE_NAME));
    others.push(other);
    other.exec('begin immediate');
    const r = await t.core.dispatch('departments:create', DEPARTMENT, { via: 'test' });
    other.exec('rollback');
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_BUSY', retryable: true, message: expect.stringContaining('使用中') } });
    expect(t.core.db.prepare('select count(*) as n from departments where code = ?').get(DEPARTMENT.code)).toEqual({ n: 0 });
  });

  it('the CLI prints the same code and message and exits 1', async () => {
    t = await makeTestCore();
    const dir = t.dataDir;
    const other = new Database(join(dir, DB_FILE_NAME));
    others.push(other);
    other.exec('begin immediate');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['schedule:add', '--data-dir', dir, '--days', 'mon', '--time', '07:30'], { out: (x) => out.push(x), err: (x) => err.push(x) });
    other.exec('rollback');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/^エラー \(DB_BUSY\): データファイルが他の処理で使用中です。/);
    expect(t.core.db.prepare('select count(*) as n from schedule_jobs').get()).toEqual({ n: 0 });
  }, 30_000);
});
