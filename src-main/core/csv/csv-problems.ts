/**
 * Problems of a CSV file, by place: row numbers are those of a spreadsheet (header = row 1, a
 * quoted cell spanning lines is one row, blank rows count), columns are named by their header.
 * Each message starts with its place in Japanese, so it reads on its own (CLI, logs), and the
 * renderer's 行 / 列 / 内容 table strips that prefix.
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';

/** At most this many problems go back to the UI; more would only flood it. */
export const MAX_CSV_PROBLEMS = 200;

/** A problem of one cell. */
export function cellProblem(row: number, column: string, message: string): FieldProblem {
  return { path: `${row}.${column}`, row, column, message: `${row}行目「${column}」: ${message}` };
}

/** A problem of a whole row (its shape, or what stopped reading it). */
export function rowProblem(row: number, message: string): FieldProblem {
  return { path: `${row}`, row, message: `${row}行目: ${message}` };
}

function moreLine(rest: number): FieldProblem {
  return { path: 'more', message: `ほかにも${rest}件の誤りがあります。上の誤りを直してからもう一度取り込んでください。` };
}

/** Keeps the first MAX_CSV_PROBLEMS problems and says how many more there were. */
export function capProblems(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_CSV_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_CSV_PROBLEMS), moreLine(problems.length - MAX_CSV_PROBLEMS)];
}

/**
 * The problems of one file as they are found. Only the first MAX_CSV_PROBLEMS are kept, the rest
 * only counted, so a large file with a mistake on every row cannot fill the memory with messages.
 */
export class CsvProblemList {
  private readonly kept: FieldProblem[] = [];
  private dropped = 0;

  add(problem: FieldProblem): void {
    if (this.kept.length < MAX_CSV_PROBLEMS) this.kept.push(problem);
    else this.dropped++;
  }

  /** how many problems were found, kept or not */
  get size(): number {
    return this.kept.length + this.dropped;
  }

  /** the kept problems, and a last line saying how many more there were */
  toArray(): FieldProblem[] {
    return this.dropped === 0 ? [...this.kept] : [...this.kept, moreLine(this.dropped)];
  }
}

/** CSV_INVALID: the file was refused as a whole, nothing written; `what` names the file (「商品」). */
export function csvInvalid(what: string, problems: readonly FieldProblem[]): AppError {
  return new AppError('CSV_INVALID', `${what}のCSVに誤りがあるため、何も取り込んでいません。一覧の行・列の内容を直してから、もう一度取り込んでください。`, {
    fields: capProblems([...problems]),
  });
}

/** CSV_UNENCODABLE: no file was written because some cells cannot be written as asked. */
export function csvUnencodable(problems: readonly FieldProblem[]): AppError {
  return new AppError(
    'CSV_UNENCODABLE',
    'CSVに書き出せない文字や値があるため、ファイルを作成していません。Shift_JISで保存できない文字はUTF-8で出力するか、一覧の行・列の値を直してください。',
    { fields: capProblems([...problems]) },
  );
}

/** CSV_CANCELLED: 中止 while the file was read; nothing was written. */
export function csvCancelled(): AppError {
  return new AppError('CSV_CANCELLED', 'CSV取込を中止しました。ファイルの内容は何も取り込んでいません。');
}
