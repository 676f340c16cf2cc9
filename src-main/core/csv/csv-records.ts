/**
 * CSV text → records, bounded and in pieces. Mixed line ends (CRLF / LF / CR: files
 * edited on different machines) are one file; a '"' inside an unquoted cell is a literal character,
 * as in Excel. Rows are numbered as a spreadsheet shows them (header = 1, a quoted cell spanning
 * lines is one row, blank rows count but are not handed on).
 *
 * Plain records (nearly every file) are read by csv-plain-records.ts; from the first record it is
 * not sure of, csv-parse reads the rest, so anything unusual gets csv-parse's answer.
 *
 * The text is read a piece at a time and the event loop runs between pieces, so a
 * 75 MB file never holds the main process: IPC calls, progress events and 中止 (the abort signal)
 * get through while it is read. A row longer than MAX_CSV_ROW_CHARS or with more than
 * MAX_CSV_COLUMNS cells stops reading with a problem of that row, before it can grow in memory.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, Parser } from 'csv-parse';
import { MAX_CSV_COLUMNS, MAX_CSV_ROW_CHARS } from '../../../src-shared/csv/csv-limits';
import type { FieldProblem } from '../../../src-shared/errors';
import { csvCancelled, rowProblem } from './csv-problems';
import { PlainCsvRecords } from './csv-plain-records';

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

/** Characters read between two turns of the event loop (a few milliseconds of work). */
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
function parseProblem(e: unknown, rowsBefore: number): FieldProblem {
  if (!(e instanceof CsvError)) throw e;
  // `records` counts the rows it finished before the broken one (blank rows included)
  const row = rowsBefore + ((e as CsvError & { records?: number }).records ?? 0) + 1;
  return rowProblem(row, PARSE_MESSAGES[e.code] ?? 'CSVとして読めない箇所があります。Excelなどで開いてCSV形式で保存し直してください。');
}

/**
 * Calls onRecord for each non-blank record of the text (whole, or the pieces of decodeCsvInPieces),
 * in order; onRecord may return a problem to stop.
 * Resolves with the problem that stopped reading, or null when the whole text was read.
 * Plain records are read by csv-plain-records.ts; from the first record it is unsure of, csv-parse
 * reads the rest.
 * @throws CSV_CANCELLED when control.signal aborts
 */
export async function scanCsvText(
  text: string | readonly string[],
  onRecord: (record: CsvRecord) => FieldProblem | undefined,
  control: CsvScanControl = {},
): Promise<FieldProblem | null> {
  let row = 0;
  let stop: FieldProblem | null = null;
  const take = (cells: string[]): boolean => {
    row++;
    if (cells.length > MAX_CSV_COLUMNS) stop = tooManyColumns(row, cells.length);
    else if (!blank(cells)) stop = onRecord({ row, cells }) ?? null;
    return stop === null;
  };
  const plain = new PlainCsvRecords();
  let parser: CsvParseScan | null = null;
  const total = typeof text === 'string' ? text.length : text.reduce((n, t) => n + t.length, 0);
  let fed = 0;
  for (const { bit, last } of bits(text)) {
    if (parser === null) {
      const read = plain.feed(bit, last, take);
      if (read.unsure && stop === null) parser = new CsvParseScan(row, take).write(read.rest);
    } else parser.write(bit);
    fed += bit.length;
    if (stop === null && parser !== null) stop = parser.problem();
    if (stop !== null) {
      parser?.destroy();
      return stop;
    }
    control.onPiece?.(fed / total, row);
    await nextTurn();
    if (control.signal?.aborted) {
      parser?.destroy();
      throw csvCancelled();
    }
  }
  if (parser === null) return stop;
  await parser.end();
  return stop ?? parser.problem();
}

/** A record of empty or blank cells only: counted as a row, not handed on. */
function blank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * csv-parse over the rest of a text, from the start of a record: `rowsBefore` records were read
 * before it (its row numbers go on from there). Stops at its first problem: a parse error, or a
 * record longer than the row limit.
 */
class CsvParseScan {
  private readonly parser = new Parser({ record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, max_record_size: MAX_CSV_ROW_CHARS });
  private failure: unknown;
  private tooLong: FieldProblem | null = null;
  private rows = 0;
  /** bytes read since a row last ended */
  private quietBytes = 0;

  constructor(
    private readonly rowsBefore: number,
    private readonly take: (cells: string[]) => boolean,
  ) {
    this.parser.on('error', (e) => {
      this.failure ??= e;
    });
  }

  /** feeds text and hands on every record it completes */
  write(text: string): this {
    if (this.failure !== undefined || this.tooLong !== null || text === '') return this;
    const before = { rows: this.rows, bytes: this.parser.info.bytes };
    this.parser.write(text);
    if (!this.drain()) return this;
    this.quietBytes = this.rows === before.rows ? this.quietBytes + this.parser.info.bytes - before.bytes : 0;
    if (this.failure === undefined && this.quietBytes > MAX_ROW_BYTES) this.tooLong = rowProblem(this.rowsBefore + this.rows + 1, TOO_LONG);
    return this;
  }

  /** what stopped csv-parse (null: nothing yet) */
  problem(): FieldProblem | null {
    if (this.tooLong !== null) return this.tooLong;
    return this.failure === undefined ? null : parseProblem(this.failure, this.rowsBefore);
  }

  /** Ends the input and takes the last records (a row without a final line end, or the parser's verdict). */
  end(): Promise<void> {
    const parser = this.parser;
    if (this.failure !== undefined || this.tooLong !== null) {
      parser.destroy();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      parser.on('readable', () => this.drain());
      parser.once('end', () => resolve());
      parser.once('error', () => resolve());
      parser.once('close', () => resolve());
      parser.end();
      this.drain();
    });
  }

  destroy(): void {
    this.parser.destroy();
  }

  /** hands on the records read so far; false once the caller stopped (nothing more is read) */
  private drain(): boolean {
    let cells: string[] | null;
    while ((cells = this.parser.read() as string[] | null) !== null) {
      this.rows++;
      if (!this.take(cells)) {
        this.parser.destroy();
        return false;
      }
    }
    return true;
  }
}

/** The text in bits of PIECE_CHARS (the decoder's pieces are larger), each marked when it is the last. */
function* bits(text: string | readonly string[]): Generator<{ bit: string; last: boolean }> {
  const pieces = typeof text === 'string' ? [text] : text;
  let lastPiece = pieces.length - 1;
  while (lastPiece > 0 && pieces[lastPiece]!.length === 0) lastPiece--;
  for (let p = 0; p <= lastPiece; p++) {
    const piece = pieces[p]!;
    for (let at = 0; at < piece.length; at += PIECE_CHARS) {
      const bit = piece.slice(at, at + PIECE_CHARS);
      yield { bit, last: p === lastPiece && at + PIECE_CHARS >= piece.length };
    }
  }
  // an empty text still ends
  if (lastPiece < 0 || pieces[lastPiece]!.length === 0) yield { bit: '', last: true };
}
