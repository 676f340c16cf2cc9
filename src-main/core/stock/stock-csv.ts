/** CSV出力 of the stock screens through the one CSV writer: stock slips (one row per line) and 在庫一覧. */
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { CsvDownload } from '../../../src-shared/csv/csv-file';
import type { StockRow } from '../../../src-shared/stock/stock-book';
import { STOCK_SLIP_LABELS, type StockSlipDetail } from '../../../src-shared/stock/stock-slip';
import { csvDownloadOf, writeCsv, type CsvColumn } from '../csv/csv-write';

type SlipLineRow = { s: StockSlipDetail; l: StockSlipDetail['lines'][number] };

const SLIP_COLUMNS: CsvColumn<SlipLineRow>[] = [
  { header: '伝票番号', cell: ({ s }) => s.id },
  { header: '伝票種類', cell: ({ s }) => STOCK_SLIP_LABELS[s.kind] },
  { header: '日付', cell: ({ s }) => s.date },
  { header: '倉庫コード', cell: ({ s }) => s.warehouseCode },
  { header: '倉庫名', cell: ({ s }) => s.warehouseName },
  { header: '移動先倉庫コード', cell: ({ s }) => s.toWarehouseCode },
  { header: '移動先倉庫名', cell: ({ s }) => s.toWarehouseName },
  { header: '仕入先', cell: ({ s }) => s.supplierName },
  { header: '部門', cell: ({ s }) => s.departmentName },
  { header: 'ワークフロー', cell: ({ s }) => s.workflowName },
  { header: '確定', cell: ({ s }) => (s.confirmed ? '確定' : '未確定') },
  { header: '行番号', cell: ({ l }) => l.lineNo },
  { header: '商品コード', cell: ({ l }) => l.productCode },
  { header: 'SKUコード', cell: ({ l }) => l.skuCode },
  { header: '商品名', cell: ({ l }) => l.productName },
  { header: '数量', cell: ({ l }) => l.quantity },
  { header: '帳簿在庫', cell: ({ l }) => l.bookQuantity },
  { header: '差異', cell: ({ l }) => l.difference },
  { header: '備考', cell: ({ s }) => s.memo },
];

const STOCK_COLUMNS: CsvColumn<StockRow>[] = [
  { header: '倉庫コード', cell: (r) => r.warehouseCode },
  { header: '倉庫名', cell: (r) => r.warehouseName },
  { header: '商品コード', cell: (r) => r.productCode },
  { header: 'SKUコード', cell: (r) => r.skuCode },
  { header: '商品名', cell: (r) => r.productName },
  { header: '在庫数', cell: (r) => r.quantity },
];

export function stockSlipsCsv(slips: readonly StockSlipDetail[], encoding: CsvEncoding, now: string): CsvDownload {
  const rows = slips.flatMap((s) => s.lines.map((l) => ({ s, l })));
  return csvDownloadOf(writeCsv(SLIP_COLUMNS, rows, { encoding }), '在庫伝票', now, encoding, rows.length);
}

export function stockListCsv(rows: readonly StockRow[], encoding: CsvEncoding, now: string): CsvDownload {
  return csvDownloadOf(writeCsv(STOCK_COLUMNS, rows, { encoding }), '在庫一覧', now, encoding, rows.length);
}
