/**
 * Child process of the crash test: opens the core on the given data folder and runs the tax
 * update (the folder is prepared in 受付停止 with data). Prints "ready" before apply and "done"
 * after, so the parent can SIGKILL it at a random moment in between.
 */
import { join } from 'node:path';
import { createCore } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { PRESET_2019 } from '../../../src-shared/tax-update/types';
import { TAX_UPDATE_CHECKLIST_IDS } from '../../../src-shared/tax-update/checklist';

async function main(): Promise<void> {
  const dataDir = process.argv[2]!;
  // the parent passes drizzle/ because a bundled copy of this script runs from another folder
  const migrationsDir = process.argv[3] ?? join(__dirname, '..', '..', '..', 'drizzle');
  const core = await createCore({
    dataDir,
    migrationsDir,
    logger: createMemoryLogger(),
    tokenStore: createMemoryTokenStore(),
  });
  const service = core.services.taxUpdate;
  process.stdout.write('ready\n');
  await service.apply({ eventId: PRESET_2019.id, rounding: 'round', checked: TAX_UPDATE_CHECKLIST_IDS, understood: true });
  core.close();
  process.stdout.write('done\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
