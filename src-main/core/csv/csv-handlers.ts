/**
 * IPC handlers `csv:import` / `csv:export` for every master. Bytes arrive and leave as base64.
 * 商品 imports are refused while 受付停止 (the tax update reads products).
 */
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../core-context';
import { emitDataChanged } from '../event-bus';
import { partners } from '../db/schema';
import type { Handlers } from '../ipc/handler-types';
import { assertStoreOpen } from '../store-mode/store-mode';
import { masterCsvDef } from './master-csv-columns';
import { exportMasterCsv } from './master-csv-export';
import { importMasterCsv } from './master-csv-import';

/** "20261125" (JST) for file names */
function jstStamp(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

/** Builds the two CSV handlers over the core's database and repositories. */
export function createCsvHandlers(ctx: CoreContext): Pick<Handlers, 'csv:import' | 'csv:export'> {
  return {
    'csv:import': (input) => {
      const def = masterCsvDef(input.master);
      if (def.blockedWhenStoreClosed) assertStoreOpen(ctx.db, `${def.label}のCSV取込`);
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const result = importMasterCsv(ctx.db, def, bytes, input.encoding ?? 'auto', ctx.now());
      ctx.logger.child('csv').info('imported', { master: input.master, file: input.fileName.slice(0, 120), ...result });
      if (result.created + result.updated > 0) emitDataChanged(ctx.events, input.master);
      return result;
    },
    'csv:export': (input) => {
      const def = masterCsvDef(input.master);
      // 取引先 filtered by 種別 export exactly the rows the filtered list shows (partners:listByKind)
      const { rows } =
        input.master === 'partners' && input.kind !== undefined
          ? ctx.repos.partners.list(input.query, eq(partners.kind, input.kind))
          : ctx.repos[input.master].list(input.query);
      const codes = ctx.db.prepare('select id, code from tax_classes').all() as { id: number; code: string }[];
      const bytes = exportMasterCsv(def, rows as unknown as Record<string, unknown>[], input.encoding, new Map(codes.map((c) => [c.id, c.code])));
      const suffix = input.encoding === 'cp932' ? '_SJIS' : '';
      return { fileName: `${def.label}_${jstStamp(ctx.now())}${suffix}.csv`, contentBase64: Buffer.from(bytes).toString('base64'), rows: rows.length };
    },
  };
}
