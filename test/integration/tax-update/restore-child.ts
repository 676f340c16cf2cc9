/**
 * Child process of TAX-restore-kill: opens the core on the given data folder (a run applied, its
 * backup beside it) with its connection instrumented (test/helpers/write-points.ts) and restores
 * the run. With KILL_AT = n it prints the point it reached ("kill {…}") and stops itself with
 * SIGKILL right after point n; with 0 it runs to the end and prints every point ("points […]").
 *
 * SABOTAGE plants a known bug so the suite can show that it catches it:
 * - log-after: the restore's 管理者ログ line is written after the restore committed, on its own;
 * - split: the 定期申込 are restored and committed first, the run is marked restored and logged in
 *   a second transaction.
 */
import { join } from 'node:path';
import { createCore } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { killAtPoint, reportDone } from '../../helpers/kill-child';

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  const migrationsDir = process.argv[3] ?? join(__dirname, '..', '..', '..', 'drizzle');
  const killAt = Number(process.argv[4] ?? '0');
  const sabotage = process.argv[5] ?? 'none';
  const kill = killAtPoint(killAt);
  const core = await createCore({
    dataDir,
    migrationsDir,
    logger: createMemoryLogger(),
    tokenStore: createMemoryTokenStore(),
    instrumentConnection: (db) => kill.instrument(db),
  });
  const repos = core.services.repos;
  const deferred: Parameters<typeof repos.adminLogs.write>[] = [];
  if (sabotage === 'log-after') {
    const origWrite = repos.adminLogs.write;
    repos.adminLogs.write = (...a) => {
      if (a[0] === 'taxUpdate.restore') deferred.push(a);
      else origWrite(...a);
    };
    const origRestore = core.services.taxUpdate.restore;
    core.services.taxUpdate.restore = (runId) => {
      const r = origRestore(runId);
      for (const a of deferred) origWrite(...a);
      return r;
    };
  } else if (sabotage === 'split') {
    const subs = repos.subscriptions;
    const origRestore = subs.restoreFromBackup.bind(subs);
    subs.restoreFromBackup = (file, alsoInTransaction) => {
      origRestore(file, () => undefined);
      repos.transaction(alsoInTransaction);
    };
  } else if (sabotage !== 'none') throw new Error(`unknown sabotage ${sabotage}`);
  const run = repos.taxUpdate.listRuns()[0]!;
  core.services.taxUpdate.restore(run.id);
  core.close();
  reportDone(kill.points(), 'ok');
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
