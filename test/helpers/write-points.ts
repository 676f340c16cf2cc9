/**
 * Deterministic crash points at the connection level (docs/reliability.md): wraps one
 * better-sqlite3 connection, in place, so that every statement boundary of the code running on it
 * becomes a numbered *point* the test can act on — stop the process there, or raise a SQLite error
 * before the statement runs. The wrapper sits under every repository and engine (drizzle and the
 * raw hot paths both go through `prepare`, transactions through `transaction`), so a change inside
 * the importer or the tax-update engine needs no change here.
 *
 * Points, in the order they happen:
 * - `before-begin`: a top-level transaction function was called; BEGIN has not run.
 * - `inside`: statement k (1-based) of the open transaction has run; COMMIT has not.
 * - `after-commit`: the transaction function returned; its COMMIT is durable.
 * - `autocommit`: a writing statement outside any transaction has run (its own commit).
 * Reads outside transactions are not points: stopping there cannot change what is on disk.
 *
 * Passed to createCore as `instrumentConnection`; the app never uses it.
 */
import type Database from 'better-sqlite3';

export type PointPhase = 'before-begin' | 'inside' | 'after-commit' | 'autocommit';

export interface WritePoint {
  /** 1-based position among all points of this connection */
  n: number;
  phase: PointPhase;
  /** 1-based number of the top-level transaction (0 for autocommit points) */
  tx: number;
  /** statement number inside the transaction (0 at begin/commit points and autocommit) */
  k: number;
  /** the statement's SQL (empty at begin/commit) */
  sql: string;
}

export interface PointHooks {
  /** called at every point, after it happened; may stop the process */
  onPoint?(p: WritePoint): void;
  /** called before statement k of transaction tx runs; throwing here is a SQLite failure of that statement */
  beforeStatement?(s: { tx: number; k: number; sql: string }): void;
}

type Tx = ((...a: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive' | 'default', (...a: unknown[]) => unknown>;
const VARIANTS = ['deferred', 'immediate', 'exclusive', 'default'] as const;
const RUNNERS = ['run', 'get', 'all', 'iterate'] as const;

/** Instruments `db` in place; returns the list of points seen so far (live). */
export function instrumentPoints(db: Database.Database, hooks: PointHooks): WritePoint[] {
  const seen: WritePoint[] = [];
  let tx = 0;
  let k = 0;
  let depth = 0;
  const point = (phase: PointPhase, sql: string): void => {
    const p: WritePoint = { n: seen.length + 1, phase, tx: phase === 'autocommit' ? 0 : tx, k: phase === 'inside' ? k : 0, sql };
    seen.push(p);
    hooks.onPoint?.(p);
  };

  /** an INSERT … RETURNING reads as a reader to better-sqlite3 but writes */
  const writes = (sql: string, reader: boolean) => !reader || /^\s*(insert|update|delete|replace)\b/i.test(sql);
  const origPrepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = origPrepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown> & { reader: boolean };
    for (const name of RUNNERS) {
      const orig = st[name]!.bind(st);
      st[name] = (...args: unknown[]) => {
        const inside = db.inTransaction && depth > 0;
        if (inside) {
          k++;
          hooks.beforeStatement?.({ tx, k, sql });
        }
        const r = orig(...args);
        if (inside) point('inside', sql);
        else if (writes(sql, st.reader)) point('autocommit', sql);
        return r;
      };
    }
    return st;
  }) as unknown as typeof db.prepare;

  const origTransaction = db.transaction.bind(db);
  db.transaction = ((fn: (...a: unknown[]) => unknown) => {
    const inner = origTransaction((...args: unknown[]) => {
      depth++;
      try {
        return fn(...args);
      } finally {
        depth--;
      }
    }) as unknown as Tx;
    const wrap =
      (variant: (...a: unknown[]) => unknown) =>
      (...args: unknown[]): unknown => {
        // a nested call is a savepoint of the outer transaction, not a boundary of its own
        if (db.inTransaction) return variant(...args);
        tx++;
        k = 0;
        point('before-begin', '');
        const r = variant(...args);
        point('after-commit', '');
        return r;
      };
    const out = wrap(inner) as Tx;
    for (const v of VARIANTS) out[v] = wrap(inner[v]);
    return out;
  }) as typeof db.transaction;
  return seen;
}

/** The SQLite error better-sqlite3 throws for `code` (same shape: an Error with `code`). */
export function sqliteError(code: 'SQLITE_FULL' | 'SQLITE_IOERR' | 'SQLITE_BUSY'): Error {
  const text = { SQLITE_FULL: 'database or disk is full', SQLITE_IOERR: 'disk I/O error', SQLITE_BUSY: 'database is locked' }[code];
  return Object.assign(new Error(text), { code });
}
