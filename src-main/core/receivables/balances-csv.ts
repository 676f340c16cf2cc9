/**
 * 売掛金残高一覧 (with aging) as CSV, through the app's one CSV layer (core/csv): CRLF, UTF-8 with
 * BOM or Shift_JIS, formula guard on text cells, and CSV_UNENCODABLE naming the cell instead of a '?'.
 */
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { CsvExportEncoding } from '../../../src-shared/csv/master-csv';
import type { BalancesResult } from '../../../src-shared/receivables/balances';
import { codePointLabel, encodeCsv, firstUnencodableCp932 } from '../csv/csv-encoding';
import { capProblems, cellProblem, formatCsvRows, guardFormula } from '../csv/csv-records';
import { AGING_BUCKETS, AGING_LABELS } from './rules/aging';

export const BALANCES_CSV_HEADER = ['基準日', '得意先コード', '得意先名', '請求額累計', '入金額累計', '売掛金残高', '未消込入金', ...AGING_BUCKETS.map((b) => AGING_LABELS[b])];

export function balancesCsv(result: BalancesResult, encoding: CsvExportEncoding): Uint8Array {
  const problems: FieldProblem[] = [];
  const rows = result.rows.map((r, i) => {
    const cells = [result.asOf, guardFormula(r.customer), guardFormula(r.customerName), ...[r.invoiced, r.received, r.balance, r.unallocated, ...AGING_BUCKETS.map((b) => r.aging[b])].map(String)];
    if (encoding === 'cp932') {
      cells.forEach((c, j) => {
        const bad = firstUnencodableCp932(c);
        if (bad !== null) problems.push(cellProblem(i + 2, BALANCES_CSV_HEADER[j]!, `「${bad}」(${codePointLabel(bad)})はShift_JISで保存できない文字です。UTF-8で出力するか、取引先名を直してください。`));
      });
    }
    return cells;
  });
  if (problems.length > 0) {
    throw new AppError('CSV_UNENCODABLE', `Shift_JISで保存できない文字が${problems.length}か所あるため、ファイルを作成していません。UTF-8で出力するか、該当の文字を直してください。`, {
      fields: capProblems(problems),
    });
  }
  return encodeCsv(formatCsvRows([BALANCES_CSV_HEADER, ...rows]), encoding);
}
