/**
 * IMP-write-faults (docs/reliability.md#import-all-or-nothing-once): SQLite errors raised at
 * statement k of the import's write transaction (test/helpers/write-points.ts) — SQLITE_FULL,
 * SQLITE_IOERR, SQLITE_BUSY. Each run must fail whole: the books, the cursor and the succeeded runs
 * exactly as before, the run's message the Japanese one for that failure (classifyError), and a
 * re-run without the fault converges to the reference books. `npm test` faults the first, a middle
 * and the last statement; `npm run test:faults` every statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { makeTestCore } from '../../helpers/core';
import { instrumentPoints, sqliteError } from '../../helpers/write-points';
import { booksSnapshot, seedImportBooks } from './import-fixture';
import { FIXED_NOW } from './import-harness';

const FULL = process.env.BCART_FAULTS_FULL === '1';
const today = jstDateOf(FIXED_NOW);
const FROM = addDays(today, -3);
const FAULTS = [
  { code: 'SQLITE_FULL', says: '空き容量' },
  { code: 'SQLITE_IOERR', says: '読み書き中にエラー' },
  { code: 'SQLITE_BUSY', says: '使用中' },
] as const;

describe('IMP-write-faults: SQLite errors inside the import write', () => {
  let sim: RunningSimulator;
  let reference = '';
  let statements = 0;
  /** how many transactions after the last one before the run its write is (the import lock's lease comes first) */
  let writeTxOffset = 1;
  beforeAll(async () => {
    sim = await startSimulator({
      seed: 5,
      orders: 4,
      fromDate: FROM,
      toDate: today,
      rateLimit: false,
      includeUnsupported: false,
      clock: { now: () => FIXED_NOW },
    });
    for (const o of sim.state.orders) {
      if ((o.order.payment === '自社掛け払い' || o.order.payment === '銀行振込') && o.order.customer_ext_id === '')
        o.order.payment = 'PayPal';
    }
    const t = await makeTestCore({ clock: { now: () => FIXED_NOW } });
    const points = instrumentPoints(t.core.db, {});
    const { settingId } = await seedImportBooks(t.core.db, t.core.services.bcart, sim, FROM);
    const from = points.length;
    const o = await t.core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
    expect(o.status).toBe('succeeded');
    // the import lock's lease is taken and released in transactions of its own (docs/import-rules.md)
    const write = points.slice(from).filter((p) => p.phase === 'inside' && !/"?leases"?/i.test(p.sql));
    expect(new Set(write.map((p) => p.tx)).size).toBe(1);
    expect(write.some((p) => /insert into "?shipments"?/i.test(p.sql))).toBe(true);
    statements = write.length;
    writeTxOffset = write[0]!.tx - (points[from - 1]?.tx ?? 0);
    reference = booksSnapshot(t.core.db, settingId);
    t.close();
  });
  afterAll(() => sim?.close());

  /** One import with fault f at statement k of its write; returns what went wrong (empty: all held). */
  async function faultedRun(f: (typeof FAULTS)[number], k: number, sabotage: 'none' | 'split' = 'none'): Promise<string[]> {
    const problems: string[] = [];
    let armedTx = -1;
    let fired = 0;
    let tx = 0;
    const t = await makeTestCore({
      clock: { now: () => FIXED_NOW },
      instrumentConnection: (db) =>
        void instrumentPoints(db, {
          onPoint: (p) => {
            if (p.phase === 'before-begin') tx = p.tx;
          },
          beforeStatement: (s) => {
            if (s.tx === armedTx && s.k === k) {
              fired++;
              throw sqliteError(f.code);
            }
          },
        }),
    });
    if (sabotage === 'split') {
      // the bug this suite guards against: the write committed in two transactions
      const repos = t.core.services.repos;
      const orig = repos.slips.insertImported;
      repos.slips.insertImported = (...a) => {
        const r = orig(...a);
        t.core.db.exec('COMMIT; BEGIN IMMEDIATE');
        return r;
      };
    }
    try {
      const { settingId } = await seedImportBooks(t.core.db, t.core.services.bcart, sim, FROM);
      const before = booksSnapshot(t.core.db, settingId);
      const succeededBefore = t.core.db.prepare(`select count(*) from import_runs where status = 'succeeded'`).pluck().get();
      armedTx = tx + writeTxOffset; // the run's write transaction (found in beforeAll: the only one writing the books)
      const o = await t.core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
      armedTx = -1;
      const where = `${f.code} at statement ${k}/${statements}`;
      if (fired !== 1) problems.push(`${where}: the fault fired ${fired} times`);
      if (o.status !== 'failed' || o.committed) problems.push(`${where}: run ${o.status}`);
      if (!o.message.includes(f.says)) problems.push(`${where}: message "${o.message}"`);
      if (booksSnapshot(t.core.db, settingId) !== before) problems.push(`${where}: books or cursor changed`);
      if (t.core.db.prepare(`select count(*) from import_runs where status = 'succeeded'`).pluck().get() !== succeededBefore)
        problems.push(`${where}: a succeeded run was recorded`);
      const again = await t.core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
      if (again.status !== 'succeeded' || booksSnapshot(t.core.db, settingId) !== reference)
        problems.push(`${where}: re-run did not converge (${again.status})`);
    } finally {
      t.close();
    }
    return problems;
  }

  it('each fault at statement k: whole rollback, the Japanese message, a re-run converges', async () => {
    const ks = FULL ? Array.from({ length: statements }, (_, i) => i + 1) : [1, Math.ceil(statements / 2), statements];
    const problems: string[] = [];
    let runs = 0;
    for (const f of FAULTS) {
      for (const k of ks) {
        runs++;
        problems.push(...(await faultedRun(f, k)));
      }
    }
    console.log(
      `IMP-write-faults: ${runs} runs (${FAULTS.map((f) => f.code).join('/')} × statements ${ks.join(',')} of ${statements}); invariants: fault fired once, run failed, Japanese message, books/cursor/succeeded runs unchanged, re-run converges; violations ${problems.length}`,
    );
    expect(problems).toEqual([]);
  }, 900_000);

  it('sabotage "split transaction" is caught', async () => {
    const ks = [Math.ceil(statements / 2), statements - 1, statements];
    const caught = [];
    for (const k of ks) if ((await faultedRun(FAULTS[0], k, 'split')).length > 0) caught.push(k);
    console.log(
      `IMP-write-faults sabotage split: caught in ${caught.length} of ${ks.length} fault points (statements ${caught.join(',')})`,
    );
    expect(caught.length).toBeGreaterThan(0);
  }, 900_000);
});
