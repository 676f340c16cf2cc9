/**
 * RFC 4180 CSV text ⇄ cells, written here rather than taken from csv-parse because the app needs
 * three things a generic parser does not give together: mixed CRLF / LF / CR line ends in one file
 * (files edited by hand on different machines), record numbers that match Excel's row numbers
 * (a quoted field may span lines), and a tokenizer that never throws — it returns a typed problem.
 */
import type { FieldProblem } from '../../../src-shared/errors';

/** One record of the file; row is 1-based (header = row 1), counting blank records too. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

export type TokenizeResult = { ok: true; records: CsvRecord[] } | { ok: false; errors: FieldProblem[] };

/** Splits CSV text into records (all in memory; scanCsv streams them). */
export function tokenizeCsv(text: string): TokenizeResult {
  const records: CsvRecord[] = [];
  const problem = scanCsv(text, (r) => {
    records.push(r);
  });
  return problem === null ? { ok: true, records } : { ok: false, errors: [problem] };
}

/**
 * Calls onRecord for each record of CSV text, in order, and returns the problem that stopped the
 * scan (null when the whole text was read). Streaming keeps a large file's records out of memory.
 * Blank records (no cell has non-space text) are skipped but still counted, so row numbers stay
 * those of a spreadsheet. A '"' inside an unquoted field is kept as a literal character (Excel does
 * the same); a quoted field must be closed and followed by ',' or a line end.
 */
export function scanCsv(text: string, onRecord: (record: CsvRecord) => void): FieldProblem | null {
  const n = text.length;
  let cells: string[] = [];
  let row = 1;
  let i = 0;
  if (n === 0) return null;
  // Fields are taken with slice() rather than built char by char: a 900,000-row file stays fast.
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      const startRow = row;
      let j = i + 1;
      field = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          return {
            path: `row${startRow}`,
            row: startRow,
            message: `${startRow}行目: 「"」で始まる項目が閉じられていません。「"」の対応を確認してください。`,
          };
        }
        if (text.charCodeAt(q + 1) === 34) {
          field += text.slice(j, q + 1); // "" inside quotes is one "
          j = q + 2;
          continue;
        }
        field += text.slice(j, q);
        i = q + 1;
        break;
      }
      const c = text.charCodeAt(i);
      if (i < n && c !== 44 && c !== 13 && c !== 10) {
        return {
          path: `row${row}`,
          row,
          message: `${row}行目: 「"」で囲んだ項目の後に余分な文字があります。項目内の「"」は「""」と2つ重ねて書いてください。`,
        };
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 13 || c === 10) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    cells.push(field);
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === 44 /* , */) {
      i++;
      continue;
    }
    // end of record: CRLF, LF, CR or end of text
    if (cells.some((x) => x.trim() !== '')) onRecord({ row, cells });
    cells = [];
    row++;
    if (c === -1) break;
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (i >= n) break;
  }
  return null;
}

// Cells starting with these are run as formulas by spreadsheets (CSV injection). Tab and CR too.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Text cell → CSV cell: a leading ' neutralises a formula (also before existing 's, so it round-trips). */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Inverse of guardFormula for text columns. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Quotes a cell when it contains a delimiter, a quote or a line break. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One record → a CSV line with its CRLF line end (what Excel on Windows writes and expects). */
export function formatCsvLine(cells: readonly string[]): string {
  let line = '';
  for (let k = 0; k < cells.length; k++) line += (k === 0 ? '' : ',') + quoteCell(cells[k] ?? '');
  return `${line}\r\n`;
}

/** Records → CSV text with CRLF line ends. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map(formatCsvLine).join('');
}
