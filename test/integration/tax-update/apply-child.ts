/**
 * Child process of TAX-kill: opens the core on the given data folder (prepared in 受付停止 with
 * data) with its connection instrumented (test/helpers/write-points.ts) and runs the tax update.
 * With KILL_AT = n it prints the point it reached ("kill {…}") and stops itself with SIGKILL right
 * after point n; with 0 it runs to the end and prints every point ("points […]") and "done".
 *
 * SABOTAGE plants a known bug so the suite can show that it catches it:
 * - split: the apply commits after the re-rated 定期申込 and writes the change list and the 管理者ログ
 *   in a second transaction;
 * - row-outside: the 管理者ログ line is written after the commit, outside the transaction.
 */
import { join } from 'node:path';
import { createCore } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';
import { killAtPoint, reportDone } from '../../helpers/kill-child';

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  // the parent passes drizzle/ because a bundled copy of this script runs from another folder
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
  if (sabotage === 'split') {
    // the rerated prices commit on their own, before the run record and the change rows
    const rerated = repos.subscriptions.rerated;
    const orig = rerated.apply.bind(rerated);
    rerated.apply = (now: string) => {
      orig(now);
      core.db.exec('COMMIT; BEGIN IMMEDIATE');
    };
  } else if (sabotage === 'row-outside') {
    const origWrite = repos.adminLogs.write;
    const origTransaction = repos.transaction;
    let deferred: Parameters<typeof origWrite>[] | null = null;
    repos.adminLogs.write = (...a) => {
      if (deferred) deferred.push(a);
      else origWrite(...a);
    };
    repos.transaction = (fn, opts) => {
      deferred = [];
      try {
        return origTransaction(fn, opts);
      } finally {
        const later = deferred;
        deferred = null;
        for (const a of later) origWrite(...a);
      }
    };
  } else if (sabotage !== 'none') throw new Error(`unknown sabotage ${sabotage}`);
  process.stdout.write('ready\n');
  await core.services.taxUpdate.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true });
  core.close();
  reportDone(kill.points(), 'ok');
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
