/**
 * The database lease across real processes: two children contend for one lease and never hold it at
 * the same time; a holder killed with SIGKILL is taken over by a waiting process only after its lease
 * expired, and soon after. The same repository in-process: renew fails once another holder took an
 * expired lease, release frees it at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeaseRepository, holdLease } from '../../../src-main/core/db/lease-repository';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { systemTimers } from '../../../src-main/core/ports';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const tmp = makeTempDir('bcart-lease-');
let bundle = '';
let dbFile = '';

function child(args: string[]): { proc: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [bundle, dbFile, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  const lines: string[] = [];
  let buf = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      lines.push(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      if (code !== 0 && code !== null) lines.push(`stderr ${err}`);
      resolve(code);
    }),
  );
  return { proc, lines, exited };
}

const waitFor = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

beforeAll(async () => {
  bundle = join(tmp.dir, 'lease-child.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'lease-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  const t = await makeTestCore({}, join(tmp.dir, 'data'));
  t.core.close();
  dbFile = join(tmp.dir, 'data', DB_FILE_NAME);
});
afterAll(() => tmp.cleanup());

describe('lease across processes', () => {
  it('two processes contending: each gets the lease, never both at once', async () => {
    const a = child(['cycle', 'contend', '200', '2500']);
    const b = child(['cycle', 'contend', '200', '2500']);
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const spans = (c: typeof a) =>
      c.lines.filter((l) => l.startsWith('held ')).map((l) => l.split(' ').slice(1).map(Number) as [number, number]);
    const sa = spans(a);
    const sb = spans(b);
    console.log(`lease contention: A held ${sa.length}×, B held ${sb.length}×`);
    expect(sa.length).toBeGreaterThan(0);
    expect(sb.length).toBeGreaterThan(0);
    const overlaps = sa.filter(([s1, e1]) => sb.some(([s2, e2]) => s1 < e2 && s2 < e1));
    expect(overlaps).toEqual([]);
  });

  it('a SIGKILLed holder is taken over after its lease expired, not before', async () => {
    const ttl = 1500;
    const a = child(['hold', 'takeover', String(ttl)]);
    await waitFor(() => a.lines.some((l) => l.startsWith('acquired')), 10_000);
    const b = child(['hold', 'takeover', String(ttl)]);
    // B keeps trying while A renews: it must not get it
    await new Promise((r) => setTimeout(r, ttl + 300));
    expect(b.lines.filter((l) => l.startsWith('acquired'))).toEqual([]);
    a.proc.kill('SIGKILL');
    await a.exited;
    const repo = createLeaseRepository(drizzle(await openRaw()), { now: () => Date.now() });
    const expiresAt = Date.parse(repo.get('takeover')!.expiresAt);
    await waitFor(() => b.lines.some((l) => l.startsWith('acquired')), ttl + 5_000);
    const tookAt = Number(b.lines.find((l) => l.startsWith('acquired'))!.split(' ')[1]);
    b.proc.kill('SIGKILL');
    await b.exited;
    expect(tookAt).toBeGreaterThanOrEqual(expiresAt);
    expect(tookAt - expiresAt).toBeLessThan(3_000);
  });
});

async function openRaw() {
  const { openDatabase } = await import('../../../src-main/core/db/open');
  return openDatabase({ file: dbFile });
}

describe('lease repository', () => {
  it('renew fails once another holder took the expired lease; release frees it', async () => {
    let now = 1_000_000;
    const repo = createLeaseRepository(drizzle(await openRaw()), { now: () => now });
    expect(repo.tryAcquire('x', 'A', 1000)).toBe(true);
    expect(repo.tryAcquire('x', 'B', 1000)).toBe(false);
    expect(repo.tryAcquire('x', 'A', 1000)).toBe(true); // ours: renewed
    now += 5000;
    expect(repo.tryAcquire('x', 'B', 1000)).toBe(true);
    expect(repo.renew('x', 'A', 1000)).toBe(false);
    repo.release('x', 'A'); // not ours: no effect
    expect(repo.get('x')!.holder).toBe('B');
    repo.release('x', 'B');
    expect(repo.get('x')).toBeUndefined();
    expect(repo.tryAcquire('x', 'A', 1000)).toBe(true);
  });

  it('holdLease renews in the background and signals a lost lease', async () => {
    let now = Date.now();
    const clock = { now: () => now };
    const repo = createLeaseRepository(drizzle(await openRaw()), clock);
    const lease = holdLease(repo, 'bg', 'A', { ttlMs: 60, timers: systemTimers, logger: createMemoryLogger() })!;
    expect(lease).not.toBeNull();
    expect(holdLease(repo, 'bg', 'B', { ttlMs: 60, timers: systemTimers, logger: createMemoryLogger() })).toBeNull();
    // A stops being able to renew once B took over an expired lease
    now += 1000;
    expect(repo.tryAcquire('bg', 'B', 60_000)).toBe(true);
    await waitFor(() => lease.signal.aborted, 2000);
    lease.release();
    expect(repo.get('bg')!.holder).toBe('B');
  });
});
