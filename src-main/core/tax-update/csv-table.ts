/**
 * Shared steps of reading a typed CSV: bytes → text → records → header check, and helpers that
 * turn a cell into a value or a FieldProblem naming row and column. Never throws.
 */
import type { FieldProblem } from '../../../src-shared/errors';
import { decodeCsvBytes, type CsvEncoding } from './csv-encoding';
import { tokenizeCsv, unguardFormula, type CsvRecord } from './csv-text';

/** At most this many problems are returned; a large broken file would otherwise flood the UI. */
export const MAX_CSV_PROBLEMS = 200;

export interface CsvTable {
  encoding: CsvEncoding;
  /** header name → column index */
  columns: Map<string, number>;
  /** data records (header excluded) */
  records: CsvRecord[];
}

export type CsvTableResult = { ok: true; table: CsvTable } | { ok: false; errors: FieldProblem[] };

/** A problem at row/column with a Japanese message prefixed by the location. */
export function cellProblem(row: number, column: string, message: string): FieldProblem {
  return { path: `${row}.${column}`, row, column, message: `${row}行目「${column}」: ${message}` };
}

/**
 * Decodes and tokenizes a CSV and checks its header.
 * @param required headers that must be present
 * @param strict when true, headers other than `required` are errors too (the file is ours)
 */
export function readCsvTable(bytes: Uint8Array, required: readonly string[], strict: boolean, encoding?: CsvEncoding): CsvTableResult {
  const decoded = decodeCsvBytes(bytes, encoding);
  const tok = tokenizeCsv(decoded.text);
  if (!tok.ok) return tok;
  const [header, ...records] = tok.records;
  if (header === undefined) {
    return { ok: false, errors: [{ path: 'row1', row: 1, message: 'CSVが空です。見出し行(1行目)のあるファイルを選んでください。' }] };
  }
  const errors: FieldProblem[] = [];
  if (decoded.invalid) {
    // name the cells that hold undecodable bytes
    for (const r of tok.records) {
      r.cells.forEach((c, i) => {
        if (c.includes('\uFFFD') && errors.length < MAX_CSV_PROBLEMS) {
          const column = r === header ? `${i + 1}列目` : (header.cells[i]?.trim() ?? `${i + 1}列目`);
          errors.push(
            cellProblem(
              r.row,
              column,
              `文字コード(${decoded.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'})として読めない文字があります。UTF-8 または Shift_JIS で保存し直してください。`,
            ),
          );
        }
      });
    }
    return { ok: false, errors };
  }
  const columns = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    if (columns.has(name)) errors.push(cellProblem(1, name, '同じ名前の列が2つあります。どちらか一方を削除してください。'));
    else columns.set(name, i);
    if (strict && !required.includes(name)) {
      errors.push(cellProblem(1, name || `${i + 1}列目`, `この列は使えません。列名は「${required.join('」「')}」のいずれかにしてください。`));
    }
  });
  for (const name of required) {
    if (!columns.has(name)) errors.push(cellProblem(1, name, `必須の列「${name}」がありません。見出し行に「${name}」列を追加してください。`));
  }
  for (const r of records) {
    if (r.cells.length !== header.cells.length && errors.length < MAX_CSV_PROBLEMS) {
      errors.push({
        path: `${r.row}`,
        row: r.row,
        message: `${r.row}行目: 列の数(${r.cells.length})が見出し行の列の数(${header.cells.length})と違います。区切りの「,」や「"」を確認してください。`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors: capProblems(errors) };
  return { ok: true, table: { encoding: decoded.encoding, columns, records } };
}

/** Keeps the first MAX_CSV_PROBLEMS problems and adds one line saying how many were left out. */
export function capProblems(errors: FieldProblem[]): FieldProblem[] {
  if (errors.length <= MAX_CSV_PROBLEMS) return errors;
  const rest = errors.length - MAX_CSV_PROBLEMS;
  return [...errors.slice(0, MAX_CSV_PROBLEMS), { path: 'more', message: `ほかにも${rest}件の誤りがあります。上の誤りを直してからもう一度読み込んでください。` }];
}

/** 1234567 → "1,234,567" (locale-independent). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Reads cells of one record by column name. */
export class RowReader {
  constructor(
    private readonly table: CsvTable,
    readonly record: CsvRecord,
    private readonly errors: FieldProblem[],
  ) {}

  get row(): number {
    return this.record.row;
  }

  /** raw text cell (formula guard removed), '' when absent */
  text(column: string): string {
    const i = this.table.columns.get(column);
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
    this.problem(column, v === '' ? `値が空です。「${allowed.join('」「')}」のいずれかを入力してください。` : `「${v}」は使えません。「${allowed.join('」「')}」のいずれかを入力してください。`);
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
