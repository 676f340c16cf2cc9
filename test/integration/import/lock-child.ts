/**
 * Child process of the import-lock test (bundled once by the test): opens the data folder like the
 * CLI with a short import lease, runs one 出荷取込処理 and prints "ready", each phase, then
 * "done <status>" — or "refused <code> <message>" when the run could not start.
 */
import { createCore } from '../../../src-main/core/create-core';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { createConsoleLogger } from '../../../src-main/core/logging';
import { AppError } from '../../../src-shared/errors';

async function main(): Promise<void> {
  const [dataDir, settingArg, migrationsDir, ttlArg] = process.argv.slice(2);
  const settingId = Number(settingArg);
  if (!dataDir || !Number.isInteger(settingId) || !migrationsDir) throw new Error('usage: lock-child DATA_DIR SETTING_ID MIGRATIONS_DIR TTL_MS');
  const core = await createCore({
    dataDir,
    migrationsDir,
    logger: createConsoleLogger('lock-child', 'error'),
    tokenStore: openCliTokenStore(dataDir),
    importLockTtlMs: Number(ttlArg),
  });
  process.stdout.write('ready\n');
  let last = '';
  try {
    const o = await core.services.imports.run({
      settingId,
      dryRun: false,
      trigger: 'cli',
      client: { timeoutMs: 60_000, maxRetries: 0 },
      onProgress: (p) => {
        if (p.phase !== last) {
          last = p.phase;
          process.stdout.write(`phase ${p.phase}\n`);
        }
      },
    });
    process.stdout.write(`done ${o.status}\n`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    process.stdout.write(`refused ${e.code} ${e.message}\n`);
  } finally {
    core.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
