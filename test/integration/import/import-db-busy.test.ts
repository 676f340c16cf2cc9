/**
 * SQLITE_BUSY past the busy timeout during 出荷取込処理: a second real connection (in a worker
 * thread, so it keeps the lock while the import's thread sleeps in SQLite's busy handler) takes the
 * write lock of the same file while the import fetches from the simulator. The write transaction
 * waits the whole busy timeout, fails, and the run ends DB_BUSY with its Japanese message: nothing
 * of the plan written, the cursor where it was. The lock is let go when the import logs its failure,
 * so the failed run itself is recorded (with the same message in the システムログ).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import type { Fetch } from '../../../src-main/core/ports';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { bookCounts, seedImportBooks } from './import-fixture';
import { FIXED_NOW } from './import-harness';

/** Holds BEGIN IMMEDIATE on the file until the shared flag is set (Atomics: no event loop needed). */
const LOCKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
const flag = new Int32Array(workerData.flag);
Atomics.wait(flag, 0, 0);
db.exec('ROLLBACK');
db.close();
parentPort.postMessage('released');
`;

interface Locker {
  locked: Promise<void>;
  released: Promise<void>;
  release(): void;
}

function lockFile(file: string): Locker {
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(LOCKER, { eval: true, workerData: { file, flag, module: require.resolve('better-sqlite3') } });
  const message = (m: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (x) => x === m && resolve());
      worker.on('error', reject);
    });
  const locked = message('locked');
  const released = message('released').then(() => worker.terminate().then(() => undefined));
  return {
    locked,
    released,
    release() {
      // synchronous: the import's thread is the caller, between two busy waits
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
    },
  };
}

let sim: RunningSimulator | null = null;
let t: TestCore | null = null;
afterEach(async () => {
  await sim?.close();
  t?.close();
  sim = null;
  t = null;
});

describe('出荷取込処理 when another connection holds the database past the busy timeout', () => {
  it('fails with DB_BUSY and its Japanese message; nothing written, cursor unchanged, the failed run recorded', async () => {
    const clock = { now: () => FIXED_NOW };
    const today = jstDateOf(FIXED_NOW);
    sim = await startSimulator({ seed: 11, orders: 40, fromDate: '2025-04-24', toDate: today, rateLimit: false, includeUnsupported: false, clock });
    let locker: Locker | null = null;
    let dataDir = '';
    // the lock is taken while the import fetches, i.e. after its run row exists and before it writes
    const fetchWithLock: Fetch = async (input, init) => {
      if (!locker && String(input).includes('/orders')) {
        locker = lockFile(join(dataDir, DB_FILE_NAME));
        await locker.locked;
      }
      return fetch(input, init);
    };
    const memory = createMemoryLogger();
    const logger = {
      ...memory,
      error: (msg: string, meta?: Record<string, unknown>) => {
        memory.error(msg, meta);
        if (msg === 'import run failed') locker?.release();
      },
    };
    t = await makeTestCore({ clock, fetch: fetchWithLock, logger });
    dataDir = t.dataDir;
    const books = await seedImportBooks(t.core.db, t.core.services.bcart, sim, '2025-04-24');
    const cursorBefore = t.core.db.prepare('select import_start_date as d from ec_settings').get();

    const o = await t.core.services.imports.run({ settingId: books.settingId, dryRun: false, trigger: 'manual' });
    await locker!.released;

    expect(o.status).toBe('failed');
    expect(o.committed).toBe(false);
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]).toMatchObject({ code: 'DB_BUSY', message: expect.stringContaining('データファイルが他の処理で使用中です') });
    expect(o.message).toContain('何も取り込んでいません（出荷取込開始日は変わりません）');
    expect(bookCounts(t.core.db)).toEqual({ shipments: 0, lines: 0, invoices: 0, stock: 0, watch: 0 });
    expect(t.core.db.prepare('select import_start_date as d from ec_settings').get()).toEqual(cursorBefore);
    const run = t.core.db.prepare('select status, shipments_created as s, message from import_runs where id = ?').get(o.runId);
    expect(run).toEqual({ status: 'failed', s: 0, message: o.message });
    const logs = t.core.db.prepare('select level, code from system_logs where run_id = ?').all(o.runId);
    expect(logs).toEqual([{ level: 'error', code: 'DB_BUSY' }]);
    // the plan was complete and valid: only the lock stopped it
    expect(o.counts.orders).toBeGreaterThan(0);
  }, 60_000);
});
