/**
 * CSV text → records with csv-parse, bounded and in pieces. Mixed line ends (CRLF / LF / CR: files
 * edited on different machines) are one file; a '"' inside an unquoted cell is a literal character,
 * as in Excel. Rows are numbered as a spreadsheet shows them (header = 1, a quoted cell spanning
 * lines is one row, blank rows count but are not handed on).
 *
 * The text is fed to the parser a piece at a time and the event loop runs between pieces, so a
 * 75 MB file never holds the main process: IPC calls, progress events and 中止 (the abort signal)
 * get through while it is read. A row longer than MAX_CSV_ROW_CHARS or with more than
 * MAX_CSV_COLUMNS cells stops reading with a problem of that row, before it can grow in memory.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, Parser } from 'csv-parse';
import { MAX_CSV_COLUMNS, MAX_CSV_ROW_CHARS } from '../../../src-shared/csv/csv-limits';
import type { FieldProblem } from '../../../src-shared/errors';
import { csvCancelled, rowProblem } from './csv-problems';

/** One non-blank record and its spreadsheet row. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvScanControl {
  /** 中止: reading stops at the next piece with CSV_CANCELLED */
  signal?: AbortSignal | undefined;
  /** after each piece: the share of the text read (0–1] and the rows so far */
  onPiece?: ((share: number, rows: number) => void) | undefined;
}

/** Characters fed to the parser between two turns of the event loop (a few milliseconds of work). */
const PIECE_CHARS = 1 << 14;

/**
 * csv-parse bounds the characters of a row's cells; the separators between them it does not count,
 * so a row of 10 million commas is bounded here by the bytes read since the last row ended (UTF-8:
 * at most 4 bytes a character, so anything beyond is certainly over MAX_CSV_ROW_CHARS).
 */
const MAX_ROW_BYTES = MAX_CSV_ROW_CHARS * 4;

const TOO_LONG = `1行が長すぎます(${MAX_CSV_ROW_CHARS.toLocaleString('en-US')}文字まで)。「"」が閉じられているか、行の区切り(改行)が抜けていないか確認してください。`;

const PARSE_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '「"」で始まる項目が閉じられていません。「"」の対応を確認してください。',
  CSV_INVALID_CLOSING_QUOTE: '「"」で囲んだ項目の後に余分な文字があります。項目内の「"」は「""」と2つ重ねて書いてください。',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '「"」で囲んだ項目の後に余分な文字があります。項目内の「"」は「""」と2つ重ねて書いてください。',
  CSV_MAX_RECORD_SIZE: TOO_LONG,
};

function tooManyColumns(row: number, count: number): FieldProblem {
  return rowProblem(
    row,
    `列が${count.toLocaleString('en-US')}列あります。1行に書ける列は${MAX_CSV_COLUMNS.toLocaleString('en-US')}列までです。区切りの「,」や「"」を確認してください。`,
  );
}

/** A parser failure → the problem of the row it happened in. */
function parseProblem(e: unknown): FieldProblem {
  if (!(e instanceof CsvError)) throw e;
  // `records` counts the rows finished before the broken one (blank rows included)
  const row = ((e as CsvError & { records?: number }).records ?? 0) + 1;
  return rowProblem(row, PARSE_MESSAGES[e.code] ?? 'CSVとして読めない箇所があります。Excelなどで開いてCSV形式で保存し直してください。');
}

/**
 * Calls onRecord for each non-blank record of the text (whole, the pieces of decodeCsvInPieces, or
 * valid UTF-8 bytes without a BOM), in order; onRecord may return a problem to stop.
 * Resolves with the problem that stopped reading, or null when the whole text was read.
 * @throws CSV_CANCELLED when control.signal aborts
 */
export async function scanCsvText(
  text: string | readonly string[] | Uint8Array,
  onRecord: (record: CsvRecord) => FieldProblem | undefined,
  control: CsvScanControl = {},
): Promise<FieldProblem | null> {
  const parser = new Parser({ record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, max_record_size: MAX_CSV_ROW_CHARS });
  let failure: unknown;
  parser.on('error', (e) => {
    failure ??= e;
  });
  let row = 0;
  let stop: FieldProblem | null = null;
  const take = (): void => {
    let cells: string[] | null;
    while (stop === null && (cells = parser.read() as string[] | null) !== null) {
      row++;
      if (cells.length > MAX_CSV_COLUMNS) stop = tooManyColumns(row, cells.length);
      else if (cells.some((c) => c.trim() !== '')) stop = onRecord({ row, cells }) ?? null;
    }
    // nothing more is read: closing ends the wait in endOf
    if (stop !== null) parser.destroy();
  };
  let quietBytes = 0; // bytes read since a row last ended
  const total = typeof text === 'string' || text instanceof Uint8Array ? text.length : text.reduce((n, t) => n + t.length, 0);
  let fed = 0;
  for (const bit of bits(text)) {
    const before = { rows: row, bytes: parser.info.bytes };
    parser.write(bit);
    fed += bit.length;
    take();
    quietBytes = row === before.rows ? quietBytes + parser.info.bytes - before.bytes : 0;
    if (stop === null && failure === undefined && quietBytes > MAX_ROW_BYTES) stop = rowProblem(row + 1, TOO_LONG);
    if (stop !== null || failure !== undefined) break;
    control.onPiece?.(fed / total, row);
    await nextTurn();
    if (control.signal?.aborted) {
      parser.destroy();
      throw csvCancelled();
    }
  }
  if (stop === null && failure === undefined) await endOf(parser, take);
  else parser.destroy();
  if (stop !== null) return stop;
  return failure === undefined ? null : parseProblem(failure);
}

/**
 * The text in bits of PIECE_CHARS (the decoder's pieces are larger); bytes in bits of as many bytes
 * (the parser keeps a character split between two bits whole: it reads bytes and decodes a cell
 * when the cell ends).
 */
function* bits(text: string | readonly string[] | Uint8Array): Generator<string | Uint8Array> {
  if (text instanceof Uint8Array) {
    for (let at = 0; at < text.length; at += PIECE_CHARS) yield text.subarray(at, at + PIECE_CHARS);
    return;
  }
  for (const piece of typeof text === 'string' ? [text] : text) {
    for (let at = 0; at < piece.length; at += PIECE_CHARS) yield piece.slice(at, at + PIECE_CHARS);
  }
}

/** Ends the input and takes the last records (a row without a final line end, or the parser's verdict). */
function endOf(parser: Parser, take: () => void): Promise<void> {
  return new Promise((resolve) => {
    parser.on('readable', take);
    parser.once('end', () => resolve());
    parser.once('error', () => resolve());
    parser.once('close', () => resolve());
    parser.end();
    take();
  });
}
