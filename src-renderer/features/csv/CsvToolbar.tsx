/**
 * CSV取込 / CSV出力 for a master list. Import sends the chosen file to main, which validates the
 * whole file and answers counts or the problems by row and column (progress and 中止 while a large
 * file is read). Export asks main for the bytes (UTF-8 BOM or Shift_JIS) and saves them.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { CSV_ENCODING_NAMES, type CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { CSV_IMPORT_RULE, type CsvMaster } from '../../../src-shared/csv/master-csv';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { PARTNER_KINDS, type PartnerKind } from '../../../src-shared/masters/partner';
import { api, unwrap } from '../../ipc/api';
import { CsvEncodingSelect } from './CsvEncodingSelect';
import { CsvImportButton } from './CsvImportButton';
import { CsvOutcome } from './CsvOutcome';
import { saveCsv } from './csv-file';
import { useCsvImport } from './use-csv-import';

export interface CsvToolbarProps {
  master: CsvMaster;
  title: string;
  /** the list's current search, so 出力 writes what the clerk sees */
  query: MasterListInput;
  /** the list's filter select value ('' = all); for 取引先 it is the 取引先種別 出力 is narrowed to */
  filterValue?: string;
}

/** The 取引先種別 to send with 出力, only for 取引先 and only when the filter holds a real kind. */
function exportKind(master: CsvMaster, filterValue: string | undefined): PartnerKind | undefined {
  if (master !== 'partners' || !filterValue) return undefined;
  return (PARTNER_KINDS as readonly string[]).includes(filterValue) ? (filterValue as PartnerKind) : undefined;
}

export function CsvToolbar({ master, title, query, filterValue }: CsvToolbarProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [notice, setNotice] = useState<string | null>(null);

  const importer = useCsvImport({
    send: (upload) => api().csv.import({ master, ...upload, encoding: 'auto' }),
    onStart: () => setNotice(null),
    changes: [master],
    onSuccess: (r) => setNotice(`CSVを取り込みました(${CSV_ENCODING_NAMES[r.encoding]}): 新規 ${r.created}件、更新 ${r.updated}件、変更なし ${r.unchanged}件。`),
  });

  const exportCsv = useMutation({
    mutationFn: () => {
      const kind = exportKind(master, filterValue);
      return unwrap(api().csv.export(kind ? { master, encoding, query, kind } : { master, encoding, query }));
    },
    onMutate: () => setNotice(null),
    onSuccess: (r) => {
      saveCsv(r);
      setNotice(`${r.rows}件をCSVに出力しました(${r.fileName})。`);
    },
  });

  return (
    <div className="csv-toolbar">
      <div className="toolbar">
        <CsvImportButton label={title} importer={importer} disabled={exportCsv.isPending} />
        <CsvEncodingSelect value={encoding} onChange={setEncoding} />
        <button type="button" disabled={importer.pending || exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          {exportCsv.isPending ? '出力中…' : 'CSV出力'}
        </button>
        <details className="csv-rule">
          <summary>CSV取込のルール</summary>
          <p>{CSV_IMPORT_RULE}</p>
        </details>
      </div>
      <CsvOutcome notice={notice} error={importer.error ?? exportCsv.error} />
    </div>
  );
}
