/**
 * The app's one vocabulary of CSV encodings, used by every CSV channel, main's CSV module and the
 * renderer's 文字コード picker. A file is written and read as UTF-8 (written with a BOM so Excel
 * opens it as UTF-8) or as Shift_JIS in its Windows form CP932 (what Excel in Japan saves).
 * Reading may also detect the encoding (`auto`): a BOM means UTF-8, bytes that are valid UTF-8 are
 * UTF-8, anything else is CP932.
 */
import { z } from 'zod';

export const CSV_ENCODINGS = ['utf-8', 'cp932'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The encoding a file is written in (CSV出力) or was read as. */
export const csvEncodingSchema = z.enum(CSV_ENCODINGS, { error: '文字コードは「UTF-8」か「Shift_JIS」を選んでください。' });

export const CSV_READ_ENCODINGS = ['auto', ...CSV_ENCODINGS] as const;
export type CsvReadEncoding = (typeof CSV_READ_ENCODINGS)[number];

/** The encoding a file is read with (CSV取込); `auto` detects it. */
export const csvReadEncodingSchema = z.enum(CSV_READ_ENCODINGS, { error: '文字コードは「自動判定」「UTF-8」「Shift_JIS」のいずれかを選んでください。' });

/** Short names, e.g. for 「CSVを取り込みました(Shift_JIS)」. */
export const CSV_ENCODING_NAMES: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', cp932: 'Shift_JIS' };

/** The choices of the 文字コード picker of every CSV出力 / download. */
export const CSV_ENCODING_LABELS: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8(BOM付き)', cp932: 'Shift_JIS(Excel向け)' };
