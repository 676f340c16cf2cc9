/** The plan of a run as plain display data (取込プレビュー, CLI --json), cut to a display limit. */
import type { PlanView } from '../../../src-shared/import/import-run';
import type { ImportWindow } from './import-window';
import type { ImportPlan } from './mapping';

/** Builds the view; at most `limit` shipments and invoices each. */
export function planView(plan: ImportPlan, window: ImportWindow | null, limit = Number.POSITIVE_INFINITY): PlanView {
  return {
    window,
    shipments: plan.shipments.slice(0, limit).map((s) => ({
      logisticsId: s.bcartLogisticsId,
      orderId: s.bcartOrderId,
      orderCode: s.bcartOrderCode,
      customerCode: s.customerCode,
      date: s.date,
      amount: s.amount,
      lines: s.lines.map((l) => ({ productCode: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, taxRate: l.taxRate })),
    })),
    invoices: plan.invoices.slice(0, limit).map((i) => ({
      orderId: i.bcartOrderId,
      orderCode: i.bcartOrderCode,
      customerCode: i.customerCode,
      date: i.date,
      total: i.total,
      byRate: i.byRate.map((b) => ({
        rate: b.rate,
        net: b.net,
        tax: b.tax,
        appTax: b.appTax,
      })),
    })),
    watch: plan.watch.length,
    truncated: plan.shipments.length > limit || plan.invoices.length > limit,
  };
}
