/**
 * CSV取込 / CSV出力 for a master list. Import reads the chosen file in the renderer and sends it as
 * base64; main validates the whole file and answers counts or the problems by row and column.
 * Export asks main for the bytes (UTF-8 BOM or Shift_JIS) and saves them with a download link.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { CSV_IMPORT_RULE, type CsvExportEncoding, type CsvMaster } from '../../../src-shared/csv/master-csv';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { PARTNER_KINDS, type PartnerKind } from '../../../src-shared/masters/partner';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, ApiError, unwrap } from '../../ipc/api';
import { base64ToBytes, bytesToBase64, downloadBytes } from './base64';
import { CsvProblemTable } from './CsvProblemTable';

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
  const fileRef = useRef<HTMLInputElement>(null);
  const [encoding, setEncoding] = useState<CsvExportEncoding>('utf8-bom');
  const [notice, setNotice] = useState<string | null>(null);

  const importCsv = useMutation({
    mutationFn: async (file: File) => {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      return unwrap(api().csv.import({ master, fileName: file.name, contentBase64, encoding: 'auto' }));
    },
    meta: { changes: [master] },
    onMutate: () => setNotice(null),
    onSuccess: (r) => setNotice(`CSVを取り込みました(${r.encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}): 新規 ${r.created}件、更新 ${r.updated}件、変更なし ${r.unchanged}件。`),
  });

  const exportCsv = useMutation({
    mutationFn: () => {
      const kind = exportKind(master, filterValue);
      return unwrap(api().csv.export(kind ? { master, encoding, query, kind } : { master, encoding, query }));
    },
    onMutate: () => setNotice(null),
    onSuccess: (r) => {
      downloadBytes(base64ToBytes(r.contentBase64), r.fileName);
      setNotice(`${r.rows}件をCSVに出力しました(${r.fileName})。`);
    },
  });

  const error = importCsv.error ?? exportCsv.error;
  const problems = error instanceof ApiError ? (error.data.fields ?? []).filter((f) => f.row !== undefined || f.path === 'more') : [];
  const busy = importCsv.isPending || exportCsv.isPending;

  return (
    <div className="csv-toolbar">
      <div className="toolbar">
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-label={`${title}のCSVファイルを選ぶ`}
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) importCsv.mutate(file);
          }}
        />
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          {importCsv.isPending ? '取込中…' : 'CSV取込'}
        </button>
        <select aria-label="CSVの文字コード" value={encoding} onChange={(e) => setEncoding(e.target.value as CsvExportEncoding)}>
          <option value="utf8-bom">UTF-8(BOM付き)</option>
          <option value="cp932">Shift_JIS(Excel向け)</option>
        </select>
        <button type="button" disabled={busy} onClick={() => exportCsv.mutate()}>
          {exportCsv.isPending ? '出力中…' : 'CSV出力'}
        </button>
        <details className="csv-rule">
          <summary>CSV取込のルール</summary>
          <p>{CSV_IMPORT_RULE}</p>
        </details>
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error} />
      {problems.length > 0 ? <CsvProblemTable problems={problems} /> : null}
    </div>
  );
}
