/** CSV出力 of a stock list: the shared encoding picker and the button; main answers the file's bytes. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { saveCsv } from '../csv/csv-file';

/** `text` names the button when the list also has CSV出力 of what it shows (e.g. 明細CSV出力: one row per line). */
export function CsvExportButton({ label, text = 'CSV出力', run }: { label: string; text?: string; run: (encoding: CsvEncoding) => Promise<CsvDownload> }) {
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const m = useMutation({ mutationFn: () => run(encoding), onSuccess: (f) => saveCsv(f) });
  return (
    <>
      <CsvEncodingSelect value={encoding} onChange={setEncoding} />
      <button type="button" aria-label={text === 'CSV出力' ? `${label}をCSV出力` : undefined} title={`${label}をCSV出力`} disabled={m.isPending} onClick={() => m.mutate()}>
        {text}
      </button>
      {m.data ? <span className="count">{m.data.rows}行を出力しました</span> : null}
      <ErrorNotice error={m.error} />
    </>
  );
}
