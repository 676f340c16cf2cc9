/** List columns shared by the 出荷伝票 and 請求伝票 screens (same header, width and rendering). */
import type { Column } from '../../components/VirtualTable';

/** What every 出荷伝票 / 請求伝票 row has (the shared columns read only these). */
export interface SlipRowView {
  date: string;
  customerCode: string;
  customerName: string;
  bcartOrderCode: string | null;
}

/** 出荷日 / 請求日 column. */
export function dateColumn<Row extends SlipRowView>(header: string): Column<Row> {
  return { key: 'date', header, width: 110, render: (r) => r.date };
}

/** 受注番号 column (BCart's order code). */
export function orderColumn<Row extends SlipRowView>(): Column<Row> {
  return { key: 'order', header: '受注番号', width: 130, render: (r) => r.bcartOrderCode ?? '' };
}

/** 得意先 column (code and name). */
export function customerColumn<Row extends SlipRowView>(): Column<Row> {
  return { key: 'customer', header: '得意先', render: (r) => `${r.customerCode} ${r.customerName}` };
}
