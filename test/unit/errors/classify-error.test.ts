/**
 * classifyError on real failures, not hand-made objects: errors thrown by better-sqlite3 on a real
 * file (a second connection holding the write lock, a page limit standing in for a full disk, a
 * UNIQUE index, a read-only handle), a zod parse, and Node's fetch against a closed port and a
 * server that never answers.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import { classifyError, failureKind } from '../../../src-main/core/errors/classify-error';
import { makeTempDir } from '../../helpers/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

function openFile(): { file: string; db: Database.Database } {
  const tmp = makeTempDir();
  const file = join(tmp.dir, 'x.sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('create table t (id integer primary key, code text not null unique, n integer check (n >= 0))');
  cleanups.push(() => {
    db.close();
    tmp.cleanup();
  });
  return { file, db };
}

describe('classifyError', () => {
  it('SQLITE_BUSY from a second connection holding the write lock → DB_BUSY, retryable, Japanese', () => {
    const { file, db } = openFile();
    const other = new Database(file);
    other.pragma('busy_timeout = 50');
    cleanups.push(() => other.close());
    db.exec('begin immediate');
    const e = thrownBy(() => other.prepare("insert into t (code) values ('a')").run());
    db.exec('rollback');
    expect((e as { code: string }).code).toBe('SQLITE_BUSY');
    const err = classifyError(e);
    expect(err).toMatchObject({ code: 'DB_BUSY', retryable: true });
    expect(err.message).toContain('使用中');
  });

  it('SQLITE_FULL (the file reached its page limit, as on a full disk) → DISK_FULL', () => {
    const { db } = openFile();
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const e = thrownBy(() => {
      const ins = db.prepare('insert into t (code) values (?)');
      for (let i = 0; i < 100_000; i++) ins.run(`code-${i}-${'x'.repeat(200)}`);
    });
    expect((e as { code: string }).code).toBe('SQLITE_FULL');
    const err = classifyError(e);
    expect(err.code).toBe('DISK_FULL');
    expect(err.message).toMatch(/空き容量.*保存されていません/);
  });

  it('constraints: UNIQUE → CONFLICT (blaming the mapped field), CHECK → VALIDATION, FOREIGN KEY → IN_USE', () => {
    const { db } = openFile();
    db.prepare("insert into t (code) values ('a')").run();
    const unique = thrownBy(() => db.prepare("insert into t (code) values ('a')").run());
    expect(classifyError(unique)).toMatchObject({ code: 'CONFLICT' });
    const blamed = classifyError(unique, { uniqueFields: { 't.code': { path: 'code', message: 'このコードは使われています。' } } });
    expect(blamed).toMatchObject({ code: 'CONFLICT', message: 'このコードは使われています。', fields: [{ path: 'code' }] });
    expect(classifyError(unique, { conflict: '同時に取り込まれました。' }).message).toBe('同時に取り込まれました。');
    const check = thrownBy(() => db.prepare("insert into t (code, n) values ('b', -1)").run());
    expect(classifyError(check).code).toBe('VALIDATION');
    db.pragma('foreign_keys = ON');
    db.exec('create table child (id integer primary key, t_id integer not null references t(id))');
    db.exec('insert into child (t_id) values (1)');
    const fk = thrownBy(() => db.prepare('delete from t where id = 1').run());
    expect(classifyError(fk).code).toBe('IN_USE');
  });

  it('a write through a read-only handle → DB_READ_ONLY naming the file when given', () => {
    const { file } = openFile();
    const ro = new Database(file, { readonly: true });
    cleanups.push(() => ro.close());
    const e = thrownBy(() => ro.prepare("insert into t (code) values ('z')").run());
    const err = classifyError(e, { file: 'books.sqlite3' });
    expect(err.code).toBe('DB_READ_ONLY');
    expect(err.message).toContain('books.sqlite3');
  });

  it('a file that is not a database → DB_CORRUPT', () => {
    const tmp = makeTempDir();
    cleanups.push(() => tmp.cleanup());
    const file = join(tmp.dir, 'junk.sqlite3');
    writeFileSync(file, Buffer.alloc(4096, 9));
    const e = thrownBy(() => {
      const db = new Database(file);
      try {
        db.pragma('quick_check');
      } finally {
        db.close();
      }
    });
    expect(failureKind(e)).toBe('db-corrupt');
    expect(classifyError(e).code).toBe('DB_CORRUPT');
  });

  it('a zod parse failure → VALIDATION with one field problem per issue', () => {
    const e = thrownBy(() => z.object({ code: z.string().min(1, 'コードを入力してください。'), n: z.number() }).parse({ code: '', n: 'x' }));
    const err = classifyError(e);
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.map((f) => f.path).sort()).toEqual(['code', 'n']);
    expect(err.fields?.find((f) => f.path === 'code')?.message).toBe('コードを入力してください。');
  });

  it('fetch to a closed port → NETWORK with the socket reason; a server that never answers → TIMEOUT', async () => {
    const listen = async () => {
      const server = createServer((socket) => cleanups.push(() => socket.destroy())); // accepts, never answers
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, port: (server.address() as { port: number }).port };
    };
    const closed = await listen();
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const { server, port } = await listen();
    const refused = await rejectionOf(fetch(`http://127.0.0.1:${closed.port}/`));
    const network = classifyError(refused);
    expect(network).toMatchObject({ code: 'NETWORK', retryable: true });
    expect(network.message).toContain('ECONNREFUSED');
    const slow = await rejectionOf(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(100) }));
    server.close();
    expect(classifyError(slow)).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('an AppError passes through unchanged; anything else is INTERNAL with the given or the generic text', () => {
    const app = new AppError('STORE_CLOSED', '受付停止中です。');
    expect(classifyError(app)).toBe(app);
    expect(classifyError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('予期しないエラー') });
    expect(classifyError('x', { internal: '「朝の取込」で予期しないエラー' }).message).toBe('「朝の取込」で予期しないエラー');
  });
});
