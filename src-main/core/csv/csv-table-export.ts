/**
 * CSV export of any table a screen shows (stock slips, 在庫一覧 …), with the same rules as the
 * master export: CRLF, UTF-8 with BOM or Shift_JIS (CP932), text cells guarded against formula
 * injection, numbers kept as numbers, and a character CP932 cannot hold is an error naming its row
 * and column — never a silent '?'.
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { CsvExportEncoding } from '../../../src-shared/csv/master-csv';
import { codePointLabel, encodeCsv, firstUnencodableCp932 } from './csv-encoding';
import { capProblems, cellProblem, formatCsvRows, guardFormula } from './csv-records';

export type CsvCell = string | number | null;

/** Header + rows → CSV bytes. @throws CSV_UNENCODABLE listing every cell CP932 cannot hold */
export function exportCsvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[], encoding: CsvExportEncoding): Uint8Array {
  const problems: FieldProblem[] = [];
  const table: string[][] = [[...header]];
  rows.forEach((r, i) => {
    table.push(
      r.map((v, c) => {
        if (v === null) return '';
        if (typeof v === 'number') return String(v);
        const text = guardFormula(v);
        const bad = encoding === 'cp932' ? firstUnencodableCp932(text) : null;
        if (bad !== null) {
          problems.push(
            cellProblem(
              i + 2,
              header[c] ?? '',
              `「${bad}」(${codePointLabel(bad)})はShift_JISで保存できない文字です。UTF-8で出力するか、この文字を別の文字に直してください。`,
            ),
          );
        }
        return text;
      }),
    );
  });
  if (problems.length > 0) {
    throw new AppError(
      'CSV_UNENCODABLE',
      `Shift_JISで保存できない文字が${problems.length}か所あるため、ファイルを作成していません。UTF-8で出力するか、該当の文字を直してください。`,
      {
        fields: capProblems(problems),
      },
    );
  }
  return encodeCsv(formatCsvRows(table), encoding);
}
