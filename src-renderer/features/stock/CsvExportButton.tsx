/** CSV出力 of a stock list: the shared encoding picker and the button; main answers the file's bytes. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { saveCsv } from '../csv/csv-file';

export function CsvExportButton({ label, run }: { label: string; run: (encoding: CsvEncoding) => Promise<CsvDownload> }) {
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const m = useMutation({ mutationFn: () => run(encoding), onSuccess: (f) => saveCsv(f) });
  return (
    <>
      <CsvEncodingSelect value={encoding} onChange={setEncoding} />
      <button type="button" aria-label={`${label}をCSV出力`} disabled={m.isPending} onClick={() => m.mutate()}>
        CSV出力
      </button>
      {m.data ? <span className="count">{m.data.rows}行を出力しました</span> : null}
      <ErrorNotice error={m.error} />
    </>
  );
}
