/**
 * Writes typed rows as CSV bytes. Text cells get the formula guard and, for CP932, a check that
 * every character can be written (an error naming row and column instead of a silent '?'; 〜 and
 * the other JIS variants are written as their CP932 twins, see ../csv/cp932-variants.ts);
 * number cells are written as plain integers, so −100 stays a number a spreadsheet can sum.
 */
import type { FieldProblem } from '../../../src-shared/errors';
import { codePointLabel, encodeCsvText, firstUnencodableCp932, type CsvEncoding } from './csv-encoding';
import { capProblems, cellProblem } from './csv-table';
import { formatCsvLine, guardFormula } from './csv-text';

export type CsvSerialiseResult = { ok: true; bytes: Uint8Array } | { ok: false; errors: FieldProblem[] };

export interface CsvWriteOptions {
  encoding: CsvEncoding;
  /** UTF-8 only: write a BOM (default true, so Excel opens the file as UTF-8) */
  bom?: boolean;
}

/** True when text holds half of a surrogate pair on its own (it cannot be encoded at all). */
function hasLoneSurrogate(text: string): boolean {
  if (!/[\uD800-\uDFFF]/.test(text)) return false; // fast path without the unicode-mode regex
  return /\p{Cs}/u.test(text);
}

/**
 * Rows → CSV bytes. A number cell must be a safe integer; a string cell in a number column
 * (e.g. '' where the column does not apply) is written as is.
 * @param problems problems found by the caller before writing (returned together with these)
 */
export function writeCsv<C extends string>(
  headers: readonly C[],
  rows: Iterable<Record<C, string | number>>,
  numberColumns: ReadonlySet<C>,
  opts: CsvWriteOptions,
  problems: FieldProblem[] = [],
): CsvSerialiseResult {
  const errors = [...problems];
  // Encoded in chunks of about 1 MB of text: a 900,000-row file never exists as one huge string.
  const chunks: Uint8Array[] = [];
  let text = formatCsvLine(headers);
  let rowNo = 1;
  const flush = (): void => {
    if (errors.length === 0) chunks.push(encodeCsvText(text, opts.encoding, { bom: chunks.length === 0 && opts.bom !== false }));
    text = '';
  };
  for (const row of rows) {
    rowNo++;
    text += formatCsvLine(
      headers.map((column) => {
        const v: string | number = row[column];
        if (typeof v === 'number') {
          if (!Number.isSafeInteger(v))
            errors.push(cellProblem(rowNo, column, `「${v}」は整数ではないため出力できません。値を円単位の整数に直してください。`));
          return String(v);
        }
        if (numberColumns.has(column)) return v;
        if (hasLoneSurrogate(v)) {
          errors.push(
            cellProblem(
              rowNo,
              column,
              '壊れた文字(対になっていないサロゲート)が含まれているため出力できません。値を入力し直してください。',
            ),
          );
        } else if (opts.encoding === 'cp932') {
          const bad = firstUnencodableCp932(v);
          if (bad !== null) {
            errors.push(
              cellProblem(
                rowNo,
                column,
                `文字「${bad}」(${codePointLabel(bad)})は Shift_JIS で保存できません。別の文字に置き換えるか、UTF-8 で出力してください。`,
              ),
            );
          }
        }
        return guardFormula(v);
      }),
    );
    if (text.length >= CHUNK_CHARS) flush();
  }
  flush();
  if (errors.length > 0) return { ok: false, errors: capProblems(errors) };
  return { ok: true, bytes: concatBytes(chunks) };
}

const CHUNK_CHARS = 1 << 20;

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
