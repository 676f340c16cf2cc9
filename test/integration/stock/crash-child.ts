/**
 * Child process of STOCK-kill (bundled once by the test): opens the data folder like the CLI with its
 * connection instrumented (test/helpers/write-points.ts) and runs one stock write —
 * `confirm SLIP_ID` (a 確定 that writes ledger rows and enqueues 在庫反映) or `push SETTING_ID` (one
 * push round: claim, stock_before, the BCart write, marking the rows sent). With KILL_AT = n it
 * stops itself with SIGKILL right after point n; with 0 it runs to the end and prints every point.
 *
 * SABOTAGE plants a known bug so the suite can show that it catches it:
 * - confirm/row-outside: the outbox rows are written after the 確定's commit, in a transaction of their own;
 * - confirm/split: the 確定 commits after its ledger rows and writes the rest in a second transaction;
 * - push/read-late: stock_before is recorded after the BCart write returned instead of before it leaves;
 * - push/split-mark: the rows of one send are marked sent in one transaction per product.
 */
import { createCore } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createConsoleLogger } from '../../../src-main/core/logging';
import { killAtPoint, reportDone } from '../../helpers/kill-child';

async function main(): Promise<void> {
  const [dataDir, migrationsDir, killAtText, scenario, idText, sabotage = 'none'] = process.argv.slice(2);
  const killAt = Number(killAtText);
  const id = Number(idText);
  if (!dataDir || !migrationsDir || !Number.isInteger(killAt) || !Number.isInteger(id) || (scenario !== 'confirm' && scenario !== 'push')) {
    throw new Error('usage: crash-child DATA_DIR MIGRATIONS_DIR KILL_AT confirm|push ID [SABOTAGE]');
  }
  const k = killAtPoint(killAt);
  const core = await createCore({
    dataDir,
    migrationsDir,
    logger: createConsoleLogger('stock-crash-child', 'error'),
    tokenStore: openCliTokenStore(dataDir),
    instrumentConnection: k.instrument,
    // a lease that never needs renewing while the child lives (renewals would be points of their own)
    stockPusher: { leaseTtlMs: 600_000, backoff: { baseMs: 1, capMs: 5 } },
    stockClientTiming: { timeoutMs: 20_000, maxRetries: 1, backoffBaseMs: 1, backoffCapMs: 5 },
  });
  const stock = core.services.stock;
  const outbox = stock.repos.outbox;
  if (scenario === 'confirm' && sabotage === 'row-outside') {
    const orig = outbox.enqueue;
    const later: Parameters<typeof orig>[] = [];
    outbox.enqueue = (...a) => {
      later.push(a);
      return a[0].length;
    };
    stock.slips.confirm(id);
    core.db.transaction(() => later.forEach((a) => orig(...a))).immediate();
  } else if (scenario === 'confirm') {
    if (sabotage === 'split') {
      const ledger = stock.repos.ledger;
      const orig = ledger.write;
      ledger.write = (...a) => {
        const r = orig(...a);
        core.db.exec('COMMIT; BEGIN IMMEDIATE');
        return r;
      };
    } else if (sabotage !== 'none') throw new Error(`unknown sabotage ${sabotage}`);
    stock.slips.confirm(id);
  } else {
    if (sabotage === 'read-late') {
      const origRead = outbox.recordRead;
      const origSent = outbox.markSent;
      const later: Parameters<typeof origRead>[] = [];
      outbox.recordRead = (...a) => void later.push(a);
      // the reads land in their own transaction once the write has returned, before it is marked sent
      outbox.markSent = (...a) => {
        if (later.length > 0) {
          for (const r of later.splice(0)) origRead(...r);
          core.db.exec('COMMIT; BEGIN IMMEDIATE');
        }
        origSent(...a);
      };
    } else if (sabotage === 'split-mark') {
      const orig = outbox.markSent;
      let first = true;
      outbox.markSent = (...a) => {
        if (!first) core.db.exec('COMMIT; BEGIN IMMEDIATE');
        first = false;
        orig(...a);
      };
    } else if (sabotage !== 'none') throw new Error(`unknown sabotage ${sabotage}`);
    await stock.pusher.pushNow(id);
  }
  await stock.pusher.stop();
  core.close();
  reportDone(k.points(), 'ok');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
