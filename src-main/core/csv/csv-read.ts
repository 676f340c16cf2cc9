/**
 * Bytes → typed rows or problems by row and column: the one way every CSV of the app is read.
 *
 *   const read = await readCsvRows(bytes, layout, (r) => ({ code: r.code('商品コード', true), … }));
 *   if (!read.ok) throw csvInvalid('商品', read.problems);
 *
 * Steps: size limit → decode (detected or given encoding) → header checked against the layout →
 * each data row handed to the caller through a RowReader. Reading never throws for what is in the
 * file: an undecodable cell, a broken quote, an over-long row, a wrong header or a row whose cells
 * do not fit the header is a problem naming its place. It throws only CSV_TOO_LARGE (a file above
 * the limit, nothing decoded) and CSV_CANCELLED (中止 through the abort signal).
 */
import type { CsvEncoding, CsvReadEncoding } from '../../../src-shared/csv/csv-encoding';
import { csvFileTooLargeMessage, MAX_CSV_FILE_BYTES } from '../../../src-shared/csv/csv-limits';
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import { decodeCsvInPieces } from './csv-encoding';
import { cellProblem, CsvProblemList, rowProblem } from './csv-problems';
import { scanCsvText, type CsvRecord, type CsvScanControl } from './csv-records';
import { RowReader } from './csv-row-reader';

/** What a CSV file of one kind looks like. */
export interface CsvLayout {
  /** what the file holds, for messages (「定期申込」) */
  label: string;
  /** its headers, in the order they are written */
  columns: readonly string[];
  /** headers that must be present (default: every column) */
  required?: readonly string[];
  /** headers outside `columns`: 'error' when the file is ours, 'ignore' for a wider export of another tool */
  otherColumns: 'error' | 'ignore';
  /** 'exact': each row has the header's number of cells; 'at-most': trailing cells may be left out */
  cellCount: 'exact' | 'at-most';
}

export interface CsvReadProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

export interface CsvReadOptions {
  /** 'auto' (default) detects the encoding */
  encoding?: CsvReadEncoding | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: CsvReadProgress) => void) | undefined;
}

export interface CsvVisitor {
  /** a data row whose cells fit the header */
  row(r: RowReader): void;
  /** a data row that was refused for its number of cells (its problem is already reported) */
  broken?(row: number): void;
}

export type CsvReadResult = { ok: true; encoding: CsvEncoding } | { ok: false; problems: FieldProblem[] };
export type CsvRowsResult<T> = { ok: true; rows: T[]; encoding: CsvEncoding } | { ok: false; problems: FieldProblem[] };

/** Refuses a file above MAX_CSV_FILE_BYTES before anything reads it (callers holding only a size use it too). */
export function assertCsvSize(size: number, fileName?: string): void {
  if (size > MAX_CSV_FILE_BYTES) throw new AppError('CSV_TOO_LARGE', csvFileTooLargeMessage(size, fileName), { details: { size, limit: MAX_CSV_FILE_BYTES } });
}

/** Header cell i as a column name in messages: its text, or 「3列目」 when it is empty or unreadable. */
function namer(header: readonly string[]): (i: number) => string {
  return (i) => {
    const name = header[i]?.trim() ?? '';
    return name === '' || name.includes('\uFFFD') ? `${i + 1}列目` : name;
  };
}

function checkHeader(record: CsvRecord, layout: CsvLayout, report: (p: FieldProblem) => void): Map<string, number> | null {
  const name = namer(record.cells);
  const required = layout.required ?? layout.columns;
  const columns = new Map<string, number>();
  let ok = true;
  const problem = (column: string, message: string): void => {
    ok = false;
    report(cellProblem(record.row, column, message));
  };
  record.cells.forEach((raw, i) => {
    const header = raw.trim();
    if (columns.has(header)) problem(name(i), '同じ名前の列が2つあります。どちらか一方を削除してください。');
    else columns.set(header, i);
    if (layout.otherColumns === 'error' && !layout.columns.includes(header)) {
      problem(name(i), `${layout.label}のCSVにない列です。列名は「${layout.columns.join('」「')}」のいずれかにしてください。`);
    }
  });
  for (const header of required) {
    if (!columns.has(header)) problem(header, `必須の列「${header}」がありません。見出し行(${record.row}行目)に「${header}」列を追加してください。`);
  }
  return ok ? columns : null;
}

function fitsHeader(cells: readonly string[], count: number, rule: CsvLayout['cellCount']): boolean {
  if (rule === 'exact') return cells.length === count;
  return cells.length <= count || cells.slice(count).every((c) => c.trim() === '');
}

/** Names every cell holding U+FFFD (bytes the encoding could not read); the header's cells by position. */
async function undecodableCells(text: readonly string[], encoding: CsvEncoding, problems: CsvProblemList, control: CsvScanControl): Promise<void> {
  const label = encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS';
  const message = `文字コード(${label})として読めない文字があります。UTF-8 または Shift_JIS で保存し直してください。`;
  let name: ((i: number) => string) | undefined;
  const stop = await scanCsvText(
    text,
    (record) => {
      const column = name ?? ((i: number) => `${i + 1}列目`);
      record.cells.forEach((c, i) => {
        if (c.includes('\uFFFD')) problems.add(cellProblem(record.row, column(i), message));
      });
      name ??= namer(record.cells);
      return undefined;
    },
    control,
  );
  if (stop !== null) problems.add(stop);
  if (problems.size === 0) problems.add(rowProblem(1, message));
}

/** Stops reading after a wrong header (its problems are reported already). */
const HEADER_FAILED: FieldProblem = { path: 'header', message: '' };

/**
 * Reads a CSV file: each data row fitting the header goes to visitor.row, which reports its own
 * problems through the RowReader. ok only when the whole file has no problem.
 */
export async function readCsv(bytes: Uint8Array, layout: CsvLayout, visitor: CsvVisitor, opts: CsvReadOptions = {}): Promise<CsvReadResult> {
  assertCsvSize(bytes.length);
  const problems = new CsvProblemList();
  const control: CsvScanControl = {
    signal: opts.signal,
    onPiece: (share, rows) => opts.onProgress?.({ bytesRead: Math.round(share * bytes.length), bytesTotal: bytes.length, rows }),
  };
  const decoded = await decodeCsvInPieces(bytes, opts.encoding ?? 'auto', opts.signal);
  if (decoded.invalid) {
    await undecodableCells(decoded.pieces, decoded.encoding, problems, control);
    return { ok: false, problems: problems.toArray() };
  }
  const { pieces: input, encoding } = decoded;
  const report = (p: FieldProblem): void => problems.add(p);
  let columns: Map<string, number> | null | undefined;
  let width = 0;
  const stop = await scanCsvText(
    input,
    (record) => {
      if (columns === undefined) {
        columns = checkHeader(record, layout, report);
        width = record.cells.length;
        // a wrong header makes every row's problems noise: stop at the header
        return columns === null ? HEADER_FAILED : undefined;
      }
      if (columns === null) return HEADER_FAILED;
      if (!fitsHeader(record.cells, width, layout.cellCount)) {
        report(rowProblem(record.row, `列の数(${record.cells.length})が見出し行の列の数(${width})と違います。区切りの「,」や「"」を確認してください。`));
        visitor.broken?.(record.row);
        return undefined;
      }
      visitor.row(new RowReader(columns, record, report));
      return undefined;
    },
    control,
  );
  if (stop !== null && stop !== HEADER_FAILED) problems.add(stop);
  if (columns === undefined && stop === null) problems.add(rowProblem(1, 'CSVが空です。見出し行(1行目)のあるファイルを選んでください。'));
  return problems.size === 0 ? { ok: true, encoding } : { ok: false, problems: problems.toArray() };
}

/**
 * Reads a CSV file into typed rows: readRow turns each data row into a value, or reports the row's
 * problems and returns undefined. ok (with every row) only when the whole file has no problem.
 */
export async function readCsvRows<T>(bytes: Uint8Array, layout: CsvLayout, readRow: (r: RowReader) => T | undefined, opts: CsvReadOptions = {}): Promise<CsvRowsResult<T>> {
  const rows: T[] = [];
  const read = await readCsv(
    bytes,
    layout,
    {
      row: (r) => {
        const value = readRow(r);
        if (value !== undefined) rows.push(value);
      },
    },
    opts,
  );
  return read.ok ? { ok: true, rows, encoding: read.encoding } : read;
}
