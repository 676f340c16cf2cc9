/** List columns of the 出荷伝票 and 請求伝票 screens: the same date, order, customer and amount columns. */
import type { Column } from '../../components/VirtualTable';
import { formatYen } from '../../format/number';

/** What every 出荷伝票 / 請求伝票 row has (the shared columns read only these). */
export interface SlipRowView {
  date: string;
  customerCode: string;
  customerName: string;
  bcartOrderCode: string | null;
}

/**
 * 出荷日 / 請求日, 受注番号, the kind's own columns, 得意先 (code and name), and the amount
 * (金額 / 請求額, integer yen).
 */
export function slipColumns<Row extends SlipRowView>(dateHeader: string, own: Column<Row>[], amount: { header: string; of: (row: Row) => number }): Column<Row>[] {
  return [
    { key: 'date', header: dateHeader, width: 110, render: (r) => r.date },
    { key: 'order', header: '受注番号', width: 130, render: (r) => r.bcartOrderCode ?? '' },
    ...own,
    { key: 'customer', header: '得意先', render: (r) => `${r.customerCode} ${r.customerName}` },
    { key: 'amount', header: amount.header, width: 120, align: 'right', render: (r) => formatYen(amount.of(r)) },
  ];
}
