/**
 * 出荷取込処理 for every EC連携設定, one after another: what the batch schedule's job type
 * 「EC・売上取込処理」 and the tray's 今すぐ取込 run. A setting whose run is already in progress is
 * skipped (not queued twice); one setting's failure does not stop the others.
 */
import { isAppError } from '../../../src-shared/errors';
import type { Repositories } from '../repositories';
import type { ImportService } from './import-service';
import type { ImportOutcome, ImportTrigger } from './run-import';

/** What runs the imports of every setting (the core's Services satisfy it). */
export interface ImportAllDeps {
  imports: ImportService;
  repos: Pick<Repositories, 'ecSettings'>;
}

/** Result per setting: the outcome, or why it did not start (ALREADY_RUNNING, STORE_CLOSED, SETTINGS_INVALID …). */
export type ImportAllResult =
  | { settingId: number; name: string; outcome: ImportOutcome }
  | { settingId: number; name: string; notStarted: { code: string; message: string } };

/**
 * Runs one import per setting; resolves when all are done. `signal` (the scheduler job's, aborted on
 * app quit) stops the running import and starts no further setting.
 */
export async function importAllSettings(deps: ImportAllDeps, trigger: ImportTrigger, signal?: AbortSignal): Promise<ImportAllResult[]> {
  const service = deps.imports;
  const results: ImportAllResult[] = [];
  for (const t of deps.repos.ecSettings.targets()) {
    if (signal?.aborted) break;
    try {
      const { done } = service.start(t.id, { dryRun: false, trigger, signal });
      results.push({ settingId: t.id, name: t.name, outcome: await done });
    } catch (e) {
      if (!isAppError(e)) throw e;
      results.push({ settingId: t.id, name: t.name, notStarted: { code: e.code, message: e.message } });
    }
  }
  return results;
}
