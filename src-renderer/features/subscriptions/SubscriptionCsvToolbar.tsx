/**
 * CSV取込 (replaces every application; an invalid file writes nothing and the problems show by row
 * and column; progress and 中止 while a large file is read) and CSV出力 in UTF-8 or Shift_JIS of the
 * 定期申込 screen.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CSV_ENCODING_NAMES, type CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { api, unwrap } from '../../ipc/api';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { CsvImportButton } from '../csv/CsvImportButton';
import { CsvOutcome } from '../csv/CsvOutcome';
import { saveCsv } from '../csv/csv-file';
import { useCsvImport } from '../csv/use-csv-import';

export interface SubscriptionCsvToolbarProps {
  /** 受付停止: CSV取込 is refused (it replaces applications) */
  closed: boolean;
  onImported: () => void;
  /** more buttons of the page's toolbar (新規) */
  children?: ReactNode;
}

export function SubscriptionCsvToolbar({ closed, onImported, children }: SubscriptionCsvToolbarProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [notice, setNotice] = useState<string | null>(null);
  const importer = useCsvImport({
    send: (upload) => api().subscriptions.import(upload),
    changes: ['subscriptions'],
    onStart: () => setNotice(null),
    onSuccess: (r) => {
      setNotice(`定期申込CSVを取り込みました(${CSV_ENCODING_NAMES[r.encoding]}): 申込 ${r.applications}件、商品 ${r.items}件、オプション ${r.options}件。`);
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
  return (
    <>
      <div className="toolbar">
        <CsvImportButton label="定期申込" importer={importer} disabled={closed} title="取り込むと既存の定期申込はすべて置き換わります" />
        <CsvEncodingSelect value={encoding} onChange={setEncoding} />
        <button type="button" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          CSV出力
        </button>
        {children}
      </div>
      <CsvOutcome notice={notice} error={importer.error ?? exportCsv.error} />
    </>
  );
}
