/** CSV出力 of the stock screens: stock slips (one row per line) and 在庫一覧; one table export call each. */
import type { CsvExportEncoding } from '../../../src-shared/csv/master-csv';
import type { StockRow } from '../../../src-shared/stock/stock-book';
import { STOCK_SLIP_LABELS, type StockSlipDetail } from '../../../src-shared/stock/stock-slip';
import { exportCsvTable } from '../csv/csv-table-export';

export interface CsvFile {
  fileName: string;
  contentBase64: string;
  rows: number;
}

const stamp = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
const file = (label: string, now: string, encoding: CsvExportEncoding, bytes: Uint8Array, rows: number): CsvFile => ({
  fileName: `${label}_${stamp(now)}${encoding === 'cp932' ? '_SJIS' : ''}.csv`,
  contentBase64: Buffer.from(bytes).toString('base64'),
  rows,
});

export function stockSlipsCsv(slips: readonly StockSlipDetail[], encoding: CsvExportEncoding, now: string): CsvFile {
  const header = [
    '伝票番号',
    '伝票種類',
    '日付',
    '倉庫コード',
    '倉庫名',
    '移動先倉庫コード',
    '移動先倉庫名',
    '仕入先',
    '部門',
    'ワークフロー',
    '確定',
    '行番号',
    '商品コード',
    'SKUコード',
    '商品名',
    '数量',
    '帳簿在庫',
    '差異',
    '備考',
  ];
  const rows = slips.flatMap((s) =>
    s.lines.map((l) => [
      s.id,
      STOCK_SLIP_LABELS[s.kind],
      s.date,
      s.warehouseCode,
      s.warehouseName,
      s.toWarehouseCode,
      s.toWarehouseName,
      s.supplierName,
      s.departmentName,
      s.workflowName,
      s.confirmed ? '確定' : '未確定',
      l.lineNo,
      l.productCode,
      l.skuCode,
      l.productName,
      l.quantity,
      l.bookQuantity,
      l.difference,
      s.memo,
    ]),
  );
  return file('在庫伝票', now, encoding, exportCsvTable(header, rows, encoding), rows.length);
}

export function stockListCsv(rows: readonly StockRow[], encoding: CsvExportEncoding, now: string): CsvFile {
  const header = ['倉庫コード', '倉庫名', '商品コード', 'SKUコード', '商品名', '在庫数'];
  const cells = rows.map((r) => [r.warehouseCode, r.warehouseName, r.productCode, r.skuCode, r.productName, r.quantity]);
  return file('在庫一覧', now, encoding, exportCsvTable(header, cells, encoding), cells.length);
}
