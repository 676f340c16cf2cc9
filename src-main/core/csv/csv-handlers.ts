/**
 * IPC handlers `csv:import` / `csv:export` for every master, and `csv:cancel` (中止) of any CSV取込
 * in progress. Bytes arrive and leave as base64. 商品 imports are refused while 受付停止 (the tax
 * update reads products) — checked again right before the write, since reading a large file lets
 * other calls run in between.
 */
import type { CsvMaster } from '../../../src-shared/csv/master-csv';
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { CorePorts } from '../ports';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import type { CsvJobs } from './csv-jobs';
import { csvDownloadOf } from './csv-write';
import { masterCsvDef } from './master-csv-columns';
import { writeMasterCsv } from './master-csv-export';
import { importMasterCsv } from './master-csv-import';

export interface CsvHandlerDeps {
  repos: Repositories;
  storeMode: StoreMode;
  events: EventBus;
  /** CSV取込 in progress (progress events, 中止), shared with the 定期申込 import */
  csvJobs: CsvJobs;
  ports: Pick<CorePorts, 'logger' | 'now'>;
  /** per master, the check an update of an existing record must pass (the one its form update uses) */
  updateGuards?: Partial<Record<CsvMaster, (id: number, values: Record<string, unknown>) => void>>;
}

/** Builds the CSV handlers over the master repositories and the core's CSV jobs. */
export function createCsvHandlers({ repos, storeMode, events, csvJobs: jobs, ports, updateGuards = {} }: CsvHandlerDeps): Pick<Handlers, 'csv:import' | 'csv:export' | 'csv:cancel'> {
  return {
    'csv:import': (input) =>
      jobs.run(input.jobId, async (job) => {
        const def = masterCsvDef(input.master);
        const storeOpen = (): void => {
          if (def.blockedWhenStoreClosed) storeMode.assertOpen(`${def.label}のCSV取込`);
        };
        storeOpen();
        const bytes = Buffer.from(input.contentBase64, 'base64');
        const result = await importMasterCsv(repos, def, bytes, input.encoding ?? 'auto', {
          signal: job.signal,
          onProgress: job.onProgress,
          beforeUpdate: updateGuards[input.master],
          beforeWrite: async () => {
            await job.beginWrite();
            storeOpen();
          },
        });
        ports.logger.child('csv').info('imported', { master: input.master, file: input.fileName.slice(0, 120), ...result });
        if (result.created + result.updated > 0) emitDataChanged(events, input.master);
        return result;
      }),
    'csv:export': (input) => {
      const def = masterCsvDef(input.master);
      // 取引先 filtered by 種別 export exactly the rows the filtered list shows (partners:listByKind)
      const { rows } =
        input.master === 'partners' && input.kind !== undefined ? repos.partners.listByKind(input.kind, input.query) : repos[input.master].list(input.query);
      const file = writeMasterCsv(def, rows as unknown as Record<string, unknown>[], input.encoding, repos.taxClasses.codesById());
      return csvDownloadOf(file, def.label, ports.now(), input.encoding, rows.length);
    },
    'csv:cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
