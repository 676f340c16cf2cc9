/**
 * 請求伝票 draft of a fully shipped order (docs/import-rules.md#the-invoice). Its amounts are exactly what BCart
 * charged: the per-rate totals and tax come from order_totals (whose standard bucket already
 * contains shipping, payment fee and points), and their sum must equal final_price. The app also
 * computes the tax once per invoice per rate (docs/tax-rules.md#invoices-from-bcart) and reports a difference from
 * BCart's figure as a warning only, because BCart's figure is what the customer was charged.
 */
import type { BcartOrder } from '../../bcart/model';
import { divRound } from '../../../../src-shared/domain/rounding';
import type { ImportMasters, LocalCustomer } from './import-masters';
import type { BuyerDraft, InvoiceDraft, InvoiceLineDraft, ProductLineDraft, RateTotals } from './import-plan';
import type { OrderProblems } from './import-problem';
import { checkRateBuckets } from './check-rate-buckets';
import { slipMoneyFromRates } from './money-basis';
import { taxClassOfPercent, taxClassOfRate, type TaxClassRef } from './tax-class';
import { parseYen } from './yen-amount';
import { buyerOf } from './shipment-draft';

/** Everything the invoice needs that the shipment step already worked out. */
export interface InvoiceInput {
  order: BcartOrder;
  /** null when it could not be resolved: the invoice is still validated, but no draft is made */
  customer: LocalCustomer | null;
  /** the last 発送日 of the order */
  date: string;
  logisticsIds: number[];
  /** product lines of every shipment of the order, in logistics then line order */
  productLines: ProductLineDraft[];
  /** the buyer of the order's 出荷伝票 drafts (one object per order), or null to work it out */
  buyer: BuyerDraft | null;
}

/** The 請求伝票 line of a shipped product line: the same goods, quantity, price and 税区分. */
export function productInvoiceLine(l: Omit<InvoiceLineDraft, 'kind'>): InvoiceLineDraft {
  return {
    kind: 'product',
    productId: l.productId,
    productCode: l.productCode,
    bcartOrderProductId: l.bcartOrderProductId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    amount: l.amount,
    taxClassId: l.taxClassId,
    taxRate: l.taxRate,
    taxIncluded: l.taxIncluded,
    inventoryTracked: l.inventoryTracked,
  };
}

/** Validates the order's amounts and builds the invoice draft; null when the order has any error. */
export function buildInvoice(input: InvoiceInput, masters: ImportMasters, problems: OrderProblems): InvoiceDraft | null {
  const { order, customer } = input;
  const settings = masters.settings;
  const fees = feeLines(order, masters, problems);
  const byRate = rateTotals(order, masters, problems);
  if (fees === null || byRate === null) return null;

  // the 出荷伝票's line drafts themselves: same goods, quantity, price and 税区分
  const lines: InvoiceLineDraft[] = [];
  for (const l of input.productLines) lines.push(l);
  for (const l of fees) lines.push(l);

  // Every rate billed on a line must have BCart's bucket, or the per-rate totals cannot be right
  // (each missing rate reported once, in the order the lines first bill it).
  const billedRates: number[] = [];
  for (const l of lines) if (l.amount !== 0 && !billedRates.includes(l.taxRate)) billedRates.push(l.taxRate);
  for (const rate of billedRates) {
    if (!byRate.some((b) => b.rate === rate)) {
      problems.error(
        'ORDER_TOTALS_INVALID',
        `税率 ${rate}% の明細がありますが、Bカートの税率別合計 (order_totals) に ${rate}% の行がありません。Bカートで注文の金額を再計算・確認してください。`,
      );
    }
  }

  checkRateBuckets(lines, byRate, problems);

  const total = byRate.reduce((sum, b) => sum + b.gross, 0);
  if (order.finalPrice === null) {
    problems.error('MISSING_NUMBER', `受注総額 (final_price) が空です。Bカートで注文の金額を確認してください。`);
  } else if (total !== order.finalPrice) {
    problems.error(
      'FINAL_PRICE_MISMATCH',
      `Bカートの受注総額 (final_price) と税率別合計が一致しません（受注総額 ${yen(order.finalPrice)}、税率別合計の税込額の合計 ${yen(total)}）。Bカートで注文の金額を再計算・確認してから、再度取り込んでください。`,
    );
  }

  for (const b of byRate) {
    if (b.tax !== b.appTax) {
      problems.warning(
        'TAX_DIFFERENCE',
        `税率 ${b.rate}% の消費税額がBカート ${yen(b.tax)} とアプリの計算 ${yen(b.appTax)}（税抜 ${yen(b.net)}、請求書単位・税率ごとに1回端数処理）で異なります。請求額はBカートの金額で取り込みました。Bカートの端数処理設定を確認してください。`,
      );
    }
  }
  if (customer === null || problems.hasErrors) return null;

  return {
    bcartOrderId: order.id,
    bcartOrderCode: order.code,
    customerId: customer.id,
    customerCode: customer.code,
    buyer: input.buyer ?? buyerOf(order),
    date: input.date,
    departmentId: settings.departmentId,
    workflowId: settings.invoiceWorkflowId,
    bcartLogisticsIds: input.logisticsIds,
    lines,
    byRate,
    total,
    money: invoiceMoney(lines, byRate),
  };
}

/** Lines apportioned from BCart's per-rate figures, so they add up to what was charged. */
export function invoiceMoney(lines: readonly InvoiceLineDraft[], byRate: readonly RateTotals[]): InvoiceDraft['money'] {
  return slipMoneyFromRates(lines, byRate);
}

/** 送料 (shipping_cost), 決済手数料 (COD_cost) and used points (use_point, negative): all tax-included, standard rate. */
function feeLines(order: BcartOrder, masters: ImportMasters, problems: OrderProblems): InvoiceLineDraft[] | null {
  const s = masters.settings;
  const std = taxClassOfPercent(10, s);
  const lines: InvoiceLineDraft[] = [];
  // one call per fee field (every field checked, so each bad one is reported) instead of a table built per order
  const shipping = feeLine(lines, problems, std, order.shippingCost, 'shipping_cost', '送料', 'shipping', s.shippingFeeProductId, 1);
  const fee = feeLine(lines, problems, std, order.codCost, 'COD_cost', '決済手数料', 'payment-fee', s.shippingFeeProductId, 1);
  const point = feeLine(lines, problems, std, order.usePoint, 'use_point', '利用ポイント', 'point', s.discountProductId, -1);
  const ok = shipping && fee && point;
  return ok ? lines : null;
}

/** Adds the line of one fee field when it is not zero; false after recording a bad value. */
function feeLine(
  lines: InvoiceLineDraft[],
  problems: OrderProblems,
  std: TaxClassRef,
  value: number,
  field: string,
  label: string,
  kind: InvoiceLineDraft['kind'],
  productId: number,
  sign: 1 | -1,
): boolean {
  if (!Number.isSafeInteger(value) || value < 0) {
    problems.error(
      'INVALID_NUMBER',
      `${label} (${field})「${value}」が0以上の整数ではありません。Bカートで注文の${label}を確認してください。`,
    );
    return false;
  }
  if (value === 0) return true;
  const amount = sign * value;
  lines.push({
    kind,
    productId,
    productCode: null,
    bcartOrderProductId: null,
    quantity: 1,
    unitPrice: amount,
    amount,
    taxClassId: std.taxClassId,
    taxRate: std.taxRate,
    taxIncluded: true,
    inventoryTracked: false,
  });
  return true;
}

/** order_totals → per-rate totals in integer yen, highest rate first. */
function rateTotals(order: BcartOrder, masters: ImportMasters, problems: OrderProblems): RateTotals[] | null {
  if (order.orderTotals.length === 0) {
    return problems.error(
      'ORDER_TOTALS_MISSING',
      `Bカートの税率別合計 (order_totals) がないため、請求金額を決められません。Bカートのインボイス設定と注文の金額を確認してください。`,
    );
  }
  const result: RateTotals[] = [];
  let ok = true;
  for (const t of order.orderTotals) {
    const cls = taxClassOfRate(t.taxRate, masters.settings);
    if (cls === null) {
      ok = false;
      problems.error(
        'ORDER_TOTALS_INVALID',
        `税率別合計 (order_totals) の税率「${t.taxRate}」は対応していません（10%・8%・0%のみ）。Bカートで注文の税率を確認してください。`,
      );
      continue;
    }
    const net = parseYen(t.total);
    const tax = parseYen(t.tax);
    const gross = parseYen(t.totalInclTax);
    if (net === null || tax === null || gross === null) {
      ok = false;
      problems.error(
        'INVALID_NUMBER',
        `税率 ${cls.taxRate}% の税率別合計（税抜「${t.total}」、消費税「${t.tax}」、税込「${t.totalInclTax}」）が円単位の整数ではありません。Bカートで注文の金額を確認してください。`,
      );
      continue;
    }
    if (net + tax !== gross) {
      ok = false;
      problems.error(
        'ORDER_TOTALS_INVALID',
        `税率 ${cls.taxRate}% の税率別合計で、税抜 ${yen(net)} + 消費税 ${yen(tax)} が税込 ${yen(gross)} と一致しません。Bカートで注文の金額を再計算・確認してください。`,
      );
      continue;
    }
    if (result.some((r) => r.rate === cls.taxRate)) {
      ok = false;
      problems.error(
        'ORDER_TOTALS_INVALID',
        `税率別合計 (order_totals) に税率 ${cls.taxRate}% の行が重複しています。Bカートで注文の金額を確認してください。`,
      );
      continue;
    }
    // the app's tax once per invoice per rate on BCart's net, with the setting's rounding
    const appTax = Number(divRound(BigInt(net) * BigInt(cls.taxRate), 100n, masters.settings.taxRounding));
    result.push({ rate: cls.taxRate, taxClassId: cls.taxClassId, net, tax, gross, appTax });
  }
  return ok ? result.sort((a, b) => b.rate - a.rate) : null;
}

function yen(n: number): string {
  return `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US')}`;
}
