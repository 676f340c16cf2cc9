/**
 * The import lock across real processes (docs/import-rules.md#one-run-at-a-time): a child process
 * (the CLI's path, imports.run) is inside its fetch; the app in this process (import:run) and a
 * second child are refused with ALREADY_RUNNING and its Japanese message. The first child is then
 * killed with SIGKILL: its lease still stops everyone until it expires, then the app takes it
 * over, marks the dead run failed and imports. Before, only the in-memory running-set guarded a
 * run, so two processes fetched and wrote the same window at once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { MIGRATIONS_DIR } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { seedImportBooks } from './import-fixture';

const ROOT = join(__dirname, '..', '..', '..');
const TTL_MS = 2_000;
const tmp = makeTempDir('bcart-import-lock-');
let bundle = '';

interface Child {
  lines: string[];
  exited: Promise<number | null>;
  kill(): void;
  pid: number;
}

function child(dir: string, settingId: number): Child {
  const proc = spawn(process.execPath, [bundle, dir, String(settingId), MIGRATIONS_DIR, String(TTL_MS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  const lines: string[] = [];
  let buf = '';
  proc.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      lines.push(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  proc.stderr.on('data', (d: Buffer) => lines.push(`stderr ${d.toString()}`));
  return { lines, exited: new Promise((r) => proc.on('exit', (code) => r(code))), kill: () => proc.kill('SIGKILL'), pid: proc.pid! };
}

const waitFor = async (cond: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('import lock across processes', () => {
  let sim: RunningSimulator;
  let app: Core;
  let settingId = 0;
  const dir = join(tmp.dir, 'data');

  beforeAll(async () => {
    bundle = join(tmp.dir, 'lock-child.cjs');
    buildSync({ entryPoints: [join(__dirname, 'lock-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, external: ['better-sqlite3'], logLevel: 'error' });
    const today = jstDateOf(Date.now());
    sim = await startSimulator({ seed: 8, orders: 20, fromDate: addDays(today, -5), toDate: today, rateLimit: false, includeUnsupported: false });
    for (const o of sim.state.orders) if (o.order.customer_ext_id === '') o.order.payment = 'PayPal';
    app = await createCore({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, logger: createMemoryLogger(), tokenStore: openCliTokenStore(dir), importLockTtlMs: TTL_MS });
    settingId = (await seedImportBooks(app.db, app.services.bcart, sim, addDays(today, -5))).settingId;
  });
  afterAll(async () => {
    app?.close();
    await sim?.close();
    tmp.cleanup();
  });

  it('one runs, the app and a second process get ALREADY_RUNNING; a killed holder is taken over only after its lease expired', async () => {
    // the first process stays inside its fetch: BCart does not answer the order list
    sim.faults.set([{ kind: 'hang', path: '/orders', count: -1 }]);
    const first = child(dir, settingId);
    await waitFor(() => first.lines.includes('phase fetching'), 20_000, 'the first child to fetch');
    const lease = app.db.prepare('select holder, expires_at as expiresAt from leases where name = ?').get(`import:${settingId}`) as { holder: string; expiresAt: string };
    expect(lease.holder).toContain(`:${first.pid}:`);

    // the app (IPC, as the 出荷取込処理 button) is refused with the Japanese message, nothing started
    const runsBefore = app.db.prepare('select count(*) as n from import_runs').get();
    const refused = await app.dispatch('import:run', { settingId }, { via: 'test' });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'ALREADY_RUNNING', message: expect.stringContaining('別のBCart Desk（もう一つのアプリまたはコマンド）で実行中です') }) });
    expect(app.db.prepare('select count(*) as n from import_runs').get()).toEqual(runsBefore);
    // a second real process too
    const second = child(dir, settingId);
    expect(await second.exited).toBe(0);
    expect(second.lines.find((l) => l.startsWith('refused'))).toMatch(/^refused ALREADY_RUNNING このEC連携設定の出荷取込処理/);

    // SIGKILL: the lease stays until it expires
    first.kill();
    await first.exited;
    const killedAt = Date.now();
    const expiresAt = Date.parse(lease.expiresAt);
    expect((await app.dispatch('import:run', { settingId }, { via: 'test' })).ok).toBe(false);

    sim.faults.clear();
    let started: { runId: number } | null = null;
    await waitFor(
      () => {
        const r = app.services.imports.isRunning(settingId) ? null : (() => {
          try {
            return app.services.imports.start(settingId, { dryRun: false, trigger: 'manual' });
          } catch {
            return null;
          }
        })();
        if (r) started = r;
        return started !== null;
      },
      TTL_MS * 5,
      'the takeover',
    );
    const tookOverAt = Date.now();
    // never before the dead holder's lease ran out (its last renewal may have pushed expiry past the first read), and soon after
    expect(tookOverAt).toBeGreaterThanOrEqual(expiresAt);
    expect(tookOverAt - killedAt).toBeLessThan(TTL_MS * 3);
    const outcome = await (started as unknown as { done: Promise<{ status: string; counts: { shipments: number } }> }).done;
    expect(outcome.status).toBe('succeeded');
    expect(outcome.counts.shipments).toBeGreaterThan(0);
    // the dead process's run row was closed as interrupted, under the lease
    const runs = app.db.prepare('select status, trigger, message from import_runs order by id').all() as { status: string; trigger: string; message: string | null }[];
    expect(runs[0]).toMatchObject({ status: 'failed', trigger: 'cli', message: expect.stringContaining('途中で中断') });
    expect(runs.at(-1)).toMatchObject({ status: 'succeeded', trigger: 'manual' });
    expect(app.db.prepare('select count(*) as n from leases where name = ?').get(`import:${settingId}`)).toEqual({ n: 0 });
  });
});
