/** The CSV文字コード picker of the 定期申込 / 消費税自動更新 downloads (UTF-8 BOM付き or Shift_JIS). */
import { ENCODING_OPTIONS, type CsvEncodingChoice } from './csv-file';

/** A select over ENCODING_OPTIONS; the page keeps the choice so every download of the page uses it. */
export function CsvEncodingSelect({ value, onChange }: { value: CsvEncodingChoice; onChange: (v: CsvEncodingChoice) => void }) {
  return (
    <select aria-label="CSVの文字コード" value={value} onChange={(e) => onChange(e.target.value as CsvEncodingChoice)}>
      {ENCODING_OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
