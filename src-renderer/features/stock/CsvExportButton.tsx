/** CSV出力 of a stock list: the encoding choice and the button; main answers the file's bytes. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvExportEncoding } from '../../../src-shared/csv/master-csv';
import { ErrorNotice } from '../../components/ErrorNotice';
import { saveCsv } from '../csv/csv-file';

export function CsvExportButton({
  label,
  run,
}: {
  label: string;
  run: (encoding: CsvExportEncoding) => Promise<{ fileName: string; contentBase64: string; rows: number }>;
}) {
  const [encoding, setEncoding] = useState<CsvExportEncoding>('utf8-bom');
  const m = useMutation({ mutationFn: () => run(encoding), onSuccess: (f) => saveCsv(f) });
  return (
    <>
      <select aria-label={`${label}のCSVの文字コード`} value={encoding} onChange={(e) => setEncoding(e.target.value as CsvExportEncoding)}>
        <option value="utf8-bom">UTF-8(BOM付き)</option>
        <option value="cp932">Shift_JIS(Excel向け)</option>
      </select>
      <button type="button" disabled={m.isPending} onClick={() => m.mutate()}>
        CSV出力
      </button>
      {m.data ? <span className="count">{m.data.rows}行を出力しました</span> : null}
      <ErrorNotice error={m.error} />
    </>
  );
}
