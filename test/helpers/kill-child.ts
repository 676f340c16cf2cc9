/**
 * The parent side of a crash-point suite (docs/reliability.md): bundles a child script once, runs it
 * to its end (kill point 0: it prints every point it passed) or until it stops itself with SIGKILL
 * right after point n (test/helpers/write-points.ts), and sweeps many kill points with a bounded
 * number of children at a time. Children print `kill {point}` just before dying, `points [...]` and
 * `done <text>` at the end; the child side is `killAtPoint` below.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { instrumentPoints, type PointHooks, type WritePoint } from './write-points';

const ROOT = join(__dirname, '..', '..');

/** Bundles `entry` beside node_modules (the child resolves better-sqlite3 from there); returns the bundle's path. */
export function bundleChild(entry: string, name: string): string {
  const dir = join(ROOT, 'test-output', 'tmp');
  mkdirSync(dir, { recursive: true });
  // the pid keeps two test runs of the same suite (two worktrees, two vitest runs) apart
  const out = join(dir, `${name}-${process.pid}.cjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return out;
}

export interface ChildResult {
  /** the point the child stopped at (null: it ran to the end) */
  kill: WritePoint | null;
  points: WritePoint[];
  /** the text after `done ` (null: it never got there) */
  done: string | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns a bundled child; `onOut` sees the stdout read so far as it grows. Resolves on 'close', when all its output has been read. */
function spawnChild(
  bundle: string,
  args: string[],
  onOut: (out: string, kill: () => void) => void = () => undefined,
): Promise<{ out: string; stderr: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      onOut(out, () => child.kill('SIGKILL'));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ out, stderr, signal }));
  });
}

const lineOf = (out: string, prefix: string): string | null =>
  out
    .split('\n')
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length) ?? null;

/** Runs a bundled child with `args` to its end or until it stops itself. */
export async function runChild(bundle: string, args: string[]): Promise<ChildResult> {
  const { out, stderr, signal } = await spawnChild(bundle, args);
  const kill = lineOf(out, 'kill ');
  const points = lineOf(out, 'points ');
  return {
    kill: kill ? (JSON.parse(kill) as WritePoint) : null,
    points: points ? (JSON.parse(points) as WritePoint[]) : [],
    done: lineOf(out, 'done '),
    signal,
    stdout: out,
    stderr,
  };
}

/**
 * Child side: instruments the connection; at point `killAt` prints it and stops the process with
 * SIGKILL. `killAt` < 0 streams instead: every point is printed (`at n`) as it happens and the child
 * runs on until the parent kills it from outside (`runChildKilledOnPoint`).
 */
export function killAtPoint(
  killAt: number,
  hooks: Omit<PointHooks, 'onPoint'> = {},
): { instrument(db: Database.Database): void; points(): WritePoint[] } {
  let points: WritePoint[] = [];
  return {
    instrument(db) {
      points = instrumentPoints(db, {
        ...hooks,
        onPoint: (p) => {
          // synchronous on a pipe: a point printed has happened, one not printed may have too
          if (killAt < 0) writeSync(1, `at ${p.n}\n`);
          if (p.n !== killAt) return;
          // written synchronously: the line is in the pipe before the process dies
          writeSync(1, `kill ${JSON.stringify({ ...p, sql: p.sql.slice(0, 200) })}\n`);
          process.kill(process.pid, 'SIGKILL');
        },
      });
    },
    points: () => points,
  };
}

/**
 * Runs a streaming child (kill point < 0) and stops it with SIGKILL from outside once it has printed
 * point `trigger`, after `delayMs` more (0: as soon as the parent reads the line). The parent reacts
 * asynchronously, so the child has moved on by a random amount — into the next statements, or the
 * middle of one. `lastPoint` is the last point the child printed before it died (0: none).
 */
export async function runChildKilledOnPoint(
  bundle: string,
  args: string[],
  trigger: number,
  delayMs: number,
): Promise<ChildResult & { lastPoint: number }> {
  const seen = new RegExp(`^at ${trigger}$`, 'm');
  let fired = false;
  const { out, stderr, signal } = await spawnChild(bundle, args, (sofar, kill) => {
    if (fired || !seen.test(sofar)) return;
    fired = true;
    if (delayMs <= 0) kill();
    else setTimeout(kill, delayMs);
  });
  const ats = [...out.matchAll(/^at (\d+)$/gm)].map((m) => Number(m[1]));
  return { kill: null, points: [], done: lineOf(out, 'done '), signal, stdout: out, stderr, lastPoint: ats.length > 0 ? ats[ats.length - 1]! : 0 };
}

/** Child side: the closing lines the parent reads. */
export function reportDone(points: WritePoint[], text: string): void {
  writeSync(1, `points ${JSON.stringify(points.map((p) => ({ ...p, sql: p.sql.slice(0, 200) })))}\n`);
  writeSync(1, `done ${text}\n`);
}

/** Where a kill landed relative to one transaction (its before-begin and after-commit points). */
export type Landing = 'before BEGIN' | 'inside' | 'after COMMIT';
export const landingOf = (n: number, w: { begin: number; commit: number }): Landing =>
  n <= w.begin ? 'before BEGIN' : n < w.commit ? 'inside' : 'after COMMIT';

/** The transaction whose statements include one matching `sql` (the first such). */
export function txOf(points: WritePoint[], sql: RegExp, nth = 1): { tx: number; begin: number; commit: number } {
  const txs = [...new Set(points.filter((p) => p.phase === 'inside' && sql.test(p.sql)).map((p) => p.tx))];
  const tx = txs[nth - 1];
  const begin = points.find((p) => p.tx === tx && p.phase === 'before-begin')?.n;
  const commit = points.find((p) => p.tx === tx && p.phase === 'after-commit')?.n;
  if (tx === undefined || begin === undefined || commit === undefined) throw new Error(`no transaction writing ${sql} among the points`);
  return { tx, begin, commit };
}

/** Did the kill land on the point planned (same phase, transaction and statement number)? */
export function landedProblem(r: ChildResult, planned: WritePoint | undefined): string | null {
  if (r.signal !== 'SIGKILL' || !r.kill) return `not killed (signal ${r.signal}, ${r.stderr.trim().slice(0, 300)})`;
  if (!planned || r.kill.phase !== planned.phase || r.kill.tx !== planned.tx || r.kill.k !== planned.k)
    return `landed on ${JSON.stringify(r.kill)}, planned ${JSON.stringify(planned)}`;
  return null;
}

/** Runs `check` for every n, `parallel` at a time; results sorted by n. */
export async function sweep<R>(ns: number[], parallel: number, check: (n: number) => Promise<R>): Promise<(R & { n: number })[]> {
  const results: (R & { n: number })[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ns.length) {
      const n = ns[next++]!;
      results.push({ n, ...(await check(n)) });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return results.sort((a, b) => a.n - b.n);
}

/** "landed {…}" counts per landing. */
export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}
