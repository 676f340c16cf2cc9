/**
 * CSV text ⇄ records (csv-parse / csv-stringify) with spreadsheet row numbers: row 1 is the
 * header, a quoted cell spanning lines is one row, blank lines count as rows (as in Excel) but are
 * skipped. Line ends may be mixed (CRLF / LF / CR: files edited on different machines); output is
 * CRLF for Excel. Reading never throws: a broken file becomes a FieldProblem.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FieldProblem } from '../../../src-shared/errors';

export interface CsvRow {
  /** 1-based spreadsheet row (header = 1) */
  row: number;
  cells: string[];
}

/** At most this many problems go back to the UI; more would only flood it. */
export const MAX_CSV_PROBLEMS = 200;

/** A problem at a cell, the message prefixed with its place in Japanese. */
export function cellProblem(row: number, column: string, message: string): FieldProblem {
  return { path: `${row}.${column}`, row, column, message: `${row}行目「${column}」: ${message}` };
}

/** Keeps the first MAX_CSV_PROBLEMS problems and says how many more there were. */
export function capProblems(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_CSV_PROBLEMS) return problems;
  const rest = problems.length - MAX_CSV_PROBLEMS;
  return [...problems.slice(0, MAX_CSV_PROBLEMS), { path: 'more', message: `ほかにも${rest}件の誤りがあります。上の誤りを直してからもう一度取り込んでください。` }];
}

const PARSE_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '「"」で始まる項目が閉じられていません。「"」の対応を確認してください。',
  CSV_INVALID_CLOSING_QUOTE: '「"」で囲んだ項目の後に余分な文字があります。項目内の「"」は「""」と2つ重ねて書いてください。',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '「"」で囲んだ項目の後に余分な文字があります。項目内の「"」は「""」と2つ重ねて書いてください。',
};

type ParsedWithInfo = { record: string[]; info: { records: number; empty_lines: number } }[];

/** Text → non-blank rows with their spreadsheet row numbers, or the problem that stopped reading. */
export function readCsvRows(text: string): { ok: true; rows: CsvRow[] } | { ok: false; problems: FieldProblem[] } {
  let parsed: ParsedWithInfo;
  try {
    parsed = parse(text, {
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      // a '"' inside an unquoted cell is a literal character, as in Excel
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as ParsedWithInfo;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines ?? 1;
    const message = PARSE_MESSAGES[e.code] ?? 'CSVとして読めない箇所があります。Excelなどで開いてCSV形式で保存し直してください。';
    return { ok: false, problems: [{ path: `line${line}`, row: line, message: `${line}行目付近: ${message}` }] };
  }
  const rows: CsvRow[] = [];
  for (const { record, info } of parsed) {
    // info.records counts this record; empty_lines the blank lines skipped before it
    if (record.every((c) => c.trim() === '')) continue;
    rows.push({ row: info.records + info.empty_lines, cells: record });
  }
  return { ok: true, rows };
}

// Cells a spreadsheet would run as a formula (CSV injection): = + - @, and tab / CR.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Text cell → CSV cell: a leading ' neutralises a formula (also before existing 's, so it round-trips). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Inverse of guardFormula on import. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Rows → CSV text, CRLF, quoting cells with , " or a line break. */
export function formatCsvRows(rows: readonly (readonly string[])[]): string {
  // csv-stringify only quotes the configured record delimiter; a lone CR or LF must be quoted too
  return stringify(rows as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
