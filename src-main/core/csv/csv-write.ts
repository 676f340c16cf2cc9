/**
 * Rows + column definitions → CSV file bytes: the one way every CSV of the app is written.
 *
 *   const file = writeCsv([{ header: '商品コード', cell: (p) => p.code }, …], products, { encoding });
 *   if (!file.ok) throw csvUnencodable(file.problems);
 *
 * For Excel in Japan: CRLF line ends, UTF-8 with a BOM or CP932 (csv-encoding.ts). A number cell
 * is written as a plain integer (−100 stays a number); a text cell gets the formula guard
 * (csv-formula.ts). Nothing is written when a cell cannot be: a number that is not a safe integer,
 * a broken character (lone surrogate), or a character CP932 cannot hold — never a silent '?' — each
 * a problem naming its row (header = 1) and column.
 */
import { stringify } from 'csv-stringify/sync';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import type { FieldProblem } from '../../../src-shared/errors';
import { codePointLabel, encodeCsv, firstUnencodableCp932 } from './csv-encoding';
import { guardFormula } from './csv-formula';
import { cellProblem, CsvProblemList, csvUnencodable } from './csv-problems';

/** A cell value: a number cell, a text cell, or empty. */
export type CsvCell = string | number | null | undefined;

export interface CsvColumn<R> {
  header: string;
  cell: (row: R) => CsvCell;
}

export interface CsvWriteOptions {
  encoding: CsvEncoding;
  /** UTF-8 only: write a BOM (default true, so Excel opens the file as UTF-8) */
  bom?: boolean;
}

export type CsvWriteResult = { ok: true; bytes: Uint8Array } | { ok: false; problems: FieldProblem[] };

/** Columns reading a record by its header (for rows already keyed by the Japanese headers). */
export function columnsByHeader<H extends string>(headers: readonly H[]): CsvColumn<Record<H, CsvCell>>[] {
  return headers.map((header) => ({ header, cell: (row) => row[header] }));
}

/** True when text holds half of a surrogate pair on its own (it cannot be encoded at all). */
function hasLoneSurrogate(text: string): boolean {
  if (!/[\uD800-\uDFFF]/.test(text)) return false; // fast path without the unicode-mode regex
  return /\p{Cs}/u.test(text);
}

/** One value → its CSV cell text, or a problem. */
function cellText(value: CsvCell, encoding: CsvEncoding, problem: (message: string) => void): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) problem(`「${value}」は整数ではないため出力できません。値を円単位の整数に直してください。`);
    return String(value);
  }
  if (hasLoneSurrogate(value)) {
    problem('壊れた文字(対になっていないサロゲート)が含まれているため出力できません。値を入力し直してください。');
  } else if (encoding === 'cp932') {
    const bad = firstUnencodableCp932(value);
    if (bad !== null) problem(`「${bad}」(${codePointLabel(bad)})はShift_JISで保存できない文字です。UTF-8で出力するか、この文字を別の文字に直してください。`);
  }
  return guardFormula(value);
}

// csv-stringify quotes cells holding ',' '"' or CRLF; a lone CR or LF must be quoted too
const STRINGIFY = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;
/** Rows per csv-stringify call, and text per encoded piece: a 900,000-row file never is one huge string. */
const BATCH_ROWS = 1000;
const PIECE_CHARS = 1 << 20;

/**
 * Writes the header and the rows.
 * @param problems problems the caller found before writing (returned together with these)
 */
export function writeCsv<R>(columns: readonly CsvColumn<R>[], rows: Iterable<R>, opts: CsvWriteOptions, problems: readonly FieldProblem[] = []): CsvWriteResult {
  const found = new CsvProblemList();
  for (const p of problems) found.add(p);
  const pieces: Uint8Array[] = [];
  let text = '';
  let batch: string[][] = [columns.map((c) => c.header)];
  const flushBatch = (): void => {
    text += stringify(batch, STRINGIFY);
    batch = [];
  };
  const flushText = (): void => {
    if (found.size === 0) pieces.push(encodeCsv(text, opts.encoding, { bom: pieces.length === 0 && opts.bom !== false }));
    text = '';
  };
  let row = 1;
  for (const r of rows) {
    row++;
    const at = row;
    batch.push(columns.map((c) => cellText(c.cell(r), opts.encoding, (message) => found.add(cellProblem(at, c.header, message)))));
    if (batch.length >= BATCH_ROWS) flushBatch();
    if (text.length >= PIECE_CHARS) flushText();
  }
  flushBatch();
  flushText();
  if (found.size > 0) return { ok: false, problems: found.toArray() };
  return { ok: true, bytes: concatBytes(pieces) };
}

function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1 && pieces[0]) return pieces[0];
  let size = 0;
  for (const p of pieces) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** "20261125" (JST) of an ISO-8601 time with +09:00, for file names. */
function jstStamp(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

/**
 * A written CSV as the download a channel answers: 「商品_20261125.csv」, 「…_SJIS.csv」 for
 * Shift_JIS. @throws CSV_UNENCODABLE with the problems when the file could not be written
 */
export function csvDownloadOf(result: CsvWriteResult, name: string, now: string, encoding: CsvEncoding, rows: number): CsvDownload {
  if (!result.ok) throw csvUnencodable(result.problems);
  const suffix = encoding === 'cp932' ? '_SJIS' : '';
  return { fileName: `${name}_${jstStamp(now)}${suffix}.csv`, contentBase64: Buffer.from(result.bytes).toString('base64'), rows };
}
