/**
 * What a 請求書 shows, as plain data (docs/receivables-rules.md, docs/tax-rules.md): the items an
 * 適格請求書 needs — issuer and 登録番号, recipient, transaction dates, each line with ※ on 軽減税率
 * items, 適用税率 and per-rate totals and tax (per slip with 伝票単位, once per rate with 請求単位),
 * 非課税 on its own line — plus 前回請求額 … 今回請求額, the due date and the 振込先. Without a
 * 登録番号 it is a plain 請求書 and says so. Pure: the renderer only lays it out.
 */
import type { Company } from '../../../../src-shared/company/company';
import type { StatementDetail } from '../../../../src-shared/receivables/statements';
import type { CustomerTerms } from '../customer-terms-repository';
import type { InvoiceLineData } from '../statement-repository';
import { numberText, REDUCED_MARK, shortDate, yenText } from '../../pdf/pdf-text';


/** A row of the detail table. `amount` of item rows adds up to the carried total (繰越). */
export type DetailRow =
  | { type: 'item'; date: string; slip: string; name: string; quantity: string; unitPrice: string; amount: number; rate: string }
  | { type: 'subtotal'; text: string; amount: string }
  | { type: 'note'; text: string };

export interface RateTotalRow {
  label: string;
  net: number;
  /** null for 非課税 */
  tax: number | null;
}

export interface StatementDocument {
  statementNo: number;
  kind: '締' | '個別';
  qualified: boolean;
  issueDate: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  issuer: { name: string; address: string[]; phone: string | null; registrationNumber: string | null; bankLines: string[] };
  recipient: { name: string; address: string[]; contact: string | null };
  summary: { previous: number; received: number; carriedOver: number; salesNet: number; salesTax: number; salesTotal: number; total: number };
  rows: DetailRow[];
  rateTotals: RateTotalRow[];
  taxAdjustment: number;
  taxUnit: '伝票単位' | '請求単位';
  hasReduced: boolean;
}

export const NOT_QUALIFIED_NOTE = '登録番号の記載がないため、この請求書は適格請求書ではありません。';

const LINE_KIND_NAMES: Record<string, string> = { shipping: '送料', 'payment-fee': '決済手数料', point: 'ポイント値引' };

function rateLabel(rate: number, reduced: boolean): string {
  if (rate === 0) return '非課税';
  return `${rate}%${reduced ? REDUCED_MARK : ''}`;
}

function rateHeading(rate: number, reduced: boolean): string {
  if (rate === 0) return '非課税';
  return `${rate}%対象${reduced ? `(${REDUCED_MARK}軽減税率)` : ''}`;
}

function address(postalCode: string | null, a1: string | null, a2: string | null): string[] {
  return [postalCode ? `〒${postalCode}` : null, a1, a2].filter((x): x is string => !!x);
}

export function buildStatementDocument(input: {
  detail: StatementDetail;
  company: Company;
  customer: CustomerTerms;
  lines: readonly InvoiceLineData[];
}): StatementDocument {
  const { detail, company, customer } = input;
  const linesByInvoice = new Map<number, InvoiceLineData[]>();
  for (const l of input.lines) {
    const list = linesByInvoice.get(l.invoiceId) ?? [];
    list.push(l);
    linesByInvoice.set(l.invoiceId, list);
  }
  const reducedRates = new Set(input.lines.filter((l) => l.reduced).map((l) => l.taxRate));
  const rows: DetailRow[] = [];
  for (const inv of detail.invoices) {
    for (const l of linesByInvoice.get(inv.invoiceId) ?? []) {
      const name = l.kind === 'product' ? l.productName : (LINE_KIND_NAMES[l.kind] ?? l.productName);
      rows.push({
        type: 'item',
        date: shortDate(inv.date),
        slip: inv.name,
        name: l.taxIncluded ? `${name}(税込)` : name,
        quantity: numberText(l.quantity),
        unitPrice: numberText(l.unitPrice),
        amount: l.amount,
        rate: rateLabel(l.taxRate, l.reduced),
      });
    }
    if (inv.late) rows.push({ type: 'note', text: `伝票 ${inv.name} は前回締め以前の日付の伝票です(今回請求分に含めています)。` });
    // 伝票単位: each slip's own per-rate totals and tax, as it was charged
    if (detail.taxUnit === '伝票単位') {
      for (const r of inv.byRate) {
        const heading = rateHeading(r.rate, reducedRates.has(r.rate) && r.rate !== 0);
        rows.push({
          type: 'subtotal',
          text: `伝票 ${inv.name} ${heading}`,
          amount: r.rate === 0 ? `${yenText(r.net)}` : `税抜 ${yenText(r.net)} 消費税 ${yenText(r.tax)}`,
        });
      }
    }
  }
  const rateTotals: RateTotalRow[] = detail.salesByRate.map((s) => ({
    label: rateHeading(s.rate, reducedRates.has(s.rate) && s.rate !== 0),
    net: s.net,
    tax: s.rate === 0 ? null : s.tax,
  }));
  const bankLines = company.bankAccounts.map((b) => `${b.bankName} ${b.branchName} ${b.accountType} ${b.accountNumber} ${b.holder}`);
  return {
    statementNo: detail.statementId,
    kind: detail.kind,
    qualified: company.registrationNumber !== null,
    issueDate: detail.closingDate,
    periodFrom: detail.periodFrom,
    periodTo: detail.closingDate,
    dueDate: detail.dueDate,
    issuer: {
      name: company.name,
      address: address(company.postalCode, company.address1, company.address2),
      phone: company.phone,
      registrationNumber: company.registrationNumber,
      bankLines,
    },
    recipient: { name: customer.name, address: address(customer.postalCode, customer.address1, customer.address2), contact: customer.contactName },
    summary: {
      previous: detail.previous,
      received: detail.received,
      carriedOver: detail.carriedOver,
      salesNet: detail.salesNet,
      salesTax: detail.salesTax,
      salesTotal: detail.salesTotal,
      total: detail.total,
    },
    rows,
    rateTotals,
    taxAdjustment: detail.taxAdjustment,
    taxUnit: detail.taxUnit,
    hasReduced: reducedRates.size > 0,
  };
}
