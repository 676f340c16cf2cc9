/**
 * Child process of the lease test: opens the database file and contends for one lease.
 *   cycle NAME TTL_MS RUN_MS  — for RUN_MS: acquire, hold ~TTL/2 (renewing), release, pause; prints
 *                              "held <acquiredMs> <releasedMs>" per holding
 *   hold  NAME TTL_MS         — acquires (waiting while someone else holds it), prints "acquired <ms>",
 *                              then holds and renews until killed
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createLeaseRepository, holdLease, newLeaseHolder } from '../../../src-main/core/db/lease-repository';
import { openDatabase } from '../../../src-main/core/db/open';
import { createConsoleLogger } from '../../../src-main/core/logging';
import { systemClock, systemTimers } from '../../../src-main/core/ports';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const [file, mode, name, ttlArg, runArg] = process.argv.slice(2);
  const ttlMs = Number(ttlArg);
  const db = openDatabase({ file: file! });
  const repo = createLeaseRepository(drizzle(db), systemClock);
  const holder = newLeaseHolder();
  const logger = createConsoleLogger('lease-child', 'error');
  if (mode === 'hold') {
    for (;;) {
      const lease = holdLease(repo, name!, holder, { ttlMs, timers: systemTimers, logger });
      if (lease) {
        process.stdout.write(`acquired ${Date.now()}\n`);
        await new Promise(() => undefined); // until SIGKILL
      }
      await sleep(10);
    }
  }
  const end = Date.now() + Number(runArg);
  while (Date.now() < end) {
    const lease = holdLease(repo, name!, holder, { ttlMs, timers: systemTimers, logger });
    if (!lease) {
      await sleep(3);
      continue;
    }
    const acquired = Date.now();
    await sleep(ttlMs / 2);
    if (lease.signal.aborted) throw new Error('lease lost while holding it');
    const released = Date.now();
    lease.release();
    process.stdout.write(`held ${acquired} ${released}\n`);
    await sleep(1 + (process.pid % 7));
  }
  db.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
