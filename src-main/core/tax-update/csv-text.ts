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

/**
 * Splits CSV text into records. Blank records (no cell has non-space text) are dropped but still
 * counted, so row numbers stay those of a spreadsheet. A '"' inside an unquoted field is kept as a
 * literal character (Excel does the same); a quoted field must be closed and followed by ',' or a
 * line end.
 */
export function tokenizeCsv(text: string): TokenizeResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const n = text.length;
  const endRecord = (): void => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) records.push({ row, cells });
    cells = [];
    field = '';
    row++;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      const startRow = row;
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        field += c;
        i++;
      }
      if (!closed) {
        return { ok: false, errors: [{ path: `row${startRow}`, row: startRow, message: `${startRow}行目: 「"」で始まる項目が閉じられていません。「"」の対応を確認してください。` }] };
      }
      const next = text[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        return {
          ok: false,
          errors: [{ path: `row${row}`, row, message: `${row}行目: 「"」で囲んだ項目の後に余分な文字があります。項目内の「"」は「""」と2つ重ねて書いてください。` }],
        };
      }
      continue;
    }
    if (ch === ',') {
      cells.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
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

/** Records → CSV text with CRLF line ends (what Excel on Windows writes and expects). */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const r of rows) out += `${r.map(quoteCell).join(',')}\r\n`;
  return out;
}
