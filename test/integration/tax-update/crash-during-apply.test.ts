/**
 * TAX-kill (docs/reliability.md#tax-update-once-and-exact): a child process runs the tax update on
 * a copy of a prepared data folder and stops itself with SIGKILL right after statement boundary n,
 * for EVERY boundary of the run (test/helpers/write-points.ts: before BEGIN, each statement inside
 * the apply's transaction, after COMMIT). Each kill asserts the point it landed on, then checks:
 * `integrity_check` = ok; 定期申込 (applications, items, options), the run record, its change rows
 * and the 管理者ログ are exactly as before the run when the kill came before COMMIT and exactly the
 * reference run's from then on; a run record names a backup file that is whole (integrity ok, the
 * 定期申込 exactly as before the run) — no half backup is ever offered for restore; a second apply
 * converges to the single-run result (it runs, or is refused as already applied).
 *
 * Sabotage runs (a split transaction, a 管理者ログ row written outside it) must be caught.
 * `npm test` sweeps a small dataset; `npm run test:faults` (BCART_FAULTS_FULL=1) a larger one.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { makeTestCore } from '../../helpers/core';
import { bundleChild, countBy, landedProblem, landingOf, runChild, sweep, txOf, type Landing } from '../../helpers/kill-child';
import { setStoreClosed } from '../../helpers/store-mode';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeFaultSuite, type FaultTarget } from '../../helpers/write-faults';
import type { WritePoint } from '../../helpers/write-points';
import { dumpSubscriptions, insertProducts, makeDataset } from './tax-update-fixture';

const FULL = process.env.BCART_FAULTS_FULL === '1';
const APPLICATIONS = FULL ? 300 : 5;
const PARALLEL = 2;
const CHILD_TS = join(__dirname, 'apply-child.ts');
const MIGRATIONS = join(__dirname, '..', '..', '..', 'drizzle');
const SABOTAGES = ['split', 'row-outside'] as const;
type Mode = 'none' | (typeof SABOTAGES)[number];
let bundle = '';

/** Everything the apply owns (times and the backup's path left out: they differ per run). */
function writeSet(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw().all());
  return [
    dumpSubscriptions(db),
    q('select rate_event_id, rounding, targets, changed_applications, changed_prices, backup_file is not null, restored_at from tax_update_runs order by id'),
    q('select application_code, product_code, variation, field, option_name, old_value, new_value from tax_update_changes order by id'),
    q(`select action, message from admin_logs where action like 'taxUpdate.%' order by id`),
  ].join('\n');
}

interface Inspection {
  integrity: string;
  writeSet: string;
  /** the backup a run record offers for restore: null when there is no run */
  backup: { exists: boolean; integrity: string; subscriptions: string } | null;
}

function inspect(dir: string): Inspection {
  const db = new Database(join(dir, DB_FILE_NAME));
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const run = db.prepare('select backup_file as f from tax_update_runs').get() as { f: string | null } | undefined;
    let backup: Inspection['backup'] = null;
    if (run) {
      if (run.f === null || !existsSync(run.f)) backup = { exists: false, integrity: '', subscriptions: '' };
      else {
        const b = new Database(run.f, { readonly: true });
        try {
          backup = { exists: true, integrity: String(b.pragma('integrity_check', { simple: true })), subscriptions: dumpSubscriptions(b) };
        } finally {
          b.close();
        }
      }
    }
    return { integrity, writeSet: writeSet(db), backup };
  } finally {
    db.close();
  }
}

/** Runs the apply child to its end (killAt 0) or until it stops itself after point killAt (test/helpers/kill-child.ts). */
const runTaxChild = (dir: string, killAt: number, mode: Mode) => runChild(bundle, [dir, MIGRATIONS, String(killAt), mode]);

/** The apply's transaction: the one that inserts the run record. */
const applyTx = (points: WritePoint[]) => txOf(points, /insert into "?tax_update_runs"?/i);

describe('TAX-kill: SIGKILL at every statement boundary of the tax update', () => {
  const tmp = makeTempDir('bcart-desk-taxkill-');
  const template = join(tmp.dir, 'template');
  let before = '';
  let beforeSubscriptions = '';
  let after = '';
  let dirs = 0;
  const plans = new Map<Mode, WritePoint[]>();
  const copy = (to: string) => {
    mkdirSync(to, { recursive: true });
    copyFileSync(join(template, DB_FILE_NAME), join(to, DB_FILE_NAME));
  };

  beforeAll(async () => {
    bundle = bundleChild(CHILD_TS, 'apply-child');
    const t = await makeTestCore({}, template);
    const data = makeDataset(99, APPLICATIONS);
    insertProducts(t.core.db, data.products);
    t.core.services.repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
    setStoreClosed(t.core, true);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    ({ writeSet: before } = inspect(template));
    const db = new Database(join(template, DB_FILE_NAME), { readonly: true });
    beforeSubscriptions = dumpSubscriptions(db);
    db.close();
    // the reference: the same apply on a copy, in this process
    const refDir = join(tmp.dir, 'expected');
    copy(refDir);
    const e = await makeTestCore({}, refDir);
    await e.core.services.taxUpdate.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true });
    e.core.close();
    ({ writeSet: after } = inspect(refDir));
    expect(after).not.toBe(before);
    for (const mode of ['none', ...SABOTAGES] as const) {
      const dir = join(tmp.dir, `plan-${mode}`);
      copy(dir);
      const r = await runTaxChild(dir, 0, mode);
      expect(r.done, r.stderr).toBe('ok');
      plans.set(mode, r.points);
      if (mode === 'none') expect(inspect(dir).writeSet).toBe(after);
    }
  }, 600_000);
  afterAll(() => tmp.cleanup());

  async function killAndCheck(n: number, mode: Mode): Promise<{ landed: Landing; problems: string[] }> {
    const plan = plans.get(mode)!;
    const w = applyTx(plan);
    const dir = join(tmp.dir, `k${dirs++}`);
    copy(dir);
    const r = await runTaxChild(dir, n, mode);
    const problems: string[] = [];
    const missed = landedProblem(r, plan[n - 1]);
    if (missed) problems.push(missed);
    const landed = landingOf(n, w);
    const s = inspect(dir);
    if (s.integrity !== 'ok') problems.push(`integrity ${s.integrity}`);
    if (s.writeSet !== (n < w.commit ? before : after)) problems.push(`data is not the state ${n < w.commit ? 'before' : 'after'} the run`);
    if (s.backup && !(s.backup.exists && s.backup.integrity === 'ok' && s.backup.subscriptions === beforeSubscriptions)) problems.push(`the run offers a backup that is not whole: ${JSON.stringify({ ...s.backup, subscriptions: undefined })}`);
    // a second apply: runs (nothing was committed) or is refused as already applied
    const c = await makeTestCore({}, dir);
    try {
      await c.core.services.taxUpdate.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true });
      if (n >= w.commit) problems.push('a second apply ran after a committed one');
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ALREADY_APPLIED' || n < w.commit) problems.push(`second apply: ${code} ${(e as Error).message}`);
    } finally {
      c.core.close();
    }
    const next = inspect(dir);
    if (next.writeSet !== after) problems.push('the second apply did not converge to the single-run result');
    if (!next.backup?.exists || next.backup.integrity !== 'ok' || next.backup.subscriptions !== beforeSubscriptions) problems.push('after the second apply the run offers no whole backup');
    return { landed, problems };
  }

  const sweepMode = (ns: number[], mode: Mode) => sweep(ns, PARALLEL, (n) => killAndCheck(n, mode));

  it('every statement boundary: lands where planned, all-or-nothing, whole backup, a second apply converges', async () => {
    const plan = plans.get('none')!;
    const w = applyTx(plan);
    const results = await sweepMode(plan.map((p) => p.n), 'none');
    const byPhase = countBy(results, (r) => r.landed);
    const bad = results.filter((r) => r.problems.length > 0);
    console.log(
      `TAX-kill (${APPLICATIONS} 定期申込): ${results.length} kills = every point of the run; landed ${JSON.stringify(byPhase)}; ` +
        `apply transaction = points ${w.begin}..${w.commit} (${w.commit - w.begin - 1} statements); invariants per kill: landed as planned, integrity, ` +
        `items/options/applications/change rows/管理者ログ/run record before-or-after, backup whole, second apply converges; violations ${bad.length}`,
    );
    expect(bad.map((r) => `${r.n}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(byPhase['inside']).toBe(w.commit - w.begin - 1);
    expect(byPhase['inside']).toBeGreaterThan(3);
    expect(byPhase['after COMMIT']).toBeGreaterThan(0);
  }, 1_800_000);

  for (const mode of SABOTAGES) {
    it(`sabotage "${mode}" is caught`, async () => {
      const plan = plans.get(mode)!;
      const w = applyTx(plan);
      const ns = plan.map((p) => p.n).filter((n) => FULL || (n >= w.begin - 1 && n <= w.begin + 2) || (n >= w.commit - 4 && n <= w.commit + 3));
      const results = await sweepMode(ns, mode);
      const caught = results.filter((r) => r.problems.length > 0);
      // the refusal's message carries the first run's time ("YYYY-MM-DD HH:MM"): masked, so the line reads the same every run
      const kinds = new Set(caught.flatMap((r) => r.problems.map((p) => p.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, '<実行日時>'))));
      console.log(`TAX-kill sabotage ${mode}: caught in ${caught.length} of ${results.length} kill points (${[...kinds].join(' | ')})`);
      expect(caught.length).toBeGreaterThan(0);
    }, 1_800_000);
  }

  /**
   * The update as the screen runs it: the preview (its planHash), then `taxUpdate:apply`, on a fresh
   * copy of the template; sabotage: the apply commits after the run record and goes on in a second transaction.
   */
  const applyTarget: FaultTarget = {
    txSql: /insert into "?tax_update_runs"?/i,
    writeSet,
    async open(instrument, sabotage) {
      const dir = join(tmp.dir, `f${dirs++}`);
      copy(dir);
      const t = await makeTestCore({ instrumentConnection: instrument }, dir);
      if (sabotage) {
        const runs = t.core.services.repos.taxUpdate;
        const orig = runs.insertRun;
        runs.insertRun = (...a) => {
          const r = orig(...a);
          t.core.db.exec('COMMIT; BEGIN IMMEDIATE');
          return r;
        };
      }
      const input = { eventId: PRESET_2019.id, rounding: 'round' as const };
      return {
        db: t.core.db,
        async run() {
          const p = await t.core.dispatch('taxUpdate:preview', { ...input, limit: 10 }, { via: 'test' });
          if (!p.ok) return { ok: false, message: p.error.message };
          const { planHash } = p.value as { planHash: string };
          const r = await t.core.dispatch('taxUpdate:apply', { ...input, checked: TAX_UPDATE_CHECKLIST_IDS, understood: true, planHash }, { via: 'test' });
          return r.ok ? { ok: true, message: '' } : { ok: false, message: r.error.message };
        },
        // the automatic backup of a run that did not happen must not stay (it would be offered nowhere, only confuse)
        leftovers: () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((f) => f.includes('tax-update')) : []),
        close: () => t.close(),
      };
    },
  };

  it('TAX-write-faults: a SQLite error at statement k rolls the update back whole with the Japanese message, no backup left; the next apply converges', async () => {
    await writeFaultSuite('TAX-write-faults', applyTarget, after, FULL);
  }, 900_000);
});
