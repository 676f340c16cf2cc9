/**
 * STOCK-kill (docs/reliability.md#stock-push): SIGKILL right after every statement boundary of the two
 * stock writes — a 入荷伝票 確定 that writes ledger rows and enqueues 在庫反映 in one transaction, and
 * one push round (claim, stock_before, the BCart write, rows marked sent) — numbered at the connection
 * by test/helpers/write-points.ts in a child process (crash-child.ts). Each kill asserts the point it
 * landed on, then:
 * - 確定: integrity ok; slip, ledger and outbox rows exactly as before the 確定 until its COMMIT and
 *   exactly as after from then on; after a restart (the clerk presses 確定 again when it is not
 *   confirmed) the outbox holds, per product, the slip's own line quantities and the ledger the same
 *   — an oracle from the test's lines, not from the service;
 * - push: integrity ok; the outbox rows are in the one state the protocol allows at that point
 *   (pending → claimed → stock_before recorded → sent), all rows alike, and BCart (the simulator)
 *   holds the change exactly when the kill came after its answer; a restart (a new process after the
 *   lease expired: two rounds, the second sends what the read-back found not applied) leaves every
 *   row sent, BCart's stock = initial + the slip's quantity per set, and each set written once
 *   (the simulator's journal).
 * Sabotage runs (outbox rows outside the 確定's transaction, a split 確定, stock_before recorded after
 * the write, marks split per product) must be caught. `npm test` sweeps a 3-product slip (every
 * point); `npm run test:faults` (BCART_FAULTS_FULL=1) a 40-product one.
 *
 * STOCK-write-faults: SQLite errors (disk full, I/O error, locked) before statement k of the 確定,
 * through `stockSlips:confirm` as the screen calls it (test/helpers/write-faults.ts).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME, type CoreOptions } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { MIGRATIONS_DIR } from '../../helpers/core';
import { bundleChild, countBy, landedProblem, landingOf, runChild, sweep, txOf, type Landing } from '../../helpers/kill-child';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeFaultSuite, type FaultTarget } from '../../helpers/write-faults';
import type { WritePoint } from '../../helpers/write-points';
import { seedImportBooks } from '../import/import-fixture';

const FULL = process.env.BCART_FAULTS_FULL === '1';
const PRODUCTS = FULL ? 40 : 3;
const CONFIRM_SABOTAGES = ['row-outside', 'split'] as const;
const PUSH_SABOTAGES = ['read-late', 'split-mark'] as const;
let bundle = '';

const open = (dir: string, extra: Partial<CoreOptions> = {}) =>
  createCore({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: openCliTokenStore(dir), ...extra });

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (f === DB_FILE_NAME || f === 'tokens.json') copyFileSync(join(from, f), join(to, f));
}

function read<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dir, DB_FILE_NAME));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const integrity = (db: Database.Database) => String(db.pragma('integrity_check', { simple: true }));
const all = (db: Database.Database, sql: string) => JSON.stringify(db.prepare(sql).raw().all());

/** What a 確定 owns (times left out). */
const confirmSet = (db: Database.Database) =>
  [
    all(db, 'select id, kind, confirmed from stock_slips order by id'),
    all(db, 'select warehouse_id, product_id, quantity, source_type, source_id, date from stock_ledger order by id'),
    all(db, 'select ec_setting_id, product_id, product_no, set_id, delta, status, sources from stock_outbox order by id'),
  ].join('\n');

interface Line {
  productId: number;
  setId: number;
  qty: number;
  initial: number;
}

describe('STOCK-kill: SIGKILL at every statement boundary of a 確定 and of a push round', () => {
  let sim: RunningSimulator;
  const tmp = makeTempDir('bcart-desk-stockkill-');
  const draft = join(tmp.dir, 'draft');
  const queued = join(tmp.dir, 'queued');
  let settingId = 0;
  let warehouseId = 0;
  let slipId = 0;
  let lines: Line[] = [];
  let beforeConfirm = '';
  let afterConfirm = '';
  let dirs = 0;
  const plans = new Map<string, WritePoint[]>();

  /** The simulator as it was before any push: the lines' sets at their initial stock, no journal. */
  const resetShop = () => {
    for (const l of lines) sim.state.getSet(l.setId)!.stock = l.initial;
    sim.state.stock.journal.length = 0;
  };
  const child = (dir: string, killAt: number, scenario: 'confirm' | 'push', mode: string) =>
    runChild(bundle, [dir, MIGRATIONS_DIR, String(killAt), scenario, String(scenario === 'confirm' ? slipId : settingId), mode]);

  beforeAll(async () => {
    bundle = bundleChild(join(__dirname, 'crash-child.ts'), 'stock-crash-child');
    const today = jstDateOf(Date.now());
    sim = await startSimulator({ seed: 7, orders: 0, rateLimit: false, includeUnsupported: false, mode: 'test' });
    const core = await open(draft);
    ({ settingId, warehouseId } = await seedImportBooks(core.db, core.services.bcart, sim, addDays(today, -3)));
    const sets = sim.state.productSets
      .filter((s) => s.stock !== null && s.stock_flag === 0 && !s.product_no.startsWith('BULK-'))
      .slice(0, PRODUCTS);
    expect(sets).toHaveLength(PRODUCTS);
    const productId = (no: string) => (core.db.prepare('select id from products where code = ?').get(no) as { id: number }).id;
    lines = sets.map((s, i) => ({ productId: productId(s.product_no), setId: s.id, qty: 3 + i, initial: s.stock! }));
    slipId = core.services.stock.slips.create({
      kind: 'receipt',
      date: '2025-05-01',
      warehouseId,
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.qty })),
    }).id;
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    beforeConfirm = read(draft, confirmSet);
    // the reference 確定, in this process; its data folder is the push sweep's starting point
    copyDir(draft, queued);
    const ref = await open(queued);
    ref.services.stock.slips.confirm(slipId);
    ref.db.pragma('wal_checkpoint(TRUNCATE)');
    ref.close();
    afterConfirm = read(queued, confirmSet);
    expect(afterConfirm).not.toBe(beforeConfirm);
    for (const mode of ['none', ...CONFIRM_SABOTAGES]) {
      const dir = join(tmp.dir, `plan-confirm-${mode}`);
      copyDir(draft, dir);
      const r = await child(dir, 0, 'confirm', mode);
      expect(r.done, r.stderr).toBe('ok');
      plans.set(`confirm:${mode}`, r.points);
      if (mode === 'none') expect(read(dir, confirmSet)).toBe(afterConfirm);
    }
    for (const mode of ['none', ...PUSH_SABOTAGES]) {
      const dir = join(tmp.dir, `plan-push-${mode}`);
      copyDir(queued, dir);
      resetShop();
      const r = await child(dir, 0, 'push', mode);
      expect(r.done, r.stderr).toBe('ok');
      plans.set(`push:${mode}`, r.points);
      if (mode === 'none') {
        expect(read(dir, (db) => all(db, 'select distinct status from stock_outbox'))).toBe('[["sent"]]');
        for (const l of lines) expect(sim.state.getSet(l.setId)!.stock).toBe(l.initial + l.qty);
      }
    }
  }, 600_000);
  afterAll(async () => {
    await sim?.close();
    tmp.cleanup();
  });

  // ---- 確定 ----

  async function killConfirm(n: number, mode: string): Promise<{ landed: Landing; problems: string[] }> {
    const plan = plans.get(`confirm:${mode}`)!;
    const w = txOf(plan, /insert into stock_ledger/i);
    const dir = join(tmp.dir, `k${dirs++}`);
    copyDir(draft, dir);
    const r = await child(dir, n, 'confirm', mode);
    const problems: string[] = [];
    const off = landedProblem(r, plan[n - 1]);
    if (off) problems.push(off);
    const s = read(dir, (db) => ({ integrity: integrity(db), set: confirmSet(db) }));
    if (s.integrity !== 'ok') problems.push(`integrity ${s.integrity}`);
    if (s.set !== (n < w.commit ? beforeConfirm : afterConfirm))
      problems.push(`slip/ledger/outbox are not the state ${n < w.commit ? 'before' : 'after'} the 確定`);
    // restart: the clerk sees the slip and presses 確定 when it is not confirmed
    const core = await open(dir);
    try {
      const row = core.db.prepare('select confirmed from stock_slips where id = ?').get(slipId) as { confirmed: number };
      if (row.confirmed === 0) core.services.stock.slips.confirm(slipId);
    } catch (e) {
      problems.push(`確定 after the restart: ${(e as Error).message}`);
    } finally {
      core.close();
    }
    const got = read(dir, (db) => ({
      outbox: db
        .prepare(
          `select product_id as p, sum(delta) as d from stock_outbox where ec_setting_id = ? and status = 'pending' group by product_id order by product_id`,
        )
        .all(settingId) as { p: number; d: number }[],
      ledger: db
        .prepare(
          'select product_id as p, sum(quantity) as d from stock_ledger where warehouse_id = ? group by product_id order by product_id',
        )
        .all(warehouseId) as { p: number; d: number }[],
    }));
    const want = JSON.stringify([...lines].sort((a, b) => a.productId - b.productId).map((l) => ({ p: l.productId, d: l.qty })));
    if (JSON.stringify(got.outbox) !== want)
      problems.push(`outbox after the restart ${JSON.stringify(got.outbox)}, the slip's lines ${want}`);
    if (JSON.stringify(got.ledger) !== want)
      problems.push(`ledger after the restart ${JSON.stringify(got.ledger)}, the slip's lines ${want}`);
    return { landed: landingOf(n, w), problems };
  }

  it('確定: every statement boundary lands where planned, all-or-nothing, the restart converges to the slip lines', async () => {
    const plan = plans.get('confirm:none')!;
    const w = txOf(plan, /insert into stock_ledger/i);
    const results = await sweep(
      plan.map((p) => p.n),
      2,
      (n) => killConfirm(n, 'none'),
    );
    const byPhase = countBy(results, (r) => r.landed);
    const bad = results.filter((r) => r.problems.length > 0);
    console.log(
      `STOCK-kill (確定 of a ${PRODUCTS}-line 入荷伝票): ${results.length} kills = every point; landed ${JSON.stringify(byPhase)}; ` +
        `確定 transaction = points ${w.begin}..${w.commit} (${w.commit - w.begin - 1} statements); invariants per kill: landed as planned, integrity, ` +
        `slip/ledger/outbox before-or-after, after restart outbox and ledger = slip lines; violations ${bad.length}`,
    );
    expect(bad.map((r) => `${r.n}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(byPhase['inside']).toBe(w.commit - w.begin - 1);
    expect(byPhase['inside']).toBeGreaterThanOrEqual(2 * PRODUCTS);
    expect(byPhase['after COMMIT']).toBeGreaterThan(0);
  }, 1_800_000);

  for (const mode of CONFIRM_SABOTAGES) {
    it(`確定 sabotage "${mode}" is caught`, async () => {
      const plan = plans.get(`confirm:${mode}`)!;
      const w = txOf(plan, /insert into stock_ledger/i);
      // the points of the 確定 and those after it (every point under test:faults)
      const results = await sweep(
        plan.map((p) => p.n).filter((n) => FULL || n >= w.begin),
        2,
        (n) => killConfirm(n, mode),
      );
      const caught = results.filter((r) => r.problems.length > 0);
      console.log(
        `STOCK-kill 確定 sabotage ${mode}: caught in ${caught.length} of ${results.length} kill points (${[...new Set(caught.flatMap((r) => r.problems.map((p) => p.slice(0, 90))))].join(' | ')})`,
      );
      expect(caught.length).toBeGreaterThan(0);
    }, 1_800_000);
  }

  // ---- push round ----

  type Stage = 'pending' | 'claimed' | 'read' | 'sent';
  /** The outbox rows as the protocol says they are at each stage, from the test's lines and the shop's initial stock. */
  const stageRows = (stage: Stage) =>
    JSON.stringify(
      lines.map((l) => {
        if (stage === 'pending') return [l.productId, l.qty, 'pending', null, null, 0];
        if (stage === 'claimed') return [l.productId, l.qty, 'sending', null, null, 1];
        if (stage === 'read') return [l.productId, l.qty, 'sending', l.initial, null, 1];
        return [l.productId, l.qty, 'sent', l.initial, l.initial + l.qty, 1];
      }),
    );
  const outboxRows = (db: Database.Database) =>
    all(db, 'select product_id, delta, status, stock_before, stock_after, attempts from stock_outbox order by id');

  function pushBounds(plan: WritePoint[]) {
    const claim = plan.find((p) => p.phase === 'autocommit' && /update "stock_outbox" set .*"claim_id"/i.test(p.sql))?.n;
    if (claim === undefined) throw new Error('no claim among the points');
    return { claim, read: txOf(plan, /"stock_before" = \?, "read_at"/i), mark: txOf(plan, /"stock_after" = \?.*"sent_at"/i) };
  }

  async function killPush(n: number, mode: string): Promise<{ landed: string; problems: string[] }> {
    const plan = plans.get(`push:${mode}`)!;
    const b = pushBounds(plan);
    const dir = join(tmp.dir, `k${dirs++}`);
    copyDir(queued, dir);
    resetShop();
    const r = await child(dir, n, 'push', mode);
    const problems: string[] = [];
    const off = landedProblem(r, plan[n - 1]);
    if (off) problems.push(off);
    const stage: Stage = n < b.claim ? 'pending' : n < b.read.commit ? 'claimed' : n < b.mark.commit ? 'read' : 'sent';
    const s = read(dir, (db) => ({ integrity: integrity(db), rows: outboxRows(db) }));
    if (s.integrity !== 'ok') problems.push(`integrity ${s.integrity}`);
    if (s.rows !== stageRows(stage)) problems.push(`outbox rows ${s.rows} are not the "${stage}" state`);
    // BCart holds the change exactly when its answer came back (the mark transaction begins after it)
    const applied = n >= b.mark.begin;
    for (const l of lines) {
      const stock = sim.state.getSet(l.setId)!.stock;
      if (stock !== (applied ? l.initial + l.qty : l.initial))
        problems.push(`set ${l.setId} holds ${stock} after the kill, expected ${applied ? 'the change' : 'no change'}`);
    }
    // restart: a new process after the dead one's lease expired
    const core = await open(dir, { clock: { now: () => Date.now() + 3_600_000 }, stockPusher: { backoff: { baseMs: 1, capMs: 1 } } });
    try {
      await core.services.stock.pusher.pushNow(settingId);
      await core.services.stock.pusher.pushNow(settingId);
    } finally {
      await core.services.stock.pusher.stop();
      core.close();
    }
    const status = read(dir, (db) => all(db, 'select distinct status from stock_outbox'));
    if (status !== '[["sent"]]') problems.push(`after the restart the rows are ${status}`);
    for (const l of lines) {
      const stock = sim.state.getSet(l.setId)!.stock;
      const writes = sim.state.stock.journal.filter((e) => e.source === 'api' && e.setId === l.setId).length;
      if (stock !== l.initial + l.qty) problems.push(`set ${l.setId}: BCart holds ${stock}, initial ${l.initial} + ${l.qty} expected`);
      if (writes !== 1) problems.push(`set ${l.setId} written ${writes} times`);
    }
    const landed =
      n < b.claim
        ? 'before the claim'
        : n < b.read.commit
          ? 'claimed'
          : n < b.mark.begin
            ? 'stock_before recorded, write not answered'
            : n < b.mark.commit
              ? 'answered, marking'
              : 'marked sent';
    return { landed, problems };
  }

  it('push round: every statement boundary lands where planned, rows in one protocol state, BCart written once after the restart', async () => {
    const plan = plans.get('push:none')!;
    const b = pushBounds(plan);
    const results = await sweep(
      plan.map((p) => p.n),
      1,
      (n) => killPush(n, 'none'),
    );
    const byPhase = countBy(results, (r) => r.landed);
    const bad = results.filter((r) => r.problems.length > 0);
    console.log(
      `STOCK-kill (push round of ${PRODUCTS} sets): ${results.length} kills = every point; landed ${JSON.stringify(byPhase)}; claim = point ${b.claim}, ` +
        `stock_before transaction ${b.read.begin}..${b.read.commit}, mark-sent transaction ${b.mark.begin}..${b.mark.commit}; invariants per kill: landed as planned, integrity, ` +
        `outbox rows in the protocol's state, BCart changed iff answered, after restart all sent + BCart = initial + lines + one write per set; violations ${bad.length}`,
    );
    expect(bad.map((r) => `${r.n}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(b.mark.commit - b.mark.begin - 1).toBe(PRODUCTS);
    // the mark transaction's BEGIN and each of its statements
    expect(byPhase['answered, marking']).toBe(PRODUCTS + 1);
    expect(byPhase['stock_before recorded, write not answered']).toBeGreaterThan(0);
  }, 1_800_000);

  for (const mode of PUSH_SABOTAGES) {
    it(`push sabotage "${mode}" is caught`, async () => {
      const plan = plans.get(`push:${mode}`)!;
      const b = pushBounds(plan);
      // from the stock_before transaction on (every point under test:faults)
      const results = await sweep(
        plan.map((p) => p.n).filter((n) => FULL || n >= b.read.begin),
        1,
        (n) => killPush(n, mode),
      );
      const caught = results.filter((r) => r.problems.length > 0);
      console.log(
        `STOCK-kill push sabotage ${mode}: caught in ${caught.length} of ${results.length} kill points (${[...new Set(caught.flatMap((r) => r.problems.map((p) => p.slice(0, 90))))].join(' | ')})`,
      );
      expect(caught.length).toBeGreaterThan(0);
    }, 1_800_000);
  }

  /** 確定 through dispatch on a fresh copy of the draft; sabotage: it commits after its ledger rows */
  const confirmTarget: FaultTarget = {
    txSql: /insert into "?stock_ledger"?/i,
    writeSet: confirmSet,
    async open(instrument, sabotage) {
      const dir = join(tmp.dir, `f${dirs++}`);
      copyDir(draft, dir);
      const core = await open(dir, { instrumentConnection: instrument });
      if (sabotage) {
        const ledger = core.services.stock.repos.ledger;
        const orig = ledger.write;
        ledger.write = (...a) => {
          const r = orig(...a);
          core.db.exec('COMMIT; BEGIN IMMEDIATE');
          return r;
        };
      }
      return {
        db: core.db,
        async run() {
          const r = await core.dispatch('stockSlips:confirm', { id: slipId }, { via: 'test' });
          return r.ok ? { ok: true, message: '' } : { ok: false, message: r.error.message };
        },
        close: () => core.close(),
      };
    },
  };

  it('STOCK-write-faults: a SQLite error at statement k rolls the 確定 back whole (ledger and 在庫反映 rows) with the Japanese message; the next 確定 converges', async () => {
    await writeFaultSuite('STOCK-write-faults (確定)', confirmTarget, afterConfirm, FULL);
  }, 900_000);
});
