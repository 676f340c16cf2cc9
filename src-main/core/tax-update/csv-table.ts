/**
 * Shared steps of reading a typed CSV: bytes → text → header check → rows streamed to a visitor,
 * and helpers that turn a cell into a value or a FieldProblem naming row and column. Never throws.
 */
import type { FieldProblem } from '../../../src-shared/errors';
import { decodeCsvBytes, type CsvEncoding } from './csv-encoding';
import { scanCsv, tokenizeCsv, unguardFormula, type CsvRecord } from './csv-text';

/** At most this many problems are returned; a large broken file would otherwise flood the UI. */
export const MAX_CSV_PROBLEMS = 200;

/** Columns of a read file: header name → column index. */
export interface CsvColumns {
  byName: Map<string, number>;
  count: number;
}

export type CsvReadResult = { ok: true; encoding: CsvEncoding } | { ok: false; errors: FieldProblem[] };

/** A problem at row/column with a Japanese message prefixed by the location. */
export function cellProblem(row: number, column: string, message: string): FieldProblem {
  return { path: `${row}.${column}`, row, column, message: `${row}行目「${column}」: ${message}` };
}

/** Names the cells that hold undecodable bytes (U+FFFD after decoding). */
function undecodableCells(text: string, encoding: CsvEncoding): FieldProblem[] {
  const errors: FieldProblem[] = [];
  let header: string[] | undefined;
  const label = encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS';
  scanCsv(text, (r) => {
    header ??= r.cells;
    r.cells.forEach((c, i) => {
      if (c.includes('\uFFFD') && errors.length < MAX_CSV_PROBLEMS) {
        const column = r.row === 1 ? `${i + 1}列目` : (header?.[i]?.trim() ?? `${i + 1}列目`);
        errors.push(
          cellProblem(r.row, column, `文字コード(${label})として読めない文字があります。UTF-8 または Shift_JIS で保存し直してください。`),
        );
      }
    });
  });
  return errors.length > 0
    ? errors
    : [{ path: 'file', message: `文字コード(${label})として読めないデータがあります。UTF-8 または Shift_JIS で保存し直してください。` }];
}

function checkHeader(cells: readonly string[], required: readonly string[], strict: boolean, errors: FieldProblem[]): CsvColumns {
  const byName = new Map<string, number>();
  cells.forEach((raw, i) => {
    const name = raw.trim();
    if (byName.has(name)) errors.push(cellProblem(1, name, '同じ名前の列が2つあります。どちらか一方を削除してください。'));
    else byName.set(name, i);
    if (strict && !required.includes(name)) {
      errors.push(
        cellProblem(1, name || `${i + 1}列目`, `この列は使えません。列名は「${required.join('」「')}」のいずれかにしてください。`),
      );
    }
  });
  for (const name of required) {
    if (!byName.has(name))
      errors.push(cellProblem(1, name, `必須の列「${name}」がありません。見出し行に「${name}」列を追加してください。`));
  }
  return { byName, count: cells.length };
}

/**
 * Decodes a CSV, checks its header, then streams each data row to `visit` (rows whose number of
 * cells differs from the header get a problem and go to `visitBroken` instead). Problems found by
 * the visitors go into `errors`. Never throws.
 * @param required headers that must be present
 * @param strict when true, headers other than `required` are errors too (the file is ours)
 */
export function readCsvRows(
  bytes: Uint8Array,
  spec: { required: readonly string[]; strict: boolean; encoding?: CsvEncoding | undefined },
  errors: FieldProblem[],
  visit: (r: RowReader) => void,
  visitBroken: (row: number) => void = () => undefined,
): CsvReadResult {
  const decoded = decodeCsvBytes(bytes, spec.encoding);
  if (decoded.invalid) return { ok: false, errors: capProblems(undecodableCells(decoded.text, decoded.encoding)) };
  let columns: CsvColumns | undefined;
  let headerFailed = false;
  const stop = scanCsv(decoded.text, (record) => {
    if (headerFailed) return;
    if (columns === undefined) {
      const before = errors.length;
      columns = checkHeader(record.cells, spec.required, spec.strict, errors);
      headerFailed = errors.length > before;
      return;
    }
    if (record.cells.length !== columns.count) {
      errors.push(cellCountProblem(record, columns.count));
      visitBroken(record.row);
      return;
    }
    visit(new RowReader(columns, record, errors));
  });
  if (stop !== null) errors.push(stop);
  if (columns === undefined && stop === null) {
    errors.push({ path: 'row1', row: 1, message: 'CSVが空です。見出し行(1行目)のあるファイルを選んでください。' });
  }
  if (errors.length > 0) return { ok: false, errors: capProblems(errors) };
  return { ok: true, encoding: decoded.encoding };
}

/** A whole file in memory (used by the master CSV import, src-main/core/csv). */
export interface CsvTable {
  encoding: CsvEncoding;
  /** header name → column index */
  columns: Map<string, number>;
  /** data records (header excluded) */
  records: CsvRecord[];
}

export type CsvTableResult = { ok: true; table: CsvTable } | { ok: false; errors: FieldProblem[] };

/**
 * Decodes and tokenizes a whole CSV and checks its header and every row's number of cells.
 * Prefer readCsvRows for large files: it does not keep all records in memory.
 * @param required headers that must be present
 * @param strict when true, headers other than `required` are errors too (the file is ours)
 */
export function readCsvTable(bytes: Uint8Array, required: readonly string[], strict: boolean, encoding?: CsvEncoding): CsvTableResult {
  const decoded = decodeCsvBytes(bytes, encoding);
  if (decoded.invalid) return { ok: false, errors: capProblems(undecodableCells(decoded.text, decoded.encoding)) };
  const tok = tokenizeCsv(decoded.text);
  if (!tok.ok) return tok;
  const [header, ...records] = tok.records;
  if (header === undefined) {
    return { ok: false, errors: [{ path: 'row1', row: 1, message: 'CSVが空です。見出し行(1行目)のあるファイルを選んでください。' }] };
  }
  const errors: FieldProblem[] = [];
  const columns = checkHeader(header.cells, required, strict, errors);
  for (const r of records) {
    if (r.cells.length !== columns.count) errors.push(cellCountProblem(r, columns.count));
  }
  if (errors.length > 0) return { ok: false, errors: capProblems(errors) };
  return { ok: true, table: { encoding: decoded.encoding, columns: columns.byName, records } };
}

function cellCountProblem(r: CsvRecord, expected: number): FieldProblem {
  return {
    path: `${r.row}`,
    row: r.row,
    message: `${r.row}行目: 列の数(${r.cells.length})が見出し行の列の数(${expected})と違います。区切りの「,」や「"」を確認してください。`,
  };
}

/** Keeps the first MAX_CSV_PROBLEMS problems and adds one line saying how many were left out. */
export function capProblems(errors: FieldProblem[]): FieldProblem[] {
  if (errors.length <= MAX_CSV_PROBLEMS) return errors;
  const rest = errors.length - MAX_CSV_PROBLEMS;
  return [
    ...errors.slice(0, MAX_CSV_PROBLEMS),
    { path: 'more', message: `ほかにも${rest}件の誤りがあります。上の誤りを直してからもう一度読み込んでください。` },
  ];
}

/** 1234567 → "1,234,567" (locale-independent). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Reads cells of one record by column name. */
export class RowReader {
  constructor(
    private readonly columns: CsvColumns,
    readonly record: CsvRecord,
    private readonly errors: FieldProblem[],
  ) {}

  get row(): number {
    return this.record.row;
  }

  /** raw text cell (formula guard removed), '' when absent */
  text(column: string): string {
    const i = this.columns.byName.get(column);
    return unguardFormula(i === undefined ? '' : (this.record.cells[i] ?? ''));
  }

  /** trimmed text; a problem when required and empty */
  code(column: string, required: boolean): string {
    const v = this.text(column).trim();
    if (required && v === '') this.problem(column, '値が空です。入力してください。');
    return v;
  }

  problem(column: string, message: string): void {
    this.errors.push(cellProblem(this.row, column, message));
  }

  /** one of the allowed values, or undefined with a problem */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T | undefined {
    const v = this.text(column).trim();
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.problem(
      column,
      v === ''
        ? `値が空です。「${allowed.join('」「')}」のいずれかを入力してください。`
        : `「${v}」は使えません。「${allowed.join('」「')}」のいずれかを入力してください。`,
    );
    return undefined;
  }

  /** integer within [min, max]; an optional leading ' (formula guard from other tools) is accepted */
  integer(column: string, min: number, max: number, what: string): number | undefined {
    const raw = this.text(column).trim();
    const v = raw.startsWith("'") ? raw.slice(1) : raw;
    if (v === '') {
      this.problem(column, `${what}が空です。整数を入力してください。`);
      return undefined;
    }
    if (!/^-?\d{1,15}$/.test(v)) {
      this.problem(column, `「${raw}」は整数ではありません。${what}は半角数字の整数(例: ${min < 0 ? '-100' : '1080'})で入力してください。`);
      return undefined;
    }
    const n = Number(v);
    if (n < min || n > max) {
      this.problem(column, `「${raw}」は範囲外です。${what}は${groupDigits(min)}〜${groupDigits(max)}で入力してください。`);
      return undefined;
    }
    return n === 0 ? 0 : n;
  }

  /** the cell must be empty (e.g. an item column on an option row) */
  empty(column: string, why: string): void {
    if (this.text(column).trim() !== '') this.problem(column, why);
  }
}
