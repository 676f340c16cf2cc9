/** The CSV文字コード picker of every CSV出力 / download (UTF-8 BOM付き or Shift_JIS), in the app's one vocabulary. */
import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { LabelOptions } from '../../components/LabelOptions';

/** The page keeps the choice so every download of the page uses it. */
export function CsvEncodingSelect({ value, onChange }: { value: CsvEncoding; onChange: (v: CsvEncoding) => void }) {
  return (
    <select aria-label="CSVの文字コード" value={value} onChange={(e) => onChange(e.target.value as CsvEncoding)}>
      <LabelOptions values={CSV_ENCODINGS} labels={CSV_ENCODING_LABELS} />
    </select>
  );
}
