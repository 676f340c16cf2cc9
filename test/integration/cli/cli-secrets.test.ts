/**
 * CLI secrets (security item 2): the token comes from BCART_TOKEN, --token-file or standard input;
 * --token T still works but warns; the base URL is checked before the token is read or anything is
 * sent. Runs the real commands against the simulator; the global fetch is wrapped only to record
 * where requests went (and to refuse the outside world, which tests never reach).
 */
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { CliIo } from '../../../src-main/cli/cli-types';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const realFetch = globalThis.fetch;
const requested: string[] = [];

function io(opts: { env?: Record<string, string>; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: opts.env ?? {},
    ...(opts.stdin !== undefined ? { stdin: Readable.from([opts.stdin]) } : {}),
  };
  return { cli, out, err };
}

describe('CLI secrets', () => {
  let sim: RunningSimulator;
  const tmp = makeTempDir();
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, orders: 30, rateLimit: false, fromDate: '2026-10-01', toDate: '2026-10-31' });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      requested.push(url);
      if (!url.startsWith('http://127.0.0.1:')) throw new TypeError('fetch failed (outside world refused by the test)');
      return realFetch(input, init);
    });
  });
  afterEach(() => {
    requested.length = 0;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await sim.close();
    tmp.cleanup();
  });

  const orders = (c: ReturnType<typeof io>, ...extra: string[]) =>
    runCli(['bcart:orders', '--base-url', sim.url, '--from', '2026-10-10', '--to', '2026-10-12', '--json', ...extra], c.cli);

  it('refuses a base URL outside BCart before sending anything (the token never leaves)', async () => {
    for (const url of ['https://evil.example/api/v1', 'http://api.bcart.jp/api/v1', 'http://localhost:1/api/v1']) {
      const a = io();
      expect(await runCli(['init', '--data-dir', join(tmp.dir, 'refused'), '--base-url', url, '--token', 'tok-x'], a.cli), url).toBe(2);
      expect(a.err.join('\n')).toContain('bcart.jp');
      const b = io({ env: { BCART_TOKEN: 'tok-x' } });
      expect(await runCli(['bcart:orders', '--base-url', url, '--from', '2026-10-10', '--to', '2026-10-12'], b.cli), url).toBe(2);
    }
    expect(requested).toEqual([]);
  });

  it('a developer host is allowed only when named in BCART_EXTERNAL_HOSTS', async () => {
    const c = io({ env: { BCART_TOKEN: 'tok-x', BCART_EXTERNAL_HOSTS: 'dev.example.com' } });
    expect(await runCli(['bcart:orders', '--base-url', 'https://dev.example.com/api/v1', '--from', '2026-10-10', '--to', '2026-10-12'], c.cli)).toBe(1);
    expect(requested.length).toBeGreaterThan(0); // tried (and retried): the test refuses the outside world
    expect(requested.every((u) => u.startsWith('https://dev.example.com/api/v1/orders'))).toBe(true);
  });

  it('BCART_TOKEN: no warning, and the orders arrive', async () => {
    const c = io({ env: { BCART_TOKEN: sim.token } });
    expect(await orders(c)).toBe(0);
    expect(c.err).toEqual([]);
    expect(JSON.parse(c.out.join('\n'))).not.toHaveLength(0);
  });

  it('--token-stdin and --token - read the first line of standard input', async () => {
    for (const flag of [['--token-stdin'], ['--token', '-'], ['--token=-']]) {
      const c = io({ stdin: `${sim.token}\nsecond line ignored\n` });
      expect(await orders(c, ...flag), flag.join(' ')).toBe(0);
      expect(c.err).toEqual([]);
    }
  });

  it('--token-file reads the file; a file others can read is used but warned about', async () => {
    const file = join(tmp.dir, 'token.txt');
    writeFileSync(file, `${sim.token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    const c = io();
    expect(await orders(c, '--token-file', file)).toBe(0);
    expect(c.err).toEqual([]);
    chmodSync(file, 0o644);
    const loose = io();
    expect(await orders(loose, '--token-file', file)).toBe(0);
    expect(loose.err.join('\n')).toContain('chmod 600');
  });

  it('--token T still works, with a Japanese warning on stderr', async () => {
    const c = io();
    expect(await orders(c, '--token', sim.token)).toBe(0);
    expect(c.err.join('\n')).toMatch(/警告: --token .*ps.*BCART_TOKEN/);
    expect(c.err.join('\n')).not.toContain(sim.token);
  });

  it('no token, two sources or an empty token are usage errors (exit 2) that name the ways to pass one', async () => {
    const none = io();
    expect(await orders(none)).toBe(2);
    expect(none.err.join('\n')).toContain('BCART_TOKEN');
    const file = join(tmp.dir, 'token2.txt');
    writeFileSync(file, sim.token, { mode: 0o600 });
    const two = io();
    expect(await orders(two, '--token', sim.token, '--token-file', file)).toBe(2);
    const empty = io({ stdin: '\n' });
    expect(await orders(empty, '--token-stdin')).toBe(2);
    expect(requested).toEqual([]);
  });

  it('init with BCART_TOKEN stores the token only in the 0600 token file', async () => {
    const dir = join(tmp.dir, 'books');
    const c = io({ env: { BCART_TOKEN: sim.token } });
    expect(await runCli(['init', '--data-dir', dir, '--base-url', sim.url, '--from', '2026-10-01'], c.cli)).toBe(0);
    expect(c.err).toEqual([]);
    expect(statSync(join(dir, 'tokens.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'tokens.json'), 'utf8')).toContain(sim.token);
    expect(c.out.join('\n')).not.toContain(sim.token);
  });

  it('the real process reads --token-stdin from its standard input', async () => {
    // spawn, not spawnSync: the simulator answering the child runs in this process
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main', 'cli.ts'), 'bcart:orders', '--base-url', sim.url, '--from', '2026-10-10', '--to', '2026-10-12', '--token-stdin'], {
      cwd: ROOT,
      env: { ...process.env, BCART_TOKEN: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.end(`${sim.token}\n`);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/受注日 2026-10-10 〜 2026-10-12: \d+件/);
  }, 90_000);
});
