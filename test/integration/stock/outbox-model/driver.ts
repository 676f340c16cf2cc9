/**
 * OUT-model driver (docs/reliability.md#stock-push): one seed = a random sequence of 入荷 / 在庫移動 確定, 確定取消,
 * re-確定, pushes and buyers' orders, run by a child process that is SIGKILLed between two steps of a
 * command (at a kill point the seed picks: see child.ts), against the simulator with seeded faults
 * (5xx before applying, applied-then-lost, applied-then-5xx, timeouts, broken echoes, 429, buyers
 * ordering mid-request). Then the faults stop, pushes drain the outbox, and an oracle independent
 * of the outbox code checks every set:
 *
 *   BCart final = initial + buyers' orders + Σ changes of slips confirmed at the end (computed here
 *                 from the slips' lines) − Σ ambiguous sends the simulator's journal shows were not applied,
 *
 * no send applied twice (the simulator journals every applied write with its X-Request-Id), every
 * ambiguous item listed, nothing left pending / sending / failed.
 *
 * Nothing depends on when things happen: the steps, faults, kill points and buyers come from the
 * seed, a restarted child's clock (and the simulator's) moves past the dead holder's lease instead
 * of waiting for it, and each seed runs an hour after the previous one on the simulator's clock so
 * an earlier seed's buyers are outside the read-back's order window. A seed run twice makes the same
 * requests with the same faults and kills at the same points (the suite checks this).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../../../src-main/core/create-core';
import { dbHandle } from '../../../../src-main/core/db/db-handle';
import { createOutboxRepository } from '../../../../src-main/core/stock/outbox-repository';
import type { RunningSimulator } from '../../../../src-main/simulator';
import type { FaultKind } from '../../../../src-main/simulator/faults';
import type { WireProductSet } from '../../../../src-main/simulator/wire-types';

export interface ModelContext {
  sim: RunningSimulator;
  /** added to Date.now() by the simulator's clock and the children's */
  clock: { offset: number };
  /** bundled child.ts */
  bundle: string;
  migrationsDir: string;
  /** data folder prepared once (books + token); copied per seed */
  template: string;
  work: string;
  sets: WireProductSet[];
  productOf: Map<number, number>;
  whEc: number;
  wh2: number;
  nodePath: string;
}

export interface SeedResult {
  seed: number;
  steps: number;
  kills: number;
  /** PATCH requests that reached the simulator */
  sends: number;
  /** sends whose answer was lost or broken (the client could not know the outcome) */
  unknown: number;
  /** of those, applied / not applied by the simulator's journal */
  unknownApplied: number;
  unknownNotApplied: number;
  /** outbox items the pusher left ambiguous (listed for 在庫照合) */
  ambiguous: number;
  doubleApplied: number;
  /** kill points where the child was SIGKILLed, in order */
  killedAt: string[];
  /** unknown outcomes the read-back decided (applied / not applied) instead of leaving ambiguous */
  decided: number;
  /** what the simulator saw (method path fault status) and where kills happened: equal for equal seeds */
  trace: string[];
  problems: string[];
}

/**
 * The step boundaries a child can be killed at (child.ts): the command's own, then the push's (its
 * records are transactions too) —
 * the write's twice, as the moments that matter most: claimed and read but not sent, applied but
 * not recorded.
 */
const PUSH_POINTS = [
  'in transaction',
  'before getProductSetsByIds',
  'after getProductSetsByIds',
  'before listProductSets',
  'after listProductSets',
  'before listOrders',
  'after listOrders',
  'before patchProductSetStocks',
  'before patchProductSetStocks',
  'after patchProductSetStocks',
  'after patchProductSetStocks',
];
const OWN_POINTS: Record<string, string[]> = {
  slip: ['saved', 'in transaction', 'confirmed'],
  confirm: ['in transaction', 'confirmed'],
  unconfirm: ['in transaction', 'unconfirmed'],
  push: [],
};

/** The pushers' lease lifetime in the model; a restarted child's clock moves past it. */
const LEASE_TTL_MS = 5_000;
/** Simulator time between two seeds: more than the read-back's order window (10 min). */
const SEED_GAP_MS = 3_600_000;

const UNKNOWN_FAULTS = new Set([
  'apply-then-reset',
  'apply-then-error',
  'apply-then-hang',
  'reset',
  'hang',
  'http-error',
  'truncated',
  'malformed-json',
  'html-maintenance',
]);
export const MODEL_FAULTS: FaultKind[] = [
  'http-error',
  'apply-then-reset',
  'apply-then-error',
  'apply-then-hang',
  'reset',
  'truncated',
  'malformed-json',
  'rate-limit',
  'buyer-order',
];

function rngOf(seed: number) {
  let a = seed >>> 0 || 1;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: string[];
  waiters: ((line: string) => void)[];
  exited: Promise<void>;
}

function startChild(ctx: ModelContext, dir: string, sabotage: Sabotage | undefined): Promise<Child> {
  const flags = [`--clock-offset=${ctx.clock.offset}`, `--lease-ttl=${LEASE_TTL_MS}`, ...(sabotage ? [`--sabotage=${sabotage}`] : [])];
  const proc = spawn(process.execPath, [ctx.bundle, dir, ctx.migrationsDir, ...flags], {
    env: { ...process.env, NODE_PATH: ctx.nodePath },
  });
  const child: Child = { proc, lines: [], waiters: [], exited: new Promise((r) => proc.on('exit', () => r())) };
  let buf = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      child.lines.push(line);
      for (const w of child.waiters.splice(0)) w(line);
    }
  });
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error(`child exited before ready: ${err}`));
    proc.once('exit', onExit);
    const wait = (line: string) => {
      if (line === 'ready') {
        proc.off('exit', onExit);
        resolve(child);
      } else child.waiters.push(wait);
    };
    child.waiters.push(wait);
  });
}

/** Sends one command and waits for its "ok" line, or for the kill point it was told to stop at. */
function command(child: Child, cmd: unknown): Promise<{ ok: unknown } | { killPoint: string }> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error(`child died: ${child.lines.join(' | ')}`));
    child.proc.once('exit', onExit);
    const wait = (line: string) => {
      if (line.startsWith('ok ')) {
        child.proc.off('exit', onExit);
        resolve({ ok: JSON.parse(line.slice(3)) });
      } else if (line.startsWith('kill-point ')) {
        child.proc.off('exit', onExit);
        resolve({ killPoint: line.slice('kill-point '.length) });
      } else child.waiters.push(wait);
    };
    child.waiters.push(wait);
    child.proc.stdin.write(`${JSON.stringify(cmd)}\n`);
  });
}

async function kill(child: Child): Promise<void> {
  child.proc.kill('SIGKILL');
  await child.exited;
}

/** A deliberate bug in the child's client (child.ts): resend an unknown outcome now, or later. */
export type Sabotage = 'resend' | 'retry-later';

export interface SeedOptions {
  sabotage?: Sabotage;
  steps?: number;
  /** fault probability per request (default 0.3) */
  rate?: number;
  kinds?: FaultKind[];
  /** only requests of this method get faults (default all) */
  method?: string;
  /** probability that a step is given a kill point (default 0.3; the step may end before reaching it) */
  killRate?: number;
}

export async function runSeed(ctx: ModelContext, seed: number, opts: SeedOptions = {}): Promise<SeedResult> {
  const rng = rngOf(seed);
  const { sim } = ctx;
  const res: SeedResult = {
    seed,
    steps: 0,
    kills: 0,
    sends: 0,
    unknown: 0,
    unknownApplied: 0,
    unknownNotApplied: 0,
    ambiguous: 0,
    doubleApplied: 0,
    killedAt: [],
    decided: 0,
    trace: [],
    problems: [],
  };
  ctx.clock.offset += SEED_GAP_MS;
  // a fresh shop state for the model's sets
  const initial = new Map<number, number>();
  for (const s of ctx.sets) {
    const v = rng.int(20, 200);
    sim.state.stock.adminSet(s, { stock: v, stockFlag: 0 });
    initial.set(s.id, v);
  }
  const journalStart = sim.state.stock.journal.length;
  const requestStart = sim.state.requests.length;
  const dir = join(ctx.work, `seed-${seed}${opts.sabotage ? `-${opts.sabotage}` : ''}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of [DB_FILE_NAME, 'tokens.json']) copyFileSync(join(ctx.template, f), join(dir, f));
  sim.faults.clear();
  sim.faults.random({
    seed,
    rate: opts.rate ?? 0.3,
    kinds: opts.kinds ?? MODEL_FAULTS,
    retryAfterMax: 0,
    path: '/',
    ...(opts.method ? { method: opts.method } : {}),
  });

  let child = await startChild(ctx, dir, opts.sabotage);
  const known: number[] = [];
  // slip ids the child reported (a killed child may have created one before dying)
  const learn = (c: Child) => {
    for (const l of c.lines.splice(0)) {
      const m = /^created (\d+)$/.exec(l);
      if (m && !known.includes(Number(m[1]))) known.push(Number(m[1]));
    }
  };
  const steps = opts.steps ?? rng.int(8, 14);
  for (let i = 0; i < steps; i++) {
    res.steps++;
    const r = rng.next();
    const lines = (): [number, number][] =>
      ctx.sets.filter(() => rng.next() < 0.5).map((s) => [ctx.productOf.get(s.id)!, rng.int(1, 9)] as [number, number]);
    let cmd: Record<string, unknown>;
    if (r < 0.4) {
      const ls = lines();
      const transfer = rng.next() < 0.4;
      const out = transfer && rng.next() < 0.5;
      cmd = {
        op: 'slip',
        kind: transfer ? 'transfer' : 'receipt',
        from: out ? ctx.wh2 : ctx.whEc,
        to: transfer ? (out ? ctx.whEc : ctx.wh2) : null,
        lines: ls.length > 0 ? ls : [[ctx.productOf.get(ctx.sets[0]!.id)!, 1]],
        push: rng.next() < 0.7,
      };
    } else if (r < 0.55 && known.length > 0) {
      cmd = { op: 'unconfirm', id: rng.pick(known), push: rng.next() < 0.5 };
    } else if (r < 0.65 && known.length > 0) {
      cmd = { op: 'confirm', id: rng.pick(known), push: rng.next() < 0.5 };
    } else {
      cmd = { op: 'push' };
    }
    if (rng.next() < 0.15) sim.state.buyerOrder(rng.pick(ctx.sets).id, rng.int(1, 3));
    // a kill point: one of the command's step boundaries (the step may end without reaching it)
    if (rng.next() < (opts.killRate ?? 0.3)) {
      const op = cmd['op'] as string;
      const labels = [...OWN_POINTS[op]!, ...(op === 'push' || cmd['push'] === true ? PUSH_POINTS : [])];
      if (labels.length > 0) cmd['killAt'] = { label: rng.pick(labels), nth: rng.next() < 0.8 ? 1 : 2 };
    }
    const r2 = await command(child, cmd);
    learn(child);
    if ('killPoint' in r2) {
      await kill(child);
      res.kills++;
      res.killedAt.push(r2.killPoint);
      res.trace.push(`kill ${i} ${r2.killPoint}`);
      ctx.clock.offset += LEASE_TTL_MS + 1_000;
      child = await startChild(ctx, dir, opts.sabotage);
    } else {
      const out = r2.ok as { id?: number };
      if (typeof out.id === 'number' && !known.includes(out.id)) known.push(out.id);
    }
  }
  // the faults stop; pushes until everything is sent (a row put back to pending waits for the next round)
  sim.faults.clear();
  for (let i = 0; ; i++) {
    const r = (await command(child, { op: 'push' })) as { ok: { pending: number; busy: number[] } };
    if (r.ok.busy.length > 0) {
      res.problems.push(`the lease of a killed child was not taken over: ${JSON.stringify(r.ok)}`);
      break;
    }
    if (r.ok.pending === 0) break;
    if (i === 20) {
      res.problems.push(`the outbox did not drain without faults: ${JSON.stringify(r.ok)}`);
      break;
    }
  }
  child.proc.stdin.end();
  await child.exited;
  check(ctx, dir, res, initial, journalStart, requestStart);
  return res;
}

/** The oracle: see the module header. */
function check(
  ctx: ModelContext,
  dir: string,
  res: SeedResult,
  initial: Map<number, number>,
  journalStart: number,
  requestStart: number,
): void {
  const { sim } = ctx;
  const journal = sim.state.stock.journal.slice(journalStart);
  const requests = sim.state.requests.slice(requestStart);
  for (const r of requests) res.trace.push(`${r.method} ${r.path} ${r.fault ?? '-'} ${r.status}`);
  const patches = requests.filter((r) => r.method === 'PATCH');
  res.sends = patches.length;
  const applied = new Map<string, number>();
  for (const e of journal) {
    if (e.source !== 'api') continue;
    if (e.requestId === null) res.problems.push(`set ${e.setId}: a write without X-Request-Id was applied`);
    const key = `${e.requestId}|${e.setId}`;
    applied.set(key, (applied.get(key) ?? 0) + 1);
  }
  for (const n of applied.values()) if (n > 1) res.doubleApplied += n - 1;
  for (const p of patches) {
    if (!p.fault || !UNKNOWN_FAULTS.has(p.fault)) continue;
    res.unknown++;
    if ([...applied.keys()].some((k) => k.startsWith(`${p.requestId}|`))) res.unknownApplied++;
    else res.unknownNotApplied++;
  }

  const db = new Database(join(dir, DB_FILE_NAME), { readonly: true });
  try {
    const slips = db.prepare('select id, kind, warehouse_id as w, to_warehouse_id as t, confirmed from stock_slips').all() as {
      id: number;
      kind: string;
      w: number;
      t: number | null;
      confirmed: number;
    }[];
    const lineStmt = db.prepare('select product_id as p, quantity as q from stock_slip_lines where slip_id = ?');
    const confirmedDelta = new Map<number, number>();
    for (const s of slips) {
      if (!s.confirmed) continue;
      for (const l of lineStmt.all(s.id) as { p: number; q: number }[]) {
        // the 連携倉庫's side of the slip, computed here from its lines
        const sign =
          (s.kind === 'receipt' && s.w === ctx.whEc ? 1 : 0) +
          (s.kind === 'transfer' && s.w === ctx.whEc ? -1 : 0) +
          (s.kind === 'transfer' && s.t === ctx.whEc ? 1 : 0);
        confirmedDelta.set(l.p, (confirmedDelta.get(l.p) ?? 0) + sign * l.q);
      }
    }
    const outbox = createOutboxRepository(dbHandle(db));
    const listed = new Set(outbox.list({}).map((r) => r.id));
    const rows = db.prepare('select id, product_id as p, delta, status, claim_id as claim from stock_outbox').all() as {
      id: number;
      p: number;
      delta: number;
      status: string;
      claim: string | null;
    }[];
    for (const r of rows) {
      if (r.status === 'pending' || r.status === 'sending' || r.status === 'failed') res.problems.push(`outbox ${r.id}: left ${r.status}`);
      if (r.status === 'ambiguous' && !listed.has(r.id)) res.problems.push(`outbox ${r.id}: ambiguous but not listed`);
    }
    // an unknown outcome the read-back settled leaves no ambiguous row carrying its request id
    const ambiguousClaims = new Set(rows.filter((r) => r.status === 'ambiguous').map((r) => r.claim));
    res.decided = patches.filter((p) => p.fault && UNKNOWN_FAULTS.has(p.fault) && !ambiguousClaims.has(p.requestId ?? '')).length;
    for (const s of ctx.sets) {
      const p = ctx.productOf.get(s.id)!;
      const amb = rows.filter((r) => r.p === p && r.status === 'ambiguous');
      res.ambiguous += amb.length;
      // ambiguous sends the journal shows were never applied explain a shortfall, nothing else does
      const byClaim = new Map<string, number>();
      for (const r of amb) byClaim.set(r.claim ?? '', (byClaim.get(r.claim ?? '') ?? 0) + r.delta);
      let missing = 0;
      for (const [claim, delta] of byClaim) if (!applied.has(`${claim}|${s.id}`)) missing += delta;
      const buyers = journal
        .filter((e) => e.setId === s.id && (e.source === 'order' || e.source === 'cancel'))
        .reduce((sum, e) => sum + (e.op.kind === 'add' ? e.op.delta : 0), 0);
      const expected = initial.get(s.id)! + buyers + (confirmedDelta.get(p) ?? 0) - missing;
      const final = sim.state.getSet(s.id)!.stock;
      if (final !== expected) {
        res.problems.push(
          `set ${s.id}: BCart ${final} ≠ expected ${expected} (initial ${initial.get(s.id)}, buyers ${buyers}, confirmed ${confirmedDelta.get(p) ?? 0}, ambiguous not applied ${missing})`,
        );
      }
    }
  } finally {
    db.close();
  }
  if (res.doubleApplied > 0) res.problems.push(`${res.doubleApplied} write(s) applied twice`);
}
