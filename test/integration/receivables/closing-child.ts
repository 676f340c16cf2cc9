/**
 * Child process of BILL-kill (bundled once by the test): opens the data folder with its connection
 * instrumented (test/helpers/write-points.ts) and its clock fixed at CLOCK_MS, and runs one 請求締め
 * on DATE. With KILL_AT = n it stops itself with SIGKILL right after point n; with 0 it runs to the
 * end and prints every point.
 *
 * SABOTAGE plants a known bug so the suite can show that it catches it:
 * - split: the closing commits after the first 請求書 and writes the others in a second transaction;
 * - row-outside: the 消込 (allocations) of the closing are written after its commit, in a transaction of their own.
 */
import { createCore } from '../../../src-main/core/create-core';
import { createConsoleLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { killAtPoint, reportDone } from '../../helpers/kill-child';

async function main(): Promise<void> {
  const [dataDir, migrationsDir, killAtText, date, clockText, sabotage = 'none'] = process.argv.slice(2);
  const killAt = Number(killAtText);
  const clockMs = Number(clockText);
  if (!dataDir || !migrationsDir || !date || !Number.isInteger(killAt) || !Number.isFinite(clockMs)) {
    throw new Error('usage: closing-child DATA_DIR MIGRATIONS_DIR KILL_AT DATE CLOCK_MS [SABOTAGE]');
  }
  const k = killAtPoint(killAt);
  const core = await createCore({
    dataDir,
    migrationsDir,
    logger: createConsoleLogger('closing-child', 'error'),
    tokenStore: createMemoryTokenStore(),
    clock: { now: () => clockMs },
    instrumentConnection: k.instrument,
  });
  const r = core.services.receivables;
  if (sabotage === 'split') {
    const orig = r.statements.insert;
    let first = true;
    r.statements.insert = (...a) => {
      if (!first) core.db.exec('COMMIT; BEGIN IMMEDIATE');
      first = false;
      return orig(...a);
    };
    r.billing.close(date);
  } else if (sabotage === 'row-outside') {
    const orig = r.ledger.applyCredits;
    const later: Parameters<typeof orig>[] = [];
    r.ledger.applyCredits = (...a) => {
      later.push(a);
      return [];
    };
    r.billing.close(date);
    core.db.transaction(() => later.forEach((a) => orig(...a))).immediate();
  } else if (sabotage === 'none') r.billing.close(date);
  else throw new Error(`unknown sabotage ${sabotage}`);
  core.close();
  reportDone(k.points(), 'ok');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
