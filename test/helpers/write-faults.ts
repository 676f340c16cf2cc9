/**
 * Faults inside a write (docs/reliability.md): raises a SQLite error — disk full, I/O error, locked —
 * before statement k of one feature's write transaction (test/helpers/write-points.ts) and checks
 * that the operation, called the way the screen calls it (`dispatch`), fails whole: the error fired
 * once, the answer is the Japanese message for that failure, what the write owns is exactly as
 * before, and the same operation without the fault then converges to the uninterrupted result.
 *
 * The write transaction is found in an uninterrupted reference run by a statement only it runs; the
 * faulted runs arm the same transaction by its position after the operation starts (the code is
 * deterministic for the same data folder and clock). The import has its own suite
 * (test/integration/import/write-faults.test.ts); this serves the other writes.
 */
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { instrumentPoints, sqliteError, type WritePoint } from './write-points';

export const SQLITE_FAULTS = [
  { code: 'SQLITE_FULL', says: '空き容量' },
  { code: 'SQLITE_IOERR', says: '読み書き中にエラー' },
  { code: 'SQLITE_BUSY', says: '使用中' },
] as const;
export type SqliteFault = (typeof SQLITE_FAULTS)[number];

/** One feature's write, on a fresh copy of its prepared data folder per call of `open`. */
export interface FaultTarget {
  /** opens a copy with `instrument` on its connection; `sabotage` plants the feature's split-transaction bug */
  open(instrument: (db: Database.Database) => void, sabotage: boolean): Promise<OpenTarget>;
  /** what the write owns, as text (times left out) */
  writeSet(db: Database.Database): string;
  /** a statement that only the write transaction runs */
  txSql: RegExp;
}

export interface OpenTarget {
  db: Database.Database;
  /** the operation as the screen runs it: ok, or the message the clerk reads */
  run(): Promise<{ ok: boolean; message: string }>;
  /** anything else a failed run must not leave behind (e.g. a backup file of a run that did not happen) */
  leftovers?(): string[];
  close(): void;
}

export interface WriteReference {
  before: string;
  after: string;
  /** statements inside the write transaction */
  statements: number;
  /** the write transaction's position among the transactions the operation opens (1 = the first) */
  txOffset: number;
}

const maxTx = (points: readonly WritePoint[]) => points.reduce((m, p) => Math.max(m, p.tx), 0);

/** The uninterrupted run: the write's size and position, and the state before and after. */
export async function referenceWrite(target: FaultTarget): Promise<WriteReference> {
  let points: WritePoint[] = [];
  const t = await target.open((db) => void (points = instrumentPoints(db, {})), false);
  try {
    const before = target.writeSet(t.db);
    const from = points.length;
    const startTx = maxTx(points);
    const r = await t.run();
    if (!r.ok) throw new Error(`the reference run failed: ${r.message}`);
    const txs = new Set(points.slice(from).filter((p) => p.phase === 'inside' && target.txSql.test(p.sql)).map((p) => p.tx));
    if (txs.size !== 1) throw new Error(`${txs.size} transactions run ${target.txSql}`);
    const [tx] = [...txs];
    const statements = points.filter((p) => p.phase === 'inside' && p.tx === tx).length;
    return { before, after: target.writeSet(t.db), statements, txOffset: tx! - startTx };
  } finally {
    t.close();
  }
}

/** One run with `fault` before statement k of the write; returns what went wrong (empty: all held). */
export async function faultedWrite(target: FaultTarget, ref: WriteReference, fault: SqliteFault, k: number, sabotage = false): Promise<string[]> {
  let points: WritePoint[] = [];
  let armedTx = -1;
  let fired = 0;
  const t = await target.open(
    (db) =>
      void (points = instrumentPoints(db, {
        beforeStatement: (s) => {
          if (s.tx !== armedTx || s.k !== k) return;
          fired++;
          throw sqliteError(fault.code);
        },
      })),
    sabotage,
  );
  const where = `${fault.code} at statement ${k}/${ref.statements}`;
  const problems: string[] = [];
  try {
    if (target.writeSet(t.db) !== ref.before) throw new Error('the copy does not start from the reference state');
    armedTx = maxTx(points) + ref.txOffset;
    const r = await t.run();
    armedTx = -1;
    if (fired !== 1) problems.push(`${where}: the fault fired ${fired} times`);
    if (r.ok) problems.push(`${where}: the operation reported success`);
    else if (!r.message.includes(fault.says)) problems.push(`${where}: message "${r.message}"`);
    if (target.writeSet(t.db) !== ref.before) problems.push(`${where}: the data is not the state before the operation`);
    for (const l of t.leftovers?.() ?? []) problems.push(`${where}: left behind ${l}`);
    const again = await t.run();
    if (!again.ok) problems.push(`${where}: the run without the fault failed: ${again.message}`);
    else if (target.writeSet(t.db) !== ref.after) problems.push(`${where}: the run without the fault did not converge to the uninterrupted result`);
  } finally {
    t.close();
  }
  return problems;
}

/** `npm test`: the first, a middle and the last statement; `npm run test:faults`: every statement. */
export const faultPoints = (statements: number, full: boolean): number[] =>
  full ? Array.from({ length: statements }, (_, i) => i + 1) : [...new Set([1, Math.ceil(statements / 2), statements])];

/** Every fault at every point in `ks`; the summary line the suite prints and the problems found. */
export async function faultSweep(name: string, target: FaultTarget, ref: WriteReference, ks: readonly number[]): Promise<{ line: string; problems: string[] }> {
  const problems: string[] = [];
  let runs = 0;
  for (const f of SQLITE_FAULTS)
    for (const k of ks) {
      runs++;
      problems.push(...(await faultedWrite(target, ref, f, k)));
    }
  return {
    line:
      `${name}: ${runs} runs (${SQLITE_FAULTS.map((f) => f.code).join('/')} × statements ${ks.join(',')} of ${ref.statements}); ` +
      `invariants: fault fired once, operation failed with the Japanese message, data unchanged, nothing left behind, a run without the fault converges; violations ${problems.length}`,
    problems,
  };
}

/** The split-transaction sabotage at points after the split: how many of them the suite catches. */
export async function sabotageSweep(name: string, target: FaultTarget, ref: WriteReference, ks: readonly number[]): Promise<{ line: string; caught: number }> {
  const caught: number[] = [];
  for (const k of ks) if ((await faultedWrite(target, ref, SQLITE_FAULTS[0], k, true)).length > 0) caught.push(k);
  return { line: `${name} sabotage split: caught in ${caught.length} of ${ks.length} fault points (statements ${caught.join(',')})`, caught: caught.length };
}

/**
 * The whole suite for one write: the reference (its "after" must be `expectedAfter`, the suite's own
 * reference state), every fault at the points of `faultPoints`, and the split sabotage at the last
 * two statements, which must be caught. Prints both lines.
 */
export async function writeFaultSuite(name: string, target: FaultTarget, expectedAfter: string, full: boolean): Promise<void> {
  const ref = await referenceWrite(target);
  expect(ref.after).toBe(expectedAfter);
  const r = await faultSweep(name, target, ref, faultPoints(ref.statements, full));
  console.log(r.line);
  expect(r.problems).toEqual([]);
  const s = await sabotageSweep(name, target, ref, [ref.statements - 1, ref.statements]);
  console.log(s.line);
  expect(s.caught).toBeGreaterThan(0);
}
