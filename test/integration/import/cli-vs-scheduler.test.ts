/**
 * The real CLI (`npm run cli -- import`, a second process) and the app's scheduler (this process,
 * real clock and timers) on one data folder (docs/import-rules.md#one-run-at-a-time):
 * - while the scheduler's job is inside its fetch, the CLI is refused with ALREADY_RUNNING and its
 *   Japanese message and starts no run;
 * - while the CLI is inside its fetch, a scheduled slot fires: the job is recorded as not run with
 *   the same reason and writes nothing; the CLI's run finishes and the books equal the oracle
 *   computed from the simulator's orders (test/integration/import/expected-books.ts) — every
 *   shipped logistics record exactly once; a later run of the job adds nothing.
 * The second case waits for a real minute boundary (the schedule's HH:MM), so it takes 30–90 s.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { MIGRATIONS_DIR } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { booksByOrder, compareBooks, expectedBooks } from './expected-books';
import { seedImportBooks } from './import-fixture';

const ROOT = join(__dirname, '..', '..', '..');
const tmp = makeTempDir('bcart-cli-vs-scheduler-');

interface CliRun {
  pid: number;
  exited: Promise<{ code: number | null; out: string; err: string }>;
}

/** `npm run cli -- import --data-dir D --json` as its own process. */
function cliImport(dir: string): CliRun {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'cli.ts'), 'import', '--data-dir', dir, '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { pid: proc.pid!, exited: new Promise((r) => proc.on('close', (code) => r({ code, out, err }))) };
}

const waitFor = async (cond: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** HH:MM (JST) of the first minute boundary at least `leadMs` from now, and its time. */
function nextSlot(leadMs: number): { hhmm: string; atMs: number } {
  const atMs = Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;
  const jst = new Date(atMs + 9 * 3_600_000);
  const hhmm = `${String(jst.getUTCHours()).padStart(2, '0')}:${String(jst.getUTCMinutes()).padStart(2, '0')}`;
  return { hhmm, atMs };
}

describe('the CLI imports while the app scheduler runs', () => {
  let sim: RunningSimulator;
  let app: Core;
  let settingId = 0;
  const dir = join(tmp.dir, 'data');
  const leaseHolder = () =>
    (app.db.prepare('select holder from leases where name = ?').get(`import:${settingId}`) as { holder: string } | undefined)?.holder ?? '';
  const importRuns = () => app.db.prepare('select id, status, trigger from import_runs order by id').all() as { id: number; status: string; trigger: string }[];
  const jobRuns = (jobId: number) =>
    app.db.prepare('select status, trigger, message from schedule_runs where job_id = ? order by id').all(jobId) as { status: string; trigger: string; message: string | null }[];

  beforeAll(async () => {
    const today = jstDateOf(Date.now());
    sim = await startSimulator({ seed: 15, orders: 20, fromDate: addDays(today, -5), toDate: today, rateLimit: false, includeUnsupported: false });
    for (const o of sim.state.orders) if (o.order.customer_ext_id === '') o.order.payment = 'PayPal';
    app = await createCore({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: openCliTokenStore(dir) });
    settingId = (await seedImportBooks(app.db, app.services.bcart, sim, addDays(today, -5))).settingId;
  });
  afterAll(async () => {
    await app?.services.schedules.stop();
    app?.close();
    await sim?.close();
    tmp.cleanup();
  });

  it('the scheduler job is fetching: the CLI is refused and starts no run', async () => {
    const job = (await app.dispatch(
      'schedules:create',
      { name: '手動の取込', type: 'EC・売上取込処理', weekdays: ['sun'], times: ['03:00'], skipHolidays: false, enabled: false },
      { via: 'test' },
    )) as { ok: true; value: { id: number } };
    expect(job.ok).toBe(true);
    app.services.schedules.start();
    // BCart does not answer the order list: the job stays inside its fetch, holding the lock
    sim.faults.set([{ kind: 'hang', path: '/orders', count: -1 }]);
    expect((await app.dispatch('schedules:runNow', { id: job.value.id }, { via: 'test' })).ok).toBe(true);
    await waitFor(() => leaseHolder().includes(`:${process.pid}:`), 20_000, 'the job to take the import lock');
    const before = importRuns();
    expect(before).toEqual([expect.objectContaining({ status: 'running' })]);

    const refused = await cliImport(dir).exited;
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('別のBCart Desk（もう一つのアプリまたはコマンド）で実行中です');
    expect(importRuns()).toEqual(before);

    // the app quits: the job's import is 中止 with nothing written, the lock is given back
    await app.services.schedules.stop();
    sim.faults.clear();
    expect(importRuns()).toEqual([expect.objectContaining({ status: 'cancelled', trigger: 'manual' })]);
    expect(app.db.prepare('select count(*) as n from shipments').get()).toEqual({ n: 0 });
    expect(leaseHolder()).toBe('');
  }, 120_000);

  it('the CLI is fetching when a slot fires: the job writes nothing, the CLI imports every shipment once', async () => {
    // a slot 22 s away (room for the CLI to start under load); the CLI's first order page answers
    // 6 s after that slot — within the client's 30 s timeout —, so the slot fires while the CLI
    // holds the lock
    const slot = nextSlot(22_000);
    await new Promise((r) => setTimeout(r, Math.max(0, slot.atMs - 22_000 - Date.now())));
    const job = (await app.dispatch(
      'schedules:create',
      { name: '定時の取込', type: 'EC・売上取込処理', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], times: [slot.hhmm], skipHolidays: false, enabled: true },
      { via: 'test' },
    )) as { ok: true; value: { id: number } };
    expect(job.ok).toBe(true);
    app.services.schedules.start();
    sim.faults.set([{ kind: 'latency', path: '/orders', count: 1, delayMs: slot.atMs - Date.now() + 6_000 }]);
    const runsBefore = importRuns().length;

    const cli = cliImport(dir);
    // the lock is taken first, then the run is recorded
    await waitFor(() => leaseHolder().includes(`:${cli.pid}:`) && importRuns().length > runsBefore, 60_000, 'the CLI to take the import lock');
    expect(Date.now()).toBeLessThan(slot.atMs); // else the machine was too slow to test the overlap
    const withCli = importRuns();
    expect(withCli.slice(runsBefore)).toEqual([expect.objectContaining({ status: 'running', trigger: 'cli' })]);

    await waitFor(() => jobRuns(job.value.id).some((r) => r.status !== 'running'), 90_000, 'the scheduled slot');
    const [run] = jobRuns(job.value.id);
    expect(run).toMatchObject({ status: 'failed', trigger: 'schedule', message: expect.stringContaining('別のBCart Desk（もう一つのアプリまたはコマンド）で実行中です') });
    expect(importRuns()).toEqual(withCli); // the job never started a run of its own

    const done = await cli.exited;
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const printed = JSON.parse(done.out) as { status: string; committed: boolean; shipments: unknown[] };
    expect(printed).toMatchObject({ status: 'succeeded', committed: true });
    expect(printed.shipments.length).toBeGreaterThan(0);
    expect(importRuns().slice(runsBefore)).toEqual([expect.objectContaining({ status: 'succeeded', trigger: 'cli' })]);

    // the books: what the simulator's orders say, each logistics record once
    const expected = expectedBooks(sim.state.orders);
    expect(compareBooks(expected, booksByOrder(app.db))).toEqual([]);
    const shipped = [...expected.values()].reduce((n, b) => n + b.shipments, 0);
    expect(printed.shipments.length).toBe(shipped);
    expect(app.db.prepare('select count(*) as n, count(distinct bcart_logistics_id) as d from shipments').get()).toEqual({ n: shipped, d: shipped });

    // the job run again afterwards adds nothing
    expect((await app.dispatch('schedules:runNow', { id: job.value.id }, { via: 'test' })).ok).toBe(true);
    await app.services.schedules.scheduler.whenIdle();
    expect(jobRuns(job.value.id)[1]).toMatchObject({ status: 'succeeded' });
    expect(app.db.prepare('select count(*) as n from shipments').get()).toEqual({ n: shipped });
    expect(compareBooks(expected, booksByOrder(app.db))).toEqual([]);
  }, 120_000);
});
