/**
 * Reads the cells of one data row by column header and turns them into values, or into problems
 * naming the row and column in Japanese. Every CSV reader of the app uses it, so the same mistake
 * gets the same message in every file.
 */
import type { FieldProblem } from '../../../src-shared/errors';
import { cellProblem } from './csv-problems';
import type { CsvRecord } from './csv-records';
import { unguardFormula } from './csv-formula';

export class RowReader {
  /** columns with a problem; made on the first problem (most rows have none, and there is one reader per row) */
  private flagged: Set<string> | null = null;

  constructor(
    /** header name → cell index */
    private readonly columns: ReadonlyMap<string, number>,
    readonly record: CsvRecord,
    private readonly report: (problem: FieldProblem) => void,
  ) {}

  /** the spreadsheet row (header = 1) */
  get row(): number {
    return this.record.row;
  }

  /** the index of a column's cell in every row of this file, undefined when the header lacks it */
  columnIndex(column: string): number | undefined {
    return this.columns.get(column);
  }

  /** the cell as written, '' when the column or the cell is absent */
  cell(column: string): string {
    const i = this.columns.get(column);
    return i === undefined ? '' : (this.record.cells[i] ?? '');
  }

  /** a text cell: the formula guard (a leading ') removed */
  text(column: string): string {
    return unguardFormula(this.cell(column));
  }

  /** trimmed text; a problem when required and empty */
  code(column: string, required: boolean): string {
    const v = this.text(column).trim();
    if (required && v === '') this.problem(column, '値が空です。入力してください。');
    return v;
  }

  problem(column: string, message: string): void {
    (this.flagged ??= new Set()).add(column);
    this.report(cellProblem(this.row, column, message));
  }

  /** whether this row already has a problem in that column (so a vaguer second one can be left out) */
  reported(column: string): boolean {
    return this.flagged?.has(column) ?? false;
  }

  /** whether this row has any problem so far */
  get hasProblems(): boolean {
    return this.flagged !== null;
  }

  /** one of the allowed values, or undefined with a problem */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T | undefined {
    const v = this.text(column).trim();
    if ((allowed as readonly string[]).includes(v)) return v as T;
    const choices = `「${allowed.join('」「')}」のいずれかを入力してください。`;
    this.problem(column, v === '' ? `値が空です。${choices}` : `「${v}」は使えません。${choices}`);
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
      this.problem(
        column,
        `「${raw}」は範囲外です。${what}は${min.toLocaleString('en-US')}〜${max.toLocaleString('en-US')}で入力してください。`,
      );
      return undefined;
    }
    return n === 0 ? 0 : n;
  }

  /** the cell must be empty (e.g. an item column on an option row) */
  empty(column: string, why: string): void {
    if (this.text(column).trim() !== '') this.problem(column, why);
  }
}
