/**
 * A crash mid-apply (child process, SIGKILL at random moments, ≥ 100 times) leaves the database
 * intact (integrity_check ok) and the data exactly as before or exactly as after the update —
 * never half-updated — and the run record agrees with the data.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { setStoreClosed } from '../../helpers/store-mode';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { dumpSubscriptions, insertProducts, makeDataset, rng } from './tax-update-fixture';

const KILLS = 100;
const CHILD_TS = join(__dirname, 'apply-child.ts');
const MIGRATIONS = join(__dirname, '..', '..', '..', 'drizzle');

/**
 * The child as one bundled .cjs (esbuild, which tsx brings along): node starts it in ~0.2 s
 * instead of ~1.5 s of on-the-fly TypeScript, so 100 kills stay well under a minute. Falls back
 * to `node --import tsx` when esbuild is not installed.
 */
async function childCommand(outDir: string): Promise<string[]> {
  try {
    const { buildSync } = await import('esbuild');
    const outfile = join(outDir, 'apply-child.cjs');
    buildSync({
      entryPoints: [CHILD_TS],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      external: ['better-sqlite3'],
      target: 'node20',
      logLevel: 'error',
    });
    return [outfile];
  } catch {
    return ['--import', 'tsx', CHILD_TS];
  }
}
let childArgs: string[] = [];

interface Outcome {
  /** ms from "ready" to "done" when not killed */
  ms: number | null;
  killed: boolean;
}

/** Runs the child on `dir`; kills it `delayMs` after it printed "ready" (null: let it finish). */
function runChild(dir: string, delayMs: number | null): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childArgs, dir, MIGRATIONS], { stdio: ['ignore', 'pipe', 'pipe'] });
    let readyAt = 0;
    let ms: number | null = null;
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      const s = b.toString();
      if (s.includes('ready') && readyAt === 0) {
        readyAt = performance.now();
        if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
      if (s.includes('done')) ms = performance.now() - readyAt;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ ms, killed: signal === 'SIGKILL' });
    });
  });
}

describe('SIGKILL during apply', () => {
  const tmp = makeTempDir();
  const template = join(tmp.dir, 'template');
  let before = '';
  let after = '';

  beforeAll(async () => {
    // bundle beside node_modules so the child resolves better-sqlite3
    const bundleDir = join(__dirname, '..', '..', '..', 'test-output', 'tmp');
    mkdirSync(bundleDir, { recursive: true });
    childArgs = await childCommand(bundleDir);
    const t = await makeTestCore({}, template);
    const data = makeDataset(99, 1000);
    insertProducts(t.core.db, data.products);
    t.core.services.repos.subscriptions.replaceAll(data.apps, t.core.services.ports.now());
    setStoreClosed(t.core, true);
    before = dumpSubscriptions(t.core.db);
    t.core.close();
    // the expected "after": the same apply on a copy, in this process
    const copy = join(tmp.dir, 'expected');
    mkdirSync(copy);
    copyFileSync(join(template, DB_FILE_NAME), join(copy, DB_FILE_NAME));
    const e = await makeTestCore({}, copy);
    const service = e.core.services.taxUpdate;
    await service.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true });
    after = dumpSubscriptions(e.core.db);
    e.core.close();
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it(`leaves the data exactly before or after, ${KILLS} kills`, async () => {
    expect(after).not.toBe(before);
    // calibrate: how long does the apply take in a child?
    const calib = join(tmp.dir, 'calib');
    mkdirSync(calib);
    copyFileSync(join(template, DB_FILE_NAME), join(calib, DB_FILE_NAME));
    const full = await runChild(calib, null);
    expect(full.ms).not.toBeNull();
    // kills run four at a time, so each child is slower than the lone calibration run: aim well past
    // it so that some kills land after the commit as well as before it, even on a loaded machine
    const window = Math.max(5, (full.ms ?? 50) * 3);

    const r = rng(2026);
    const seen = { before: 0, after: 0 };
    const one = async (i: number): Promise<void> => {
      const dir = join(tmp.dir, `k${i}`);
      mkdirSync(dir);
      copyFileSync(join(template, DB_FILE_NAME), join(dir, DB_FILE_NAME));
      await runChild(dir, r() * window);
      const db = new Database(join(dir, DB_FILE_NAME));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const dump = dumpSubscriptions(db);
        const runs = (db.prepare('select count(*) as n from tax_update_runs').get() as { n: number }).n;
        if (dump === before) {
          expect(runs).toBe(0);
          seen.before++;
        } else {
          expect(dump).toBe(after);
          expect(runs).toBe(1);
          seen.after++;
        }
      } finally {
        db.close();
      }
    };
    // four children at a time: they mostly wait on fsync (synchronous=FULL), not on the 2 cores
    for (let i = 0; i < KILLS; i += 4) await Promise.all([one(i), one(i + 1), one(i + 2), one(i + 3)]);
    expect(seen.before + seen.after).toBe(KILLS);
    expect(seen.before).toBeGreaterThan(0);
    expect(seen.after).toBeGreaterThan(0);
    console.log(`crash test: apply ${full.ms?.toFixed(0)} ms in a child; ${KILLS} kills → before ${seen.before}, after ${seen.after}`);
  }, 240_000);
});
