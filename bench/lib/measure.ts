/**
 * How every benchmark in bench/ measures (issue #17's reporting rules):
 *  - each figure is a median of ≥ 5 measured runs after one unrecorded warm-up run;
 *  - the baseline and the subject are interleaved (alternating which goes first), so a burst of
 *    load from other processes hits both sides rather than one;
 *  - a figure is printed beside its target as OK / MISSED;
 *  - peak RSS is that of a child process that runs only the phase (`runPhase`), so it is the
 *    phase's own peak, not whatever the parent process held earlier.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

export const REPS_DEFAULT = 5;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "1.23 / 1.25 / 1.31" — the single runs behind a median, so the spread shows */
export const spread = (xs: readonly number[], digits = 0): string => xs.map((x) => x.toFixed(digits)).join(' / ');

/** `label: value (target ≤ limit) OK|MISSED` */
export function verdict(label: string, value: number, limit: number, unit: string, digits = 2): { line: string; ok: boolean } {
  const ok = value <= limit;
  return { ok, line: `${label}: ${value.toFixed(digits)}${unit} (target ≤ ${limit}${unit}) ${ok ? 'OK' : 'MISSED'}` };
}

export const loadLine = (): string =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;

/**
 * Runs `reps` measured rounds after one warm-up round; each round runs baseline and subject, in
 * alternating order. Returns the measured values of both sides.
 */
export async function interleaved<T>(
  reps: number,
  baseline: (round: number) => Promise<T> | T,
  subject: (round: number) => Promise<T> | T,
): Promise<{ baseline: T[]; subject: T[] }> {
  const out = { baseline: [] as T[], subject: [] as T[] };
  for (let r = -1; r < reps; r++) {
    const pair: [keyof typeof out, (round: number) => Promise<T> | T][] = [
      ['baseline', baseline],
      ['subject', subject],
    ];
    if (r % 2 !== 0) pair.reverse();
    for (const [side, fn] of pair) {
      const v = await fn(r);
      if (r >= 0) out[side].push(v);
    }
  }
  return out;
}

/** What a phase child reports. */
export interface PhaseResult {
  /** wall time of the phase itself */
  ms: number;
  /** user + system CPU of the phase */
  cpuMs: number;
  /** peak RSS of the child (the phase plus the child's start-up, which `startRssMb` shows) */
  peakRssMb: number;
  /** RSS just before the phase started */
  startRssMb: number;
  /** anything the phase wants to hand back (counts, a hash) */
  info: Record<string, unknown>;
}

const MARK = 'PHASE-RESULT ';

/**
 * Child side: measures `fn` and prints its result for `runPhase`. The peak is the child's
 * maxRSS: everything else the child held is its start-up (shown as startRssMb).
 */
export async function phaseMain(fn: () => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const info = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const result: PhaseResult = { ms, cpuMs: (c.user + c.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb, info };
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
}

/** Parent side: runs `file` with `args` in a fresh Node process (tsx, --expose-gc) and returns its PhaseResult. */
export function runPhase(file: string, args: readonly string[]): PhaseResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith(MARK));
  if (r.status !== 0 || line === undefined) throw new Error(`phase ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(MARK.length)) as PhaseResult;
}
