/**
 * Named leases in the database (schema/leases.ts): "one worker per X across processes" — one stock
 * pusher per EC連携設定 today, the import next. Acquire and renew run in an IMMEDIATE transaction,
 * so two processes can never both see the lease free and both take it. A holder that dies simply
 * stops renewing; its lease is taken over once `expiresAt` passed.
 *
 * Time comes from the injected clock; expiry is compared as epoch milliseconds (the stored value is
 * ISO-8601 with offset for people reading the table).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Clock, Logger, Timers } from '../ports';
import { leases } from './schema/leases';

type Db = BetterSQLite3Database<Record<string, unknown>>;

export type LeaseRow = typeof leases.$inferSelect;

export interface LeaseRepository {
  /** Takes the lease when it is free, expired or already ours (then renews it); true when held now. */
  tryAcquire(name: string, holder: string, ttlMs: number): boolean;
  /** Extends our lease; false when it is no longer ours (expired and taken by another holder). */
  renew(name: string, holder: string, ttlMs: number): boolean;
  /** Gives the lease up if we hold it. */
  release(name: string, holder: string): void;
  get(name: string): LeaseRow | undefined;
}

/** A process-unique holder id: host, pid and a random part (pids are reused). */
export function newLeaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export function createLeaseRepository(db: Db, clock: Clock): LeaseRepository {
  // millisecond precision: leases live for seconds, so second-truncated times would shorten them
  const iso = (ms: number) => `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 23)}+09:00`;
  const get = (name: string): LeaseRow | undefined => db.select().from(leases).where(eq(leases.name, name)).get();
  return {
    tryAcquire(name, holder, ttlMs) {
      return db.transaction(
        (tx) => {
          const now = clock.now();
          const row = tx.select().from(leases).where(eq(leases.name, name)).get();
          if (row && row.holder !== holder && Date.parse(row.expiresAt) > now) return false;
          const values = { holder, expiresAt: iso(now + ttlMs), heartbeatAt: iso(now) };
          if (!row)
            tx.insert(leases)
              .values({ name, ...values, acquiredAt: iso(now) })
              .run();
          else
            tx.update(leases)
              .set(row.holder === holder ? values : { ...values, acquiredAt: iso(now) })
              .where(eq(leases.name, name))
              .run();
          return true;
        },
        { behavior: 'immediate' },
      );
    },
    renew(name, holder, ttlMs) {
      return db.transaction(
        (tx) => {
          const now = clock.now();
          const r = tx
            .update(leases)
            .set({ expiresAt: iso(now + ttlMs), heartbeatAt: iso(now) })
            .where(and(eq(leases.name, name), eq(leases.holder, holder)))
            .run();
          return r.changes === 1;
        },
        { behavior: 'immediate' },
      );
    },
    release(name, holder) {
      db.delete(leases)
        .where(and(eq(leases.name, name), eq(leases.holder, holder)))
        .run();
    },
    get,
  };
}

/** A lease this process holds, renewed in the background until released or lost. */
export interface HeldLease {
  name: string;
  holder: string;
  /** aborts when the lease was lost (a renewal found another holder, or failed) */
  signal: AbortSignal;
  release(): void;
}

export interface HoldOptions {
  ttlMs: number;
  timers: Timers;
  logger: Logger;
}

/**
 * The abort reason of a held lease that could not be renewed (taken over after it expired, or the
 * database refused the renewal): whoever ran under it says so instead of reporting a 中止.
 */
export class LeaseLostError extends Error {
  constructor(readonly leaseName: string) {
    super(`lease ${leaseName} lost`);
    this.name = 'LeaseLostError';
  }
}

/** Acquires `name` and keeps renewing it every ttl/3; null when another live holder has it. */
export function holdLease(repo: LeaseRepository, name: string, holder: string, opts: HoldOptions): HeldLease | null {
  if (!repo.tryAcquire(name, holder, opts.ttlMs)) return null;
  const ac = new AbortController();
  let timer: unknown = null;
  let released = false;
  const beat = (): void => {
    timer = null;
    if (released) return;
    let ok = false;
    try {
      ok = repo.renew(name, holder, opts.ttlMs);
    } catch (e) {
      opts.logger.warn('lease renewal failed', { name, error: e instanceof Error ? e.message : String(e) });
    }
    if (!ok) {
      opts.logger.warn('lease lost', { name });
      ac.abort(new LeaseLostError(name));
      return;
    }
    timer = opts.timers.setTimeout(beat, Math.max(1, Math.floor(opts.ttlMs / 3)));
  };
  timer = opts.timers.setTimeout(beat, Math.max(1, Math.floor(opts.ttlMs / 3)));
  return {
    name,
    holder,
    signal: ac.signal,
    release() {
      if (released) return;
      released = true;
      if (timer !== null) opts.timers.clearTimeout(timer);
      try {
        repo.release(name, holder);
      } catch (e) {
        opts.logger.warn('lease release failed', { name, error: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}
