/** CSV出力 of 売上分析: the grouped table with this year, the year before and the change, or one group's slips. */
import { CHANNEL_LABELS, DIMENSION_LABELS, type AnalysisCsvInput, type AnalysisRow, type AnalysisSlip } from '../../../src-shared/analysis/sales-analysis';
import { grossMarginRate } from '../../../src-shared/analysis/gross-margin';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import { csvDownloadOf, writeCsv, type CsvColumn } from '../csv/csv-write';
import type { AnalysisService } from './analysis-service';

const GROUP_COLUMNS: CsvColumn<AnalysisRow>[] = [
  { header: 'キー', cell: (r) => r.key },
  { header: '名称', cell: (r) => r.label },
  { header: 'チャネル', cell: (r) => CHANNEL_LABELS[r.channel] },
  { header: '税抜売上', cell: (r) => r.net },
  { header: '数量', cell: (r) => r.quantity },
  { header: '前年税抜売上', cell: (r) => r.prevNet },
  { header: '前年数量', cell: (r) => r.prevQuantity },
  { header: '前年差', cell: (r) => r.net - r.prevNet },
  // blank where a line of the group has no 原価
  { header: '原価', cell: (r) => r.cost },
  { header: '粗利', cell: (r) => r.margin },
  { header: '粗利率', cell: (r) => grossMarginRate(r.net, r.margin) },
];

const SLIP_COLUMNS: CsvColumn<AnalysisSlip>[] = [
  { header: 'チャネル', cell: (r) => CHANNEL_LABELS[r.channel] },
  { header: '日付', cell: (r) => r.date },
  { header: '伝票番号・受注番号', cell: (r) => r.number },
  { header: '得意先コード', cell: (r) => r.customerCode },
  { header: '得意先名', cell: (r) => r.customerName },
  { header: '税抜売上', cell: (r) => r.net },
  { header: '数量', cell: (r) => r.quantity },
];

export function exportAnalysisCsv(analysis: AnalysisService, input: AnalysisCsvInput, now: string): CsvDownload {
  if (input.table === 'groups') {
    const { rows } = analysis.sales(input.query);
    const name = `売上分析_${DIMENSION_LABELS[input.query.by]}_${input.query.from}_${input.query.to}`;
    return csvDownloadOf(writeCsv(GROUP_COLUMNS, rows, { encoding: input.encoding }), name, now, input.encoding, rows.length);
  }
  const rows = analysis.slips({ ...input.query, limit: input.query.limit ?? 5000 });
  const name = `売上分析_明細_${input.query.key}`;
  return csvDownloadOf(writeCsv(SLIP_COLUMNS, rows, { encoding: input.encoding }), name, now, input.encoding, rows.length);
}
