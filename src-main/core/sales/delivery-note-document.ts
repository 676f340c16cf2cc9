/**
 * What a 納品書 of a confirmed 売上伝票 shows, as plain data: issuer (自社情報, 登録番号), recipient
 * (the 得意先 with its address), 伝票番号 and 売上日, each line (商品コード, 品名, 数量, 単価, 金額,
 * 税率 with ※ on 軽減税率 items) and the slip's own per-rate totals — the same figures as its
 * 請求伝票 (docs/sales-rules.md). A 税込 customer's amounts are tax-included and the tax is shown as
 * 内消費税. Pure: delivery-note-pdf.ts only lays it out.
 */
import type { Company } from '../../../src-shared/company/company';
import type { SalesDetail } from '../../../src-shared/sales/sales-slip';
import { numberText, REDUCED_LEGEND, REDUCED_MARK } from '../pdf/pdf-text';

export interface DeliveryNoteLine {
  code: string;
  name: string;
  quantity: string;
  unitPrice: string;
  amount: number;
  rate: string;
}

export interface DeliveryNoteDocument {
  slipNo: string;
  date: string;
  priceMode: '税込' | '税抜';
  issuer: { name: string; address: string[]; phone: string | null; registrationNumber: string | null };
  recipient: { name: string; address: string[]; contact: string | null };
  lines: DeliveryNoteLine[];
  /** per rate: label, tax-excluded, tax, tax-included */
  rateTotals: { label: string; net: number; tax: number | null; gross: number }[];
  net: number;
  tax: number;
  total: number;
  /** the legend when a line is 軽減税率 */
  legend: string | null;
  memo: string;
}

export interface Recipient {
  name: string;
  postalCode: string | null;
  address1: string | null;
  address2: string | null;
  contactName: string | null;
}

const address = (postalCode: string | null, a1: string | null, a2: string | null) =>
  [postalCode ? `〒${postalCode}` : null, a1, a2].filter((x): x is string => !!x);

/** `reduced`: the 税区分 ids of kind 軽減 among the slip's lines. */
export function buildDeliveryNote(slip: SalesDetail, company: Company, customer: Recipient, reduced: ReadonlySet<number>): DeliveryNoteDocument {
  if (slip.slipNo === null) throw new RangeError('a delivery note needs a confirmed slip');
  const reducedRates = new Set(slip.lines.filter((l) => reduced.has(l.taxClassId)).map((l) => l.taxRate));
  const label = (rate: number) => (rate === 0 ? '非課税' : `${rate}%対象${reducedRates.has(rate) ? `(${REDUCED_MARK}軽減税率)` : ''}`);
  return {
    slipNo: slip.slipNo,
    date: slip.date,
    priceMode: slip.priceMode,
    issuer: { name: company.name, address: address(company.postalCode, company.address1, company.address2), phone: company.phone, registrationNumber: company.registrationNumber },
    recipient: { name: customer.name, address: address(customer.postalCode, customer.address1, customer.address2), contact: customer.contactName },
    lines: slip.lines.map((l) => ({
      code: l.productCode,
      name: l.productName,
      quantity: numberText(l.quantity),
      unitPrice: numberText(l.unitPrice),
      amount: l.amount,
      rate: l.taxRate === 0 ? '非課税' : `${l.taxRate}%${reduced.has(l.taxClassId) ? REDUCED_MARK : ''}`,
    })),
    rateTotals: slip.byRate.map((r) => ({ label: label(r.rate), net: r.net, tax: r.rate === 0 ? null : r.tax, gross: r.gross })),
    net: slip.net,
    tax: slip.tax,
    total: slip.total,
    legend: reducedRates.size > 0 ? REDUCED_LEGEND : null,
    memo: slip.memo,
  };
}
