/**
 * BILL-kill (docs/reliability.md#receivables): SIGKILL right after every statement boundary of one
 * 請求締め (three 締請求 customers: 請求書, their invoices and tax rows, the receipts they include, and
 * the 消込 the closing applies), numbered at the connection by test/helpers/write-points.ts in a child
 * process (closing-child.ts). Each kill asserts the point it landed on, then: integrity ok; statements,
 * statement_invoices, statement_tax_rows, payments.statement_id and allocations exactly as before
 * the closing until its COMMIT and exactly the reference closing's from then on; after a restart the
 * same 請求締め again converges to the reference, and each customer's 今回請求額 equals an oracle
 * worked from the rows the test wrote (Σ invoice totals − Σ receipts up to the date), every invoice
 * on exactly one 請求書.
 * Sabotage runs (the closing split in two transactions, the 消込 written after the commit) must be caught.
 *
 * BILL-write-faults: SQLite errors (disk full, I/O error, locked) before statement k of the closing,
 * through `billing:close` as the screen calls it (test/helpers/write-faults.ts).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { jstStartOfDay } from '../../../src-shared/domain/jst-date';
import { makeTestCore } from '../../helpers/core';
import { bundleChild, countBy, landedProblem, landingOf, runChild, sweep, txOf, type Landing } from '../../helpers/kill-child';
import { insertInvoice, seedInvoiceMasters } from '../../helpers/receivable-invoices';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeFaultSuite, type FaultTarget } from '../../helpers/write-faults';
import type { WritePoint } from '../../helpers/write-points';

const FULL = process.env.BCART_FAULTS_FULL === '1';
const CLOSING = '2025-01-31';
const CLOCK_MS = jstStartOfDay('2025-03-01') + 12 * 3_600_000;
const SABOTAGES = ['split', 'row-outside'] as const;
let bundle = '';

function read<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dir, DB_FILE_NAME));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const all = (db: Database.Database, sql: string) => JSON.stringify(db.prepare(sql).raw().all());
/** What a 請求締め owns (creation times left out). */
const writeSet = (db: Database.Database) =>
  [
    all(
      db,
      `select id, customer_id, kind, closing_date, period_from, closing_day, previous, received, carried_over, sales_net, sales_tax, sales_total,
              tax_adjustment, total, due_date, tax_unit, tax_rounding, needs_review from statements order by id`,
    ),
    all(db, 'select * from statement_invoices order by statement_id, invoice_id'),
    all(db, 'select * from statement_tax_rows order by statement_id, rate'),
    all(db, 'select id, statement_id from payments order by id'),
    all(db, 'select customer_id, credit_kind, credit_id, debit_kind, debit_id, amount from allocations order by id'),
  ].join('\n');

describe('BILL-kill: SIGKILL at every statement boundary of 請求締め', () => {
  const tmp = makeTempDir('bcart-desk-billkill-');
  const template = join(tmp.dir, 'template');
  let before = '';
  let after = '';
  let dirs = 0;
  /** customer id → the 今回請求額 worked out from the rows the test wrote */
  const expected = new Map<number, { total: number; invoices: number }>();
  const plans = new Map<string, WritePoint[]>();
  const copy = (to: string) => {
    mkdirSync(to, { recursive: true });
    copyFileSync(join(template, DB_FILE_NAME), join(to, DB_FILE_NAME));
  };
  const child = (dir: string, killAt: number, mode: string) =>
    runChild(bundle, [dir, join(__dirname, '..', '..', '..', 'drizzle'), String(killAt), CLOSING, String(CLOCK_MS), mode]);

  beforeAll(async () => {
    bundle = bundleChild(join(__dirname, 'closing-child.ts'), 'closing-child');
    const t = await makeTestCore({ clock: { now: () => CLOCK_MS } }, template);
    const m = seedInvoiceMasters(t.core.db);
    const customer = async (code: string) => {
      const row = await t.call<{ id: number }>('partners:create', {
        code,
        name: `${code} 商事`,
        kind: '得意先',
        billingType: '締',
        closingDay: 31,
        taxDisplay: '税込',
      });
      await t.call('partners:confirm', { id: row.id });
      return row.id;
    };
    const data: { code: string; invoices: [string, { product: 'std' | 'reduced' | 'exempt'; amount: number }[]][]; paid: number }[] = [
      {
        code: 'K1',
        invoices: [
          [
            '2025-01-10',
            [
              { product: 'std', amount: 1_000 },
              { product: 'reduced', amount: 2_000 },
            ],
          ],
          ['2025-01-25', [{ product: 'std', amount: 3_000 }]],
          ['2025-02-03', [{ product: 'std', amount: 700 }]],
        ],
        paid: 2_500,
      },
      {
        code: 'K2',
        invoices: [
          ['2025-01-15', [{ product: 'reduced', amount: 5_000 }]],
          ['2025-01-31', [{ product: 'exempt', amount: 300 }]],
        ],
        paid: 0,
      },
      { code: 'K3', invoices: [['2025-01-05', [{ product: 'std', amount: 12_345 }]]], paid: 20_000 },
    ];
    let seq = 0;
    for (const d of data) {
      const id = await customer(d.code);
      // the receipt first: its money is unallocated until the closing applies it (the 消込 inside the write)
      if (d.paid > 0) await t.call('payments:record', { customerId: id, date: '2025-01-20', lines: [{ kind: '振込', amount: d.paid }] });
      for (const [date, lines] of d.invoices) insertInvoice(t.core.db, m, { customerId: id, code: `BILL-${++seq}`, date, lines });
      // the oracle: the invoice totals and receipts as stored by the test, up to the closing date
      const sums = t.core.db
        .prepare(`select coalesce(sum(total), 0) as total, count(*) as n from invoices where customer_id = ? and date <= ?`)
        .get(id, CLOSING) as { total: number; n: number };
      expected.set(id, { total: sums.total - d.paid, invoices: sums.n });
    }
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    before = read(template, writeSet);
    const refDir = join(tmp.dir, 'reference');
    copy(refDir);
    const ref = await makeTestCore({ clock: { now: () => CLOCK_MS } }, refDir);
    expect(ref.core.services.receivables.billing.close(CLOSING).statements).toHaveLength(3);
    ref.core.close();
    after = read(refDir, writeSet);
    expect(after.split('\n')[4]).not.toBe('[]'); // the closing applies 消込
    for (const mode of ['none', ...SABOTAGES]) {
      const dir = join(tmp.dir, `plan-${mode}`);
      copy(dir);
      const r = await child(dir, 0, mode);
      expect(r.done, r.stderr).toBe('ok');
      plans.set(mode, r.points);
      if (mode === 'none') expect(read(dir, writeSet)).toBe(after);
    }
  }, 600_000);
  afterAll(() => tmp.cleanup());

  async function killAndCheck(n: number, mode: string): Promise<{ landed: Landing; problems: string[] }> {
    const plan = plans.get(mode)!;
    const w = txOf(plan, /insert into "statements"/i);
    const dir = join(tmp.dir, `k${dirs++}`);
    copy(dir);
    const r = await child(dir, n, mode);
    const problems: string[] = [];
    const off = landedProblem(r, plan[n - 1]);
    if (off) problems.push(off);
    const s = read(dir, (db) => ({ integrity: String(db.pragma('integrity_check', { simple: true })), set: writeSet(db) }));
    if (s.integrity !== 'ok') problems.push(`integrity ${s.integrity}`);
    if (s.set !== (n < w.commit ? before : after))
      problems.push(`請求書/消込 are not the state ${n < w.commit ? 'before' : 'after'} the closing`);
    // restart: the clerk runs the same 請求締め again (customers already closed are skipped)
    const c = await makeTestCore({ clock: { now: () => CLOCK_MS } }, dir);
    try {
      c.core.services.receivables.billing.close(CLOSING);
    } catch (e) {
      problems.push(`請求締め after the restart: ${(e as Error).message}`);
    } finally {
      c.core.close();
    }
    const next = read(dir, (db) => ({
      set: writeSet(db),
      per: db
        .prepare(
          `select s.customer_id as c, s.total as total, (select count(*) from statement_invoices si where si.statement_id = s.id) as n from statements s order by s.customer_id`,
        )
        .all() as { c: number; total: number; n: number }[],
    }));
    if (next.set !== after) problems.push('the closing after the restart did not converge to the reference');
    const got = JSON.stringify(next.per.map((p) => [p.c, p.total, p.n]));
    const want = JSON.stringify([...expected].sort((a, b) => a[0] - b[0]).map(([c, e]) => [c, e.total, e.invoices]));
    if (got !== want) problems.push(`請求書 per customer [customer, 今回請求額, invoices] ${got}, the oracle ${want}`);
    return { landed: landingOf(n, w), problems };
  }

  it('every statement boundary: lands where planned, all-or-nothing, the closing after a restart converges to the oracle', async () => {
    const plan = plans.get('none')!;
    const w = txOf(plan, /insert into "statements"/i);
    const results = await sweep(
      plan.map((p) => p.n),
      2,
      (n) => killAndCheck(n, 'none'),
    );
    const byPhase = countBy(results, (r) => r.landed);
    const bad = results.filter((r) => r.problems.length > 0);
    console.log(
      `BILL-kill (請求締め of 3 customers): ${results.length} kills = every point; landed ${JSON.stringify(byPhase)}; closing transaction = points ${w.begin}..${w.commit} ` +
        `(${w.commit - w.begin - 1} statements); invariants per kill: landed as planned, integrity, 請求書/明細/税率別/入金/消込 before-or-after, ` +
        `the closing after a restart converges, 今回請求額 per customer = the oracle; violations ${bad.length}`,
    );
    expect(bad.map((r) => `${r.n}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(byPhase['inside']).toBe(w.commit - w.begin - 1);
    expect(byPhase['inside']).toBeGreaterThan(6);
    expect(byPhase['after COMMIT']).toBeGreaterThan(0);
  }, 1_800_000);

  for (const mode of SABOTAGES) {
    it(`sabotage "${mode}" is caught`, async () => {
      const plan = plans.get(mode)!;
      const w = txOf(plan, /insert into "statements"/i);
      // the last statements of the closing and the points after it (every point under test:faults)
      const results = await sweep(
        plan.map((p) => p.n).filter((n) => FULL || n >= w.commit - 3),
        2,
        (n) => killAndCheck(n, mode),
      );
      const caught = results.filter((r) => r.problems.length > 0);
      console.log(
        `BILL-kill sabotage ${mode}: caught in ${caught.length} of ${results.length} kill points (${[...new Set(caught.flatMap((r) => r.problems.map((p) => p.slice(0, 90))))].join(' | ')})`,
      );
      expect(caught.length).toBeGreaterThan(0);
    }, 1_800_000);
  }

  /** 請求締め through dispatch on a fresh copy of the template; sabotage: the closing commits after its first 請求書 */
  const closingTarget: FaultTarget = {
    txSql: /insert into "statements"/i,
    writeSet,
    async open(instrument, sabotage) {
      const dir = join(tmp.dir, `f${dirs++}`);
      copy(dir);
      const t = await makeTestCore({ clock: { now: () => CLOCK_MS }, instrumentConnection: instrument }, dir);
      if (sabotage) {
        const st = t.core.services.receivables.statements;
        const orig = st.insert;
        let first = true;
        st.insert = (...a) => {
          if (!first) t.core.db.exec('COMMIT; BEGIN IMMEDIATE');
          first = false;
          return orig(...a);
        };
      }
      return {
        db: t.core.db,
        async run() {
          const r = await t.core.dispatch('billing:close', { date: CLOSING }, { via: 'test' });
          return r.ok ? { ok: true, message: '' } : { ok: false, message: r.error.message };
        },
        close: () => t.close(),
      };
    },
  };

  it('BILL-write-faults: a SQLite error at statement k rolls the closing back whole with the Japanese message; the next closing converges', async () => {
    await writeFaultSuite('BILL-write-faults', closingTarget, after, FULL);
  }, 900_000);
});
