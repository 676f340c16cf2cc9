/**
 * TAX-restore-kill (docs/tax-rules.md#targets-and-once-only): the restore of a 消費税自動更新 run is an
 * explicit undo recorded in the 管理者ログ. A child process restores the run on a copy of a prepared
 * data folder and stops itself with SIGKILL right after statement boundary n, for every boundary
 * from the restore's BEGIN to past its COMMIT (test/helpers/write-points.ts). Each kill checks:
 * `integrity_check` = ok; the 定期申込, the run's restored mark and the 管理者ログ are all exactly
 * as before the restore (kill before COMMIT) or exactly as after it (from COMMIT on) — never the
 * data without its log entry; a second restore converges (it runs, or is refused as already
 * restored) to the single-restore result.
 *
 * Sabotage runs (the log entry written after the commit; the run marked restored in a second
 * transaction) must be caught.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { makeTestCore } from '../../helpers/core';
import { bundleChild, landedProblem, runChild, sweep, txOf } from '../../helpers/kill-child';
import { setStoreClosed } from '../../helpers/store-mode';
import { makeTempDir } from '../../helpers/temp-dir';
import type { WritePoint } from '../../helpers/write-points';
import { dumpSubscriptions, insertProducts, makeDataset } from './tax-update-fixture';

const CHILD_TS = join(__dirname, 'restore-child.ts');
const MIGRATIONS = join(__dirname, '..', '..', '..', 'drizzle');
const PARALLEL = 2;
const SABOTAGES = ['log-after', 'split'] as const;
type Mode = 'none' | (typeof SABOTAGES)[number];
let bundle = '';

/** What the restore owns (its time left out). */
function writeSet(db: Database.Database): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).raw().all());
  return [
    dumpSubscriptions(db),
    q('select id, restored_at is not null from tax_update_runs order by id'),
    q(`select action, message from admin_logs where action like 'taxUpdate.%' order by id`),
  ].join('\n');
}

function inspect(dir: string): { integrity: string; writeSet: string } {
  const db = new Database(join(dir, DB_FILE_NAME));
  try {
    return { integrity: String(db.pragma('integrity_check', { simple: true })), writeSet: writeSet(db) };
  } finally {
    db.close();
  }
}

/** Runs the restore child to its end (killAt 0) or until it stops itself after point killAt (test/helpers/kill-child.ts). */
const runTaxChild = (dir: string, killAt: number, mode: Mode) => runChild(bundle, [dir, MIGRATIONS, String(killAt), mode]);

/** The restore's transaction: the one that empties subscription_applications. */
const restoreTx = (points: WritePoint[]) => txOf(points, /delete from main\.subscription_applications/i);

describe('TAX-restore-kill: SIGKILL at every statement boundary of the restore', () => {
  const tmp = makeTempDir('bcart-desk-restorekill-');
  const template = join(tmp.dir, 'template');
  let backupName = '';
  let before = '';
  let after = '';
  let dirs = 0;
  const plans = new Map<Mode, WritePoint[]>();
  /** a data folder of its own: the database and the run's backup, the run pointing at that copy */
  const copy = (to: string) => {
    mkdirSync(join(to, 'backups'), { recursive: true });
    copyFileSync(join(template, DB_FILE_NAME), join(to, DB_FILE_NAME));
    copyFileSync(join(template, 'backups', backupName), join(to, 'backups', backupName));
    const db = new Database(join(to, DB_FILE_NAME));
    db.prepare('update tax_update_runs set backup_file = ?').run(join(to, 'backups', backupName));
    db.close();
  };

  beforeAll(async () => {
    bundle = bundleChild(CHILD_TS, 'restore-child');
    const t = await makeTestCore({}, template);
    const data = makeDataset(98, 5);
    insertProducts(t.core.db, data.products);
    t.core.services.repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
    const beforeRun = dumpSubscriptions(t.core.db);
    setStoreClosed(t.core, true);
    const run = await t.core.services.taxUpdate.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true });
    backupName = basename(run.backupFile!);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    ({ writeSet: before } = inspect(template));
    // the reference: the same restore on a copy, in this process
    const refDir = join(tmp.dir, 'expected');
    copy(refDir);
    const e = await makeTestCore({}, refDir);
    e.core.services.taxUpdate.restore(run.id);
    expect(dumpSubscriptions(e.core.db)).toBe(beforeRun);
    e.core.close();
    ({ writeSet: after } = inspect(refDir));
    expect(after).not.toBe(before);
    expect(after).toContain('taxUpdate.restore');
    for (const mode of ['none', ...SABOTAGES] as const) {
      const dir = join(tmp.dir, `plan-${mode}`);
      copy(dir);
      const r = await runTaxChild(dir, 0, mode);
      expect(r.done, r.stderr).toBe('ok');
      plans.set(mode, r.points);
      expect(inspect(dir).writeSet).toBe(after);
    }
  }, 600_000);
  afterAll(() => tmp.cleanup());

  async function killAndCheck(n: number, mode: Mode): Promise<string[]> {
    const plan = plans.get(mode)!;
    const w = restoreTx(plans.get('none')!);
    const dir = join(tmp.dir, `k${dirs++}`);
    copy(dir);
    const r = await runTaxChild(dir, n, mode);
    const problems: string[] = [];
    const missed = landedProblem(r, plan[n - 1]);
    if (missed) problems.push(missed);
    const s = inspect(dir);
    if (s.integrity !== 'ok') problems.push(`integrity ${s.integrity}`);
    if (s.writeSet !== before && s.writeSet !== after) problems.push('data, restored mark and 管理者ログ are neither before nor after the restore');
    if (mode === 'none' && s.writeSet !== (n < w.commit ? before : after)) problems.push(`not the state ${n < w.commit ? 'before' : 'after'} the restore`);
    // a second restore: runs (nothing was committed) or is refused as already restored
    const c = await makeTestCore({}, dir);
    try {
      const run = c.core.services.repos.taxUpdate.listRuns()[0]!;
      c.core.services.taxUpdate.restore(run.id);
    } catch (e) {
      if ((e as { code?: string }).code !== 'CONFLICT') problems.push(`second restore: ${(e as Error).message}`);
    } finally {
      c.core.close();
    }
    if (inspect(dir).writeSet !== after) problems.push('the second restore did not converge to the single-restore result');
    return problems;
  }

  const sweepMode = (ns: number[], mode: Mode) => sweep(ns, PARALLEL, async (n) => ({ problems: await killAndCheck(n, mode) }));

  /** every point from just before the restore's BEGIN to the end of the run */
  const around = (mode: Mode) => {
    const plan = plans.get(mode)!;
    const w = restoreTx(plan);
    return plan.map((p) => p.n).filter((n) => n >= w.begin - 1);
  };

  it('every boundary of the restore: all-or-nothing with its 管理者ログ entry, a second restore converges', async () => {
    const w = restoreTx(plans.get('none')!);
    const results = await sweepMode(around('none'), 'none');
    const bad = results.filter((r) => r.problems.length > 0);
    console.log(
      `TAX-restore-kill: ${results.length} kills (points ${results[0]?.n}..${results[results.length - 1]?.n}; restore transaction ${w.begin}..${w.commit}, ${w.commit - w.begin - 1} statements); violations ${bad.length}`,
    );
    expect(bad.map((r) => `${r.n}: ${r.problems.join('; ')}`)).toEqual([]);
    expect(w.commit - w.begin - 1).toBeGreaterThanOrEqual(5);
  }, 600_000);

  for (const mode of SABOTAGES) {
    it(`sabotage "${mode}" is caught`, async () => {
      const results = await sweepMode(around(mode), mode);
      const caught = results.filter((r) => r.problems.length > 0);
      console.log(`TAX-restore-kill sabotage ${mode}: caught in ${caught.length} of ${results.length} kill points (${[...new Set(caught.flatMap((r) => r.problems))].join(' | ')})`);
      expect(caught.length).toBeGreaterThan(0);
    }, 600_000);
  }
});
