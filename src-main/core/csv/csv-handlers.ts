/**
 * IPC handlers `csv:import` / `csv:export` for every master. Bytes arrive and leave as base64.
 * 商品 imports are refused while 受付停止 (the tax update reads products).
 */
import type { EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { CorePorts } from '../ports';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { masterCsvDef } from './master-csv-columns';
import { exportMasterCsv } from './master-csv-export';
import { importMasterCsv } from './master-csv-import';

/** "20261125" (JST) for file names */
function jstStamp(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

export interface CsvHandlerDeps {
  repos: Repositories;
  storeMode: StoreMode;
  events: EventBus;
  ports: Pick<CorePorts, 'logger' | 'now'>;
}

/** Builds the two CSV handlers over the master repositories. */
export function createCsvHandlers({ repos, storeMode, events, ports }: CsvHandlerDeps): Pick<Handlers, 'csv:import' | 'csv:export'> {
  return {
    'csv:import': (input) => {
      const def = masterCsvDef(input.master);
      if (def.blockedWhenStoreClosed) storeMode.assertOpen(`${def.label}のCSV取込`);
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const result = importMasterCsv(repos, def, bytes, input.encoding ?? 'auto');
      ports.logger.child('csv').info('imported', { master: input.master, file: input.fileName.slice(0, 120), ...result });
      if (result.created + result.updated > 0) events.emit('data:changed', { domain: input.master });
      return result;
    },
    'csv:export': (input) => {
      const def = masterCsvDef(input.master);
      // 取引先 filtered by 種別 export exactly the rows the filtered list shows (partners:listByKind)
      const { rows } =
        input.master === 'partners' && input.kind !== undefined ? repos.partners.listByKind(input.kind, input.query) : repos[input.master].list(input.query);
      const bytes = exportMasterCsv(def, rows as unknown as Record<string, unknown>[], input.encoding, repos.taxClasses.codesById());
      const suffix = input.encoding === 'cp932' ? '_SJIS' : '';
      return { fileName: `${def.label}_${jstStamp(ports.now())}${suffix}.csv`, contentBase64: Buffer.from(bytes).toString('base64'), rows: rows.length };
    },
  };
}
