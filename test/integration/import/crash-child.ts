/**
 * Child process of the DB-kill test (bundled once by the test so each start is fast): opens the data folder like the CLI and runs one 出荷取込処理,
 * printing each phase on its own line ("ready", "phase fetching", …, "done") so the parent can kill
 * it with SIGKILL at a random moment, including inside the write transaction.
 */
import { createCore } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createConsoleLogger } from '../../../src-main/core/logging';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const settingId = Number(process.argv[3]);
  const migrationsDir = process.argv[4];
  // a short import lease (docs/import-rules.md#one-run-at-a-time): the parent's next run takes over soon after a kill
  const importLockTtlMs = Number(process.argv[5] ?? '30000');
  if (!dataDir || !Number.isInteger(settingId) || !migrationsDir) throw new Error('usage: crash-child DATA_DIR SETTING_ID MIGRATIONS_DIR');
  const core = await createCore({ dataDir, migrationsDir, logger: createConsoleLogger('crash-child', 'error'), tokenStore: openCliTokenStore(dataDir), importLockTtlMs });
  process.stdout.write('ready\n');
  let last = '';
  const o = await core.services.imports.run({
    settingId,
    dryRun: false,
    trigger: 'cli',
    onProgress: (p) => {
      if (p.phase !== last) {
        last = p.phase;
        // written synchronously so the parent sees "writing" before the transaction starts
        process.stdout.write(`phase ${p.phase}\n`);
      }
    },
  });
  core.close();
  process.stdout.write(`done ${o.status}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
