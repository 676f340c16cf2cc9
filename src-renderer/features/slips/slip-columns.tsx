/** List columns of the 出荷伝票 and 請求伝票 screens: the same date, order, customer and amount columns. */
import { CodeName } from '../../components/CodeName';
import type { Column } from '../../components/VirtualTable';
import { formatJstDate } from '../../format/datetime';
import { formatYen } from '../../format/number';

/** What every 出荷伝票 / 請求伝票 row has (the shared columns read only these). */
export interface SlipRowView {
  date: string;
  customerCode: string;
  customerName: string;
  bcartOrderCode: string | null;
  netAmount: number | null;
  taxAmount: number | null;
  grossAmount: number | null;
  buyerCompany: string | null;
  buyerExtId: string | null;
}

/** 購入者: the BCart member's 会社名 and 貴社独自会員ID (who bought, beside the payment method's 得意先). */
export function buyerText(r: Pick<SlipRowView, 'buyerCompany' | 'buyerExtId'>): string {
  return [r.buyerCompany ?? '', r.buyerExtId ? `(${r.buyerExtId})` : ''].filter((x) => x !== '').join(' ');
}

const yenOrDash = (v: number | null): string => (v === null ? '—' : formatYen(v));

/**
 * 出荷日 / 請求日, 受注番号, the kind's own columns, 得意先 (code over the full name, never cut
 * off: the rows are two lines high), and the amount (金額 / 請求額, integer yen). Every column
 * sorts and goes to CSV by its value.
 */
export function slipColumns<Row extends SlipRowView>(dateHeader: string, own: Column<Row>[], amount: { header: string; of: (row: Row) => number }): Column<Row>[] {
  return [
    { key: 'date', header: dateHeader, width: 104, sortable: true, render: (r) => formatJstDate(r.date), value: (r) => formatJstDate(r.date) },
    { key: 'order', header: '受注番号', width: 118, sortable: true, render: (r) => r.bcartOrderCode ?? '', value: (r) => r.bcartOrderCode },
    ...own,
    {
      key: 'customer',
      header: '得意先',
      sortable: true,
      render: (r) => <CodeName code={r.customerCode} name={r.customerName} />,
      value: (r) => `${r.customerCode} ${r.customerName}`,
    },
    { key: 'buyer', header: '購入者', width: 160, sortable: true, render: (r) => buyerText(r), value: (r) => buyerText(r) },
    // one basis per column, labelled (docs/glossary.md#money-basis); the BCart-priced amount last
    { key: 'net', header: '税抜', width: 100, align: 'right', sortable: true, render: (r) => yenOrDash(r.netAmount), value: (r) => r.netAmount },
    { key: 'tax', header: '消費税', width: 84, align: 'right', sortable: true, render: (r) => yenOrDash(r.taxAmount), value: (r) => r.taxAmount },
    { key: 'gross', header: '税込', width: 100, align: 'right', sortable: true, render: (r) => yenOrDash(r.grossAmount), value: (r) => r.grossAmount },
    { key: 'amount', header: amount.header, width: 150, align: 'right', sortable: true, render: (r) => formatYen(amount.of(r)), value: (r) => amount.of(r) },
  ];
}

/** Rows tall enough for 得意先's two lines. */
export const SLIP_ROW_HEIGHT = 46;
