/** List columns of the 出荷伝票 and 請求伝票 screens: the same date, order, customer and amount columns. */
import type { Column } from '../../components/VirtualTable';
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
 * 出荷日 / 請求日, 受注番号, the kind's own columns, 得意先 (code and name), and the amount
 * (金額 / 請求額, integer yen).
 */
export function slipColumns<Row extends SlipRowView>(dateHeader: string, own: Column<Row>[], amount: { header: string; of: (row: Row) => number }): Column<Row>[] {
  return [
    { key: 'date', header: dateHeader, width: 110, render: (r) => r.date },
    { key: 'order', header: '受注番号', width: 130, render: (r) => r.bcartOrderCode ?? '' },
    ...own,
    { key: 'customer', header: '得意先', render: (r) => `${r.customerCode} ${r.customerName}` },
    { key: 'buyer', header: '購入者', width: 200, render: (r) => buyerText(r) },
    // one basis per column, labelled (docs/glossary.md#money-basis); the BCart-priced amount last
    { key: 'net', header: '税抜', width: 110, align: 'right', render: (r) => yenOrDash(r.netAmount) },
    { key: 'tax', header: '消費税', width: 90, align: 'right', render: (r) => yenOrDash(r.taxAmount) },
    { key: 'gross', header: '税込', width: 110, align: 'right', render: (r) => yenOrDash(r.grossAmount) },
    { key: 'amount', header: amount.header, width: 120, align: 'right', render: (r) => formatYen(amount.of(r)) },
  ];
}
