/**
 * CSV export of one master, for Excel: CRLF line ends, UTF-8 with BOM or Shift_JIS (CP932).
 * Text cells starting with = + - @ (or tab/CR) get a leading ' so a spreadsheet never runs them as
 * formulas; numeric columns holding numbers stay numbers. A character CP932 cannot hold is an
 * error naming its row and column — never a silent '?' (〜 is written as ～: see cp932-variants.ts).
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { CsvExportEncoding } from '../../../src-shared/csv/master-csv';
import { codePointLabel, encodeCsv, firstUnencodableCp932 } from './csv-encoding';
import { capProblems, cellProblem, formatCsvRows, guardFormula } from './csv-records';
import type { MasterCsvColumn, MasterCsvDef } from './master-csv-columns';

/** One value of a row → its cell text. */
function cellText(column: MasterCsvColumn, value: unknown, taxClassCodes: Map<number, string>): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'int':
      return typeof value === 'number' ? String(value) : guardFormula(String(value));
    case 'bool':
      return value ? (column.labels?.true ?? '1') : (column.labels?.false ?? '0');
    case 'taxClassCode':
      return guardFormula(taxClassCodes.get(Number(value)) ?? '');
    case 'text':
      return guardFormula(String(value));
  }
}

/**
 * Rows (as the repository returns them, camelCase) → CSV bytes.
 * @throws CSV_UNENCODABLE listing every cell CP932 cannot hold
 */
export function exportMasterCsv(
  def: MasterCsvDef,
  rows: readonly Record<string, unknown>[],
  encoding: CsvExportEncoding,
  taxClassCodes: Map<number, string>,
): Uint8Array {
  const table: string[][] = [def.columns.map((c) => c.header)];
  const problems: FieldProblem[] = [];
  rows.forEach((r, i) => {
    const cells = def.columns.map((c) => {
      const text = cellText(c, r[c.field], taxClassCodes);
      if (encoding !== 'cp932') return text;
      // 〜 and the other JIS variants are fine: encodeCsv writes their CP932 twins
      const bad = firstUnencodableCp932(text);
      if (bad !== null) {
        problems.push(
          cellProblem(i + 2, c.header, `「${bad}」(${codePointLabel(bad)})はShift_JISで保存できない文字です。UTF-8で出力するか、この文字を別の文字に直してください。`),
        );
      }
      return text;
    });
    table.push(cells);
  });
  if (problems.length > 0) {
    throw new AppError('CSV_UNENCODABLE', `Shift_JISで保存できない文字が${problems.length}か所あるため、ファイルを作成していません。UTF-8で出力するか、該当の文字を直してください。`, {
      fields: capProblems(problems),
    });
  }
  return encodeCsv(formatCsvRows(table), encoding);
}
