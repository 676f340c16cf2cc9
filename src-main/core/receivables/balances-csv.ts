/**
 * 売掛金残高一覧 (with aging) as CSV, through the app's one CSV writer (core/csv/csv-write.ts):
 * CRLF, UTF-8 with BOM or Shift_JIS, formula guard on text cells, and CSV_UNENCODABLE naming the
 * cell instead of a '?'.
 */
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import type { BalanceRow, BalancesResult } from '../../../src-shared/receivables/balances';
import { csvDownloadOf, writeCsv, type CsvColumn } from '../csv/csv-write';
import { AGING_BUCKETS, AGING_LABELS } from './rules/aging';

function balanceColumns(asOf: string): CsvColumn<BalanceRow>[] {
  return [
    { header: '基準日', cell: () => asOf },
    { header: '得意先コード', cell: (r) => r.customer },
    { header: '得意先名', cell: (r) => r.customerName },
    { header: '請求額累計', cell: (r) => r.invoiced },
    { header: '入金額累計', cell: (r) => r.received },
    { header: '売掛金残高', cell: (r) => r.balance },
    { header: '未消込入金', cell: (r) => r.unallocated },
    ...AGING_BUCKETS.map((b): CsvColumn<BalanceRow> => ({ header: AGING_LABELS[b], cell: (r) => r.aging[b] })),
  ];
}

export const BALANCES_CSV_HEADER = balanceColumns('').map((c) => c.header);

/** The file 売掛金残高一覧_YYYYMMDD(_SJIS).csv named by its 基準日. @throws CSV_UNENCODABLE */
export function balancesCsv(result: BalancesResult, encoding: CsvEncoding): CsvDownload {
  const file = writeCsv(balanceColumns(result.asOf), result.rows, { encoding });
  return csvDownloadOf(file, '売掛金残高一覧', result.asOf, encoding, result.rows.length);
}
