/**
 * Child process of DB-kill (bundled once by the test so each start is quick): opens the data folder
 * like the CLI and runs one 出荷取込処理 with its connection instrumented (test/helpers/kill-child.ts, write-points.ts).
 * With KILL_AT = n it prints the point it reached ("kill {…}") and stops itself with SIGKILL right
 * after point n — a deterministic crash at one statement boundary; with 0 it runs to the end and
 * prints every point ("points […]") and "done <status>".
 *
 * SABOTAGE plants a known bug so the suite can show that it catches it:
 * - split: the write transaction commits after the slips and continues in a second transaction
 *   (split-slow: with 1 s between the two, for the kills sent from outside);
 * - cursor-early: the 出荷取込開始日 moves (committed) before the write transaction begins;
 * - row-outside: the run's システムログ lines are written after the commit, outside the transaction.
 */
import { createCore } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createConsoleLogger } from '../../../src-main/core/logging';
import { killAtPoint, reportDone } from '../../helpers/kill-child';

async function main(): Promise<void> {
  const [dataDir, setting, migrationsDir, killAtText, sabotage = 'none', cursorAfter = ''] = process.argv.slice(2);
  const settingId = Number(setting);
  const killAt = Number(killAtText);
  if (!dataDir || !Number.isInteger(settingId) || !migrationsDir || !Number.isInteger(killAt)) {
    throw new Error('usage: crash-child DATA_DIR SETTING_ID MIGRATIONS_DIR KILL_AT [SABOTAGE CURSOR_AFTER]');
  }
  const kill = killAtPoint(killAt);
  const core = await createCore({
    dataDir,
    migrationsDir,
    logger: createConsoleLogger('crash-child', 'error'),
    tokenStore: openCliTokenStore(dataDir),
    instrumentConnection: (db) => kill.instrument(db),
  });
  const repos = core.services.repos;
  const origTransaction = repos.transaction;
  if (sabotage === 'split' || sabotage === 'split-slow') {
    const orig = repos.slips.insertImported;
    repos.slips.insertImported = (...a) => {
      const r = orig(...a);
      core.db.exec('COMMIT');
      // split-slow: the gap between the two halves lasts 1 s, so a kill from outside lands in it
      if (sabotage === 'split-slow') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
      core.db.exec('BEGIN IMMEDIATE');
      return r;
    };
  } else if (sabotage === 'cursor-early') {
    repos.transaction = (fn, opts) => {
      if (opts?.immediate) repos.ecSettings.setCursor(settingId, cursorAfter, core.services.ports.now());
      return origTransaction(fn, opts);
    };
  } else if (sabotage === 'row-outside') {
    const origLogs = repos.importRuns.insertLogs;
    let deferred: Parameters<typeof origLogs>[0][] | null = null;
    repos.importRuns.insertLogs = (entries) => {
      if (deferred) deferred.push(entries);
      else origLogs(entries);
    };
    repos.transaction = (fn, opts) => {
      if (!opts?.immediate) return origTransaction(fn, opts);
      deferred = [];
      try {
        return origTransaction(fn, opts);
      } finally {
        const later = deferred;
        deferred = null;
        for (const e of later) origLogs(e);
      }
    };
  } else if (sabotage !== 'none') throw new Error(`unknown sabotage ${sabotage}`);
  const o = await core.services.imports.run({ settingId, dryRun: false, trigger: 'cli' });
  core.close();
  reportDone(kill.points(), o.status);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
