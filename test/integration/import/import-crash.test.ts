/**
 * DB-kill (docs/reliability.md#import-all-or-nothing-once): a child process (tsx) runs 出荷取込処理 on a copy of a prepared data
 * folder and is killed with SIGKILL at random moments — during the fetch or inside the write
 * transaction. After each kill: `PRAGMA integrity_check` = ok, the books equal exactly the state
 * before the run or the state of an uninterrupted run, and the next run converges to the latter.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { MIGRATIONS_DIR } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { booksSnapshot, seedImportBooks } from './import-fixture';

const KILLS = 100;
/** the killed child's import lease: the next run must wait for it to expire (import-lock.ts) */
const CHILD_LEASE_MS = 300;
const PARALLEL = 2;
const CHILD = join(__dirname, 'crash-child.ts');
const ROOT = join(__dirname, '..', '..', '..');
let bundle = '';

const open = (dir: string) =>
  createCore({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: openCliTokenStore(dir) });

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(from)) if (f === DB_FILE_NAME || f === 'tokens.json') copyFileSync(join(from, f), join(to, f));
}

/** Snapshot read through a plain connection (never runs migrations or seeds). */
function inspect(dir: string, settingId: number): { integrity: string; books: string } {
  const db = new Database(join(dir, DB_FILE_NAME));
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    return { integrity, books: booksSnapshot(db, settingId) };
  } finally {
    db.close();
  }
}

/** Waits until the import lease a killed child may have left has expired. */
async function leaseExpired(dir: string, settingId: number): Promise<void> {
  const db = new Database(join(dir, DB_FILE_NAME));
  let expiresAt: string | undefined;
  try {
    expiresAt = db.prepare('select expires_at from leases where name = ?').pluck().get(`import:${settingId}`) as string | undefined;
  } finally {
    db.close();
  }
  if (expiresAt === undefined) return;
  const wait = Date.parse(expiresAt) - Date.now() + 20;
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

interface KillResult {
  phase: string;
  killed: boolean;
  /** ms since spawn at which each line arrived */
  at: Record<string, number>;
}

/** Runs the child; kills it `delayMs` after it reported `at` (null: lets it finish). */
function runChild(dir: string, settingId: number, at: 'ready' | 'phase writing', delayMs: number | null): Promise<KillResult> {
  return new Promise((resolve, reject) => {
    // one plain node process running the bundle: the kill hits the importer itself, and start-up is quick
    const child = spawn(process.execPath, [bundle, dir, String(settingId), MIGRATIONS_DIR, String(CHILD_LEASE_MS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    let phase = 'starting';
    const started = performance.now();
    const seen: Record<string, number> = {};
    let buf = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        phase = line;
        seen[line] = performance.now() - started;
        if (line === at && delayMs !== null) {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, delayMs);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ phase, killed: killed && !phase.startsWith('done'), at: seen }));
  });
}

describe('DB-kill: SIGKILL during 出荷取込処理', () => {
  let sim: RunningSimulator;
  const tmp = makeTempDir('bcart-desk-kill-');
  const template = join(tmp.dir, 'template');
  let settingId = 0;
  let before = '';
  let after = '';
  /** durations of an uninterrupted child: from "ready" to the end, and of the write step */
  let runMs = 0;
  let writeMs = 0;

  beforeAll(async () => {
    bundle = join(tmp.dir, 'crash-child.cjs');
    buildSync({ entryPoints: [CHILD], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, external: ['better-sqlite3'], logLevel: 'error' });
    const today = jstDateOf(Date.now());
    sim = await startSimulator({ seed: 21, orders: 150, fromDate: addDays(today, -6), toDate: today, rateLimit: false, includeUnsupported: false });
    for (const o of sim.state.orders) {
      if ((o.order.payment === '自社掛け払い' || o.order.payment === '銀行振込') && o.order.customer_ext_id === '') o.order.payment = 'PayPal';
    }
    const core = await open(template);
    settingId = (await seedImportBooks(core.db, core.services.bcart, sim, addDays(today, -6))).settingId;
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    before = inspect(template, settingId).books;
    // the state of an uninterrupted run
    const refDir = join(tmp.dir, 'reference');
    copyDir(template, refDir);
    const ref = await open(refDir);
    const o = await ref.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
    ref.close();
    expect(o.status).toBe('succeeded');
    expect(o.counts.shipments).toBeGreaterThan(60);
    after = inspect(refDir, settingId).books;
    expect(after).not.toBe(before);
    // time an uninterrupted child so the kill moments spread over its whole run
    const timing = join(tmp.dir, 'timing');
    copyDir(template, timing);
    const t = await runChild(timing, settingId, 'ready', null);
    expect(t.phase).toBe('done succeeded');
    runMs = t.at['done succeeded']! - t.at['ready']!;
    writeMs = t.at['done succeeded']! - t.at['phase writing']!;
  });
  afterAll(async () => {
    await sim.close();
    tmp.cleanup();
  });

  it(`${KILLS} kills at random moments: integrity ok, before-or-after exactly, the next run converges`, async () => {
    const stats = { kills: 0, inWrite: 0, stateBefore: 0, stateAfter: 0, other: 0, integrityFailures: 0, converged: 0 };
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const one = async (i: number): Promise<void> => {
      const dir = join(tmp.dir, `kill-${i}`);
      copyDir(template, dir);
      // half of the kills aim at the write transaction, the rest anywhere from start-up on
      const inWrite = i % 2 === 0;
      const r = await runChild(dir, settingId, inWrite ? 'phase writing' : 'ready', rand() * (inWrite ? writeMs : runMs));
      if (r.killed) stats.kills++;
      if (r.killed && r.phase === 'phase writing') stats.inWrite++;
      const s = inspect(dir, settingId);
      if (s.integrity !== 'ok') stats.integrityFailures++;
      if (s.books === before) stats.stateBefore++;
      else if (s.books === after) stats.stateAfter++;
      else stats.other++;
      // a killed run's lease stops everyone until it expires; then the next run takes it over
      await leaseExpired(dir, settingId);
      const core = await open(dir);
      const o = await core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
      core.close();
      if (o.status === 'succeeded' && inspect(dir, settingId).books === after) stats.converged++;
    };
    let next = 0;
    const worker = async () => {
      while (next < KILLS) await one(next++);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(`DB-kill: ${JSON.stringify({ ...stats, runMs: Math.round(runMs), writeMs: Math.round(writeMs) })}`);
    expect(existsSync(template)).toBe(true);
    expect(stats.integrityFailures).toBe(0);
    expect(stats.other).toBe(0);
    expect(stats.converged).toBe(KILLS);
    // the kills really interrupted runs, some of them inside the write step (timing-based, so the
    // bars are loose enough for a loaded CI box; the invariants above are the strict part)
    expect(stats.kills).toBeGreaterThanOrEqual(KILLS * 0.5);
    expect(stats.inWrite).toBeGreaterThan(3);
    expect(stats.stateBefore).toBeGreaterThan(3);
  }, 600_000);
});
