/**
 * 請求伝票 for the shipped part of an order cancelled after a partial shipment
 * (docs/import-rules.md#review-list). BCart's order_totals describe the whole order, which was
 * never delivered, so the app computes the amounts itself from the booked 出荷伝票 lines: tax
 * once per invoice per rate (docs/tax-rules.md#invoices-from-bcart) with the setting's rounding.
 * Shipping, fee and point lines are not added: they belong to the cancelled order as a whole and
 * a clerk who wants them edits the invoice.
 */
import type { RoundingMode } from '../../../../src-shared/domain/rounding';
import { invoiceMoney, productInvoiceLine } from './build-invoice';
import { appRateFigures } from './money-basis';
import type { BuyerDraft, InvoiceDraft, InvoiceLineDraft, RateTotals, TaxRatePercent } from './import-plan';

/** A booked 出荷伝票 of the order with its lines, as stored. */
export interface BookedShipment {
  date: string;
  departmentId: number;
  customerId: number;
  customerCode: string;
  buyer: BuyerDraft;
  bcartLogisticsId: number | null;
  lines: {
    productId: number;
    productCode: string;
    quantity: number;
    unitPrice: number;
    amount: number;
    taxClassId: number;
    taxRate: number;
    taxIncluded: boolean;
    bcartOrderProductId: number | null;
  }[];
}

export interface ShippedPartInput {
  orderId: number;
  orderCode: string;
  invoiceWorkflowId: number;
  taxRounding: RoundingMode;
  shipments: readonly BookedShipment[];
}

/**
 * Per rate: tax-excluded lines add to 税抜 and the tax is computed once on that sum; tax-included
 * lines add to 税込 and their tax is split out once. A rate holding both kinds rounds each kind once.
 */
export function shippedPartInvoice(input: ShippedPartInput): InvoiceDraft {
  const first = input.shipments[0];
  if (first === undefined) throw new RangeError('no booked shipment');
  // stock moved with the 出荷伝票 already: the invoice lines do not track it again
  const lines: InvoiceLineDraft[] = input.shipments.flatMap((s) =>
    s.lines.map((l) => productInvoiceLine({ ...l, taxRate: l.taxRate as TaxRatePercent, inventoryTracked: false })),
  );
  const byRate: RateTotals[] = appRateFigures(lines, input.taxRounding).map((f) => ({
    rate: f.rate as TaxRatePercent,
    taxClassId: lines.find((l) => l.taxRate === f.rate)!.taxClassId,
    net: f.net,
    tax: f.tax,
    gross: f.gross,
    appTax: f.tax,
  }));
  const date = input.shipments.reduce((max, s) => (s.date > max ? s.date : max), first.date);
  return {
    bcartOrderId: input.orderId,
    bcartOrderCode: input.orderCode,
    customerId: first.customerId,
    customerCode: first.customerCode,
    buyer: first.buyer,
    date,
    departmentId: first.departmentId,
    workflowId: input.invoiceWorkflowId,
    bcartLogisticsIds: input.shipments.flatMap((s) => (s.bcartLogisticsId === null ? [] : [s.bcartLogisticsId])).sort((a, b) => a - b),
    lines,
    byRate,
    total: byRate.reduce((n, b) => n + b.gross, 0),
    money: invoiceMoney(lines, byRate),
  };
}
