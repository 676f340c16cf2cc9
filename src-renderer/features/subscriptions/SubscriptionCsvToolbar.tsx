/**
 * CSV取込 (replaces every application; an invalid file writes nothing and the problems show by row
 * and column) and CSV出力 in UTF-8 or Shift_JIS of the 定期申込 screen.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, ApiError, unwrap } from '../../ipc/api';
import { CsvProblemTable } from '../csv/CsvProblemTable';
import { fileToBase64, saveCsv, type CsvEncodingChoice } from '../csv/csv-file';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';

export interface SubscriptionCsvToolbarProps {
  /** 受付停止: CSV取込 is refused (it replaces applications) */
  closed: boolean;
  onImported: () => void;
  /** more buttons of the page's toolbar (新規) */
  children?: ReactNode;
}

export function SubscriptionCsvToolbar({ closed, onImported, children }: SubscriptionCsvToolbarProps) {
  const [encoding, setEncoding] = useState<CsvEncodingChoice>('utf-8');
  const [notice, setNotice] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const importCsv = useMutation({
    mutationFn: async (file: File) => unwrap(api().subscriptions.import({ fileName: file.name, contentBase64: await fileToBase64(file) })),
    meta: { changes: ['subscriptions'] },
    onMutate: () => setNotice(null),
    onSuccess: (r) => {
      setNotice(`定期申込CSVを取り込みました(${r.encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}): 申込 ${r.applications}件、商品 ${r.items}件、オプション ${r.options}件。`);
      onImported();
    },
  });
  const exportCsv = useMutation({
    mutationFn: () => unwrap(api().subscriptions.export({ encoding })),
    onMutate: () => setNotice(null),
    onSuccess: (r) => {
      saveCsv(r);
      setNotice(`${r.rows}件の定期申込をCSVに出力しました(${r.fileName})。`);
    },
  });
  const csvError = importCsv.error ?? exportCsv.error;
  const problems = csvError instanceof ApiError ? (csvError.data.fields ?? []).filter((f) => f.row !== undefined) : [];
  return (
    <>
      <div className="toolbar">
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-label="定期申込のCSVファイルを選ぶ"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) importCsv.mutate(file);
          }}
        />
        <button type="button" disabled={importCsv.isPending || closed} onClick={() => fileRef.current?.click()} title="取り込むと既存の定期申込はすべて置き換わります">
          {importCsv.isPending ? '取込中…' : 'CSV取込'}
        </button>
        <CsvEncodingSelect value={encoding} onChange={setEncoding} />
        <button type="button" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          CSV出力
        </button>
        {children}
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={csvError} />
      {problems.length > 0 ? <CsvProblemTable problems={problems} /> : null}
    </>
  );
}
