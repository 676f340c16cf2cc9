/**
 * The tax-update CSV files' encoding names ('utf-8' | 'cp932', as the tax-update IPC channels
 * spell them) on top of the app's one encoding layer, ../csv/csv-encoding.ts, which owns
 * detection, decoding, CP932 encoding and the 〜 → ～ JIS-variant rule.
 */
import { decodeCsv, encodeCsv } from '../csv/csv-encoding';

export { codePointLabel, firstUnencodableCp932 } from '../csv/csv-encoding';

export type CsvEncoding = 'utf-8' | 'cp932';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** the bytes were not valid in the encoding; U+FFFD marks the bad places */
  invalid: boolean;
}

/** Decodes CSV bytes, detecting the encoding unless one is given. Never throws. */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  const d = decodeCsv(bytes, encoding === undefined ? 'auto' : encoding === 'utf-8' ? 'utf8' : 'cp932');
  return { text: d.text, invalid: d.invalid, encoding: d.encoding === 'utf8' ? 'utf-8' : 'cp932' };
}

/** Text → bytes. UTF-8 gets a BOM by default so Excel opens it as UTF-8. Check CP932 text first. */
export function encodeCsvText(text: string, encoding: CsvEncoding, opts: { bom?: boolean } = {}): Uint8Array {
  if (encoding === 'cp932') return encodeCsv(text, 'cp932');
  return encodeCsv(text, opts.bom === false ? 'utf8' : 'utf8-bom');
}
