/**
 * Token canary (security, "what must be shown"): a known token travels through the whole app —
 * personal-token login over IPC, OAuth login against the simulator (its access and refresh tokens,
 * refreshed once), 接続テスト, imports — and afterwards no plaintext copy exists anywhere it must not:
 *
 * - desktop shell under the fake Electron, logging through the real electron-log file transport:
 *   every IPC response (every read channel is dispatched after login), every push event, and every
 *   file of the data folder (database, WAL, backups, logs/main.log, secrets.json — encrypted);
 * - CLI (file token store, console logger at debug level) in real child processes: tokens.json holds
 *   the token with mode 0600, and nothing else does — no other file, no line of stdout/stderr.
 *
 * The scan itself is checked to find a planted canary, so a broken scan cannot pass silently.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../../src-shared/ipc/contract';
import { PUSH_CHANNEL } from '../../../src-shared/ipc/events';
import { createCore } from '../../../src-main/core/create-core';
import { settingTokenKeyPrefix } from '../../../src-main/core/bcart/oauth';
import type { ShellHandle } from '../../../src-main/shell/app-shell';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { APP_INDEX_URL } from '../../../src-main/shell/app-protocol';
import { FakeBrowserWindow, makeFakeElectron } from '../../helpers/fake-electron';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const CANARY = 'sim_CANARYc4n4ry7f3a9e1d5b2c8a6f0e4d';
const FROM = '2026-11-20';
const TODAY = '2026-11-30';

/** Every file below `dir` whose bytes contain one of `secrets` in plaintext (path relative to dir). */
function filesHolding(dir: string, secrets: readonly string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        if (secrets.some((s) => bytes.includes(Buffer.from(s, 'utf8')))) hits.push(relative(dir, full));
      }
    }
  };
  walk(dir);
  return hits.sort();
}

const holding = (texts: readonly string[], secrets: readonly string[]) => texts.filter((t) => secrets.some((s) => t.includes(s)));

/** Read channels (verb after the colon) and an input for each; a new read channel must be added here. */
const READ_VERB = /:(list\w*|get|info|state|history|targets|events|changes|runs|preview\w*|check|export\w*|loginItem|fetchBcart|pdf\w*|openItems|balances|schedule|movements|outbox|counts|reconcile|options|holidays|upcoming)$/;
/** Namespaces whose every channel only reads (ホーム, 売上分析). */
const READ_NAMESPACE = /^(analysis|dashboard):/;
const isRead = (c: string) => READ_VERB.test(c) || READ_NAMESPACE.test(c);

function readInputs(settingId: number, runId: number, ids: Record<string, number>): Partial<Record<Channel, unknown>> {
  const s = { settingId };
  const out: Partial<Record<Channel, unknown>> = {
    'analysis:exportCsv': { table: 'groups', query: { by: 'month', from: '2025-01-01', to: '2025-12-31' }, encoding: 'utf-8' },
    'analysis:sales': { by: 'customer', from: '2025-01-01', to: '2025-12-31' },
    'analysis:slips': { by: 'month', key: '2025-01', channel: 'bcart', from: '2025-01-01', to: '2025-12-31' },
    'app:info': {},
    'dashboard:import': {},
    'dashboard:receivables': {},
    'dashboard:sales': {},
    'dashboard:stock': {},
    'dashboard:setup': {},
    'billing:get': { id: 1 },
    'billing:list': {},
    'billing:pdf': { id: 1 },
    'billing:pdfBatch': { closingDate: '2025-01-31' },
    'billing:preview': { date: '2025-01-31' },
    'company:get': {},
    'backups:list': {},
    'connection:state': s,
    'csv:export': { master: 'products', encoding: 'utf-8' },
    'import:get': { runId },
    'import:history': s,
    'import:preview': s,
    'import:targets': {},
    'onboarding:previewCustomers': s,
    'onboarding:previewProducts': s,
    'partners:listByKind': { kind: '得意先' },
    'payments:get': { id: 1 },
    'payments:list': {},
    'paymentRules:check': s,
    'paymentRules:list': s,
    'productLinks:fetchBcart': s,
    'productLinks:list': s,
    'receivables:balances': {},
    'receivables:exportCsv': { encoding: 'utf-8' },
    'receivables:openItems': { customerId: ids.partners ?? 1 },
    'receivables:schedule': {},
    'schedules:list': {},
    'schedules:holidays': {},
    'schedules:loginItem': {},
    'schedules:runs': { id: 1 },
    'schedules:state': {},
    'schedules:upcoming': { weekdays: ['mon'], times: ['09:00'], skipHolidays: true },
    'settings:get': { id: settingId },
    'settings:list': {},
    'stockSlips:list': {},
    'stockSlips:get': { id: 1 },
    'stockSlips:export': { encoding: 'utf-8' },
    'stock:list': {},
    'stock:movements': { warehouseId: 1, productId: 1 },
    'stock:export': { encoding: 'utf-8' },
    'stock:outbox': {},
    'stock:counts': {},
    'stock:reconcile': s,
    'stock:migrationPreview': s,
    'stock:options': s,
    'sales:list': {},
    'sales:get': { id: 1 },
    'sales:pdfDeliveryNote': { id: 1 },
    'subscriptions:export': { encoding: 'utf-8' },
    'subscriptions:get': { code: 'S-NONE' },
    'subscriptions:list': {},
    'systemLog:list': {},
    'reviews:list': { includeResolved: true },
    'taxUpdate:changes': { runId: 1 },
    'taxUpdate:events': {},
    'taxUpdate:history': {},
    'taxUpdate:preview': { eventId: 'none', rounding: 'floor' },
    'taxUpdate:previewCsv': { eventId: 'none', rounding: 'floor', encoding: 'utf-8' },
  };
  for (const master of ['departments', 'taxClasses', 'workflows', 'partners', 'products', 'bankAccounts', 'shipments', 'invoices'] as const) {
    out[`${master}:list` as Channel] = {};
    out[`${master}:get` as Channel] = { id: ids[master] ?? 1 };
  }
  return out;
}

describe('token canary: desktop shell (fake Electron, electron-log file transport)', () => {
  const tmp = makeTempDir();
  let sim: RunningSimulator;
  let shell: ShellHandle;
  let fake: ReturnType<typeof makeFakeElectron>;
  const responses: string[] = [];
  const secrets = new Set<string>([CANARY]);
  let settingId = 0;
  // the app's own page (app://bcart-desk): the only sender the shell answers
  const appPage = { url: APP_INDEX_URL, origin: 'app://bcart-desk', parent: null };

  const ipc = async (channel: string, input: unknown = {}) => {
    const handler = fake.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const r = (await handler({ senderFrame: appPage }, input)) as { ok: boolean; value?: any; error?: { code: string } };
    responses.push(JSON.stringify(r));
    return r;
  };
  const nextEvent = (name: string, match: (p: any) => boolean = () => true) =>
    new Promise<any>((resolve) => {
      const off = shell.core.events.subscribe((event, payload) => {
        if (event === name && match(payload)) {
          off();
          resolve(payload);
        }
      });
    });
  const rememberTokens = async () => {
    const p = settingTokenKeyPrefix(settingId);
    for (const k of [`${p}:access_token`, `${p}:refresh_token`]) {
      const v = await shell.core.services.ports.tokenStore.get(k);
      if (v) secrets.add(v);
    }
  };
  const importOnce = async () => {
    const finished = nextEvent('import:finished');
    const r = await ipc('import:run', { settingId });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    return finished;
  };

  beforeAll(async () => {
    sim = await startSimulator({ mode: 'test', token: CANARY, orders: 25, fromDate: FROM, toDate: TODAY, rateLimit: false, includeUnsupported: false });
    fake = makeFakeElectron(tmp.dir);
    // electron-log/main requires 'electron' itself: it gets the same fake, with what it asks of app
    const electron = { ...fake.electron, app: { ...fake.electron.app, name: 'BCart Desk', getName: () => 'BCart Desk', isReady: () => true, off: () => undefined, once: () => undefined } };
    const electronPath = createRequire(require.resolve('electron-log/main')).resolve('electron');
    const stub = new Module(electronPath);
    Object.assign(stub, { filename: electronPath, loaded: true, exports: electron });
    require.cache[electronPath] = stub;
    const { createElectronLogger } = await import('../../../src-main/shell/electron-logger');
    const { startShell } = await import('../../../src-main/shell/app-shell');
    shell = (await startShell(electron as never, {
      appRoot: ROOT,
      env: {},
      // the simulator is http, which the shell's https-only browser allow-list refuses: a stand-in
      // browser follows the instant-approve redirect to the loopback listener instead
      createCore: (o) => createCore({ ...o, openExternal: async (url) => void fetch(url).then((r) => r.text()).catch(() => undefined) }),
      createLogger: createElectronLogger,
      argv: [],
    }))!;
  });
  afterAll(async () => {
    await shell?.quit();
    await sim?.close();
    tmp.cleanup();
  });

  it('logs in with a personal token over IPC, tests the connection and imports', async () => {
    settingId = (await shell.core.services.initialSetup.run({ baseUrl: sim.url, token: CANARY, from: FROM })).settingId;
    expect(await ipc('connection:logout', { settingId })).toMatchObject({ ok: true, value: { status: '未認証' } });
    expect(await ipc('connection:savePersonalToken', { settingId, token: CANARY })).toMatchObject({ ok: true, value: { status: '認証済' } });
    expect(await ipc('connection:test', { settingId })).toMatchObject({ ok: true });
    expect(await importOnce()).toMatchObject({ status: 'succeeded' });
  }, 60_000);

  it('logs in with OAuth against the simulator, refreshes, and imports again', async () => {
    const { value: setting } = await ipc('settings:get', { id: settingId });
    const { id: _i, createdAt: _c, updatedAt: _u, ...values } = setting;
    await ipc('settings:update', { id: settingId, values: { ...values, oauthAuthorizeUrl: `${sim.origin}/oauth/authorize`, oauthTokenUrl: `${sim.origin}/oauth/token` } });
    sim.state.auth.accessTokenTtlSeconds = 30; // inside the refresh margin: the next call refreshes first
    const changed = nextEvent('connection:changed', (p) => p.runId !== null);
    expect(await ipc('connection:login', { settingId })).toMatchObject({ ok: true });
    expect(await changed).toMatchObject({ ok: true, state: { status: '認証済', method: 'oauth' } });
    await rememberTokens();
    expect(await ipc('connection:test', { settingId })).toMatchObject({ ok: true });
    await rememberTokens(); // the refreshed pair
    sim.state.auth.accessTokenTtlSeconds = 3600;
    expect(await importOnce()).toMatchObject({ status: 'succeeded' });
    await rememberTokens();
    expect(secrets.size).toBeGreaterThanOrEqual(5); // the canary + two OAuth pairs at least
  }, 60_000);

  it('no IPC response of any read channel and no push event holds a token', async () => {
    const runs = await ipc('import:history', { settingId });
    const ids: Record<string, number> = {};
    for (const master of ['departments', 'taxClasses', 'workflows', 'partners', 'products', 'bankAccounts', 'shipments', 'invoices']) {
      const list = await ipc(`${master}:list`, {});
      ids[master] = list.value?.rows?.[0]?.id ?? 1;
    }
    const inputs = readInputs(settingId, runs.value.rows[0].id, ids);
    const reads = CHANNELS.filter(isRead);
    expect(reads.filter((c) => !(c in inputs)), 'give every read channel an input here').toEqual([]);
    for (const channel of reads) {
      const input = inputs[channel];
      expect(contract[channel].input.safeParse(input).success, `${channel} input`).toBe(true);
      await ipc(channel, input);
    }
    await new Promise((r) => setTimeout(r, 300)); // the import:preview run finishes in the background
    const pushed = FakeBrowserWindow.instances.flatMap((w) => w.webContents.sent.filter((s) => s.channel === PUSH_CHANNEL)).map((s) => JSON.stringify(s.payload));
    expect(responses.length).toBeGreaterThan(reads.length);
    expect(pushed.length).toBeGreaterThan(5);
    expect(holding(responses, [...secrets])).toEqual([]);
    expect(holding(pushed, [...secrets])).toEqual([]);
  }, 60_000);

  it('no file of the data folder holds a token in plaintext; electron-log wrote the log there', async () => {
    const db = shell.core.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const log = readFileSync(join(tmp.dir, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('shell ready');
    expect(log).toContain('bcart personal access token saved');
    expect(log).toContain('bcart oauth login completed');
    expect(log).toContain('bcart token refreshed');
    expect(readFileSync(join(tmp.dir, 'secrets.json'), 'utf8')).toContain(`${settingTokenKeyPrefix(settingId)}:access_token`);
    expect(filesHolding(tmp.dir, [...secrets])).toEqual([]);
  });

  it('the scan finds a planted token (control)', () => {
    const planted = join(tmp.dir, 'logs', 'planted.txt');
    writeFileSync(planted, `x ${[...secrets][2]} y`);
    expect(filesHolding(tmp.dir, [...secrets])).toEqual([join('logs', 'planted.txt')]);
    expect(holding([...responses, `{"token":"${CANARY}"}`], [...secrets])).toHaveLength(1);
  });
});

/** Runs the CLI in a child process; resolves with its exit code and output. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('token canary: CLI (file token store, console logger)', () => {
  const tmp = makeTempDir();
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ token: CANARY, orders: 25, fromDate: FROM, toDate: TODAY, rateLimit: false, includeUnsupported: false });
  });
  afterAll(async () => {
    await sim?.close();
    tmp.cleanup();
  });

  it('init and import: tokens.json (0600) holds the token and nothing else does, output included', async () => {
    const books = join(tmp.dir, 'books');
    const env = { BCART_TOKEN: CANARY, BCART_DESK_DEBUG: '1' };
    const init = await cli(['init', '--data-dir', books, '--base-url', sim.url, '--from', FROM], env);
    expect(init.code, init.out).toBe(0);
    const run = await cli(['import', '--data-dir', books, '--json'], { BCART_DESK_DEBUG: '1' });
    expect(run.code, run.out).toBe(0);
    // the console logger really wrote (debug level): the scan covers what it wrote
    expect(run.out).toContain('"msg":"bcart request"');
    expect(holding([init.out, run.out], [CANARY])).toEqual([]);
    expect(statSync(join(books, 'tokens.json')).mode & 0o777).toBe(0o600);
    expect(filesHolding(books, [CANARY])).toEqual(['tokens.json']);
  }, 120_000);
});
