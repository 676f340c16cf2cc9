/**
 * IPC handlers `csv:import` / `csv:export` for every master, and `csv:cancel` (中止) of any CSV取込
 * in progress. Bytes arrive and leave as base64. 商品 imports are refused while 受付停止 (the tax
 * update reads products) — checked again right before the write, since reading a large file lets
 * other calls run in between.
 */
import { eq } from 'drizzle-orm';
import type { CsvMaster } from '../../../src-shared/csv/master-csv';
import type { CoreContext } from '../core-context';
import { emitDataChanged } from '../event-bus';
import { partners } from '../db/schema';
import type { Handlers } from '../ipc/handler-types';
import { assertStoreOpen } from '../store-mode/store-mode';
import type { CsvJobs } from './csv-jobs';
import { csvDownloadOf } from './csv-write';
import { masterCsvDef } from './master-csv-columns';
import { writeMasterCsv } from './master-csv-export';
import { importMasterCsv } from './master-csv-import';

/** Builds the CSV handlers over the core's database and repositories and the core's CSV jobs. */
/** Per master, the check an update of an existing record must pass (the one its form update uses). */
export type CsvUpdateGuards = Partial<Record<CsvMaster, (id: number, values: Record<string, unknown>) => void>>;

export function createCsvHandlers(ctx: CoreContext, jobs: CsvJobs, updateGuards: CsvUpdateGuards = {}): Pick<Handlers, 'csv:import' | 'csv:export' | 'csv:cancel'> {
  return {
    'csv:import': (input) =>
      jobs.run(input.jobId, async (job) => {
        const def = masterCsvDef(input.master);
        const storeOpen = (): void => {
          if (def.blockedWhenStoreClosed) assertStoreOpen(ctx.db, `${def.label}のCSV取込`);
        };
        storeOpen();
        const bytes = Buffer.from(input.contentBase64, 'base64');
        const result = await importMasterCsv(ctx.db, def, bytes, input.encoding ?? 'auto', ctx.now(), {
          signal: job.signal,
          onProgress: job.onProgress,
          beforeUpdate: updateGuards[input.master],
          beforeWrite: async () => {
            await job.beginWrite();
            storeOpen();
          },
        });
        ctx.logger.child('csv').info('imported', { master: input.master, file: input.fileName.slice(0, 120), ...result });
        if (result.created + result.updated > 0) emitDataChanged(ctx.events, input.master);
        return result;
      }),
    'csv:export': (input) => {
      const def = masterCsvDef(input.master);
      // 取引先 filtered by 種別 export exactly the rows the filtered list shows (partners:listByKind)
      const { rows } =
        input.master === 'partners' && input.kind !== undefined
          ? ctx.repos.partners.list(input.query, eq(partners.kind, input.kind))
          : ctx.repos[input.master].list(input.query);
      const codes = ctx.db.prepare('select id, code from tax_classes').all() as { id: number; code: string }[];
      const file = writeMasterCsv(def, rows as unknown as Record<string, unknown>[], input.encoding, new Map(codes.map((c) => [c.id, c.code])));
      return csvDownloadOf(file, def.label, ctx.now(), input.encoding, rows.length);
    },
    'csv:cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
