/**
 * 出荷伝票 draft of one shipped BCart logistics record: the EC連携設定 stamps (部門, 倉庫,
 * 出荷ワークフロー), the BCart ids kept for traceability, and per-rate amounts of its lines.
 */
import type { BcartLogistics, BcartOrder } from '../../bcart/model';
import type { ImportSettings, LocalCustomer } from './import-masters';
import type { ProductLineDraft, RateAmount, ShipmentDraft } from './import-plan';

/** Assembles the draft; lines must already be mapped and validated. */
export function shipmentDraft(
  order: BcartOrder,
  logistics: BcartLogistics,
  date: string,
  customer: LocalCustomer,
  lines: ProductLineDraft[],
  settings: ImportSettings,
): ShipmentDraft {
  return {
    bcartOrderId: order.id,
    bcartOrderCode: order.code,
    bcartLogisticsId: logistics.id,
    customerId: customer.id,
    customerCode: customer.code,
    ...buyerOf(order),
    date,
    departmentId: settings.departmentId,
    warehouseId: settings.warehouseId,
    workflowId: settings.shipmentWorkflowId,
    lines,
    amountByRate: amountByRate(lines),
    amount: lines.reduce((sum, l) => sum + l.amount, 0),
  };
}

/** Σ line amounts per rate, highest rate first; rates without lines are left out. */
export function amountByRate(lines: readonly ProductLineDraft[]): RateAmount[] {
  const sums = new Map<RateAmount['rate'], number>();
  for (const l of lines) sums.set(l.taxRate, (sums.get(l.taxRate) ?? 0) + l.amount);
  return [...sums.entries()].map(([rate, amount]) => ({ rate, amount })).sort((a, b) => b.rate - a.rate);
}

/** The buyer of an order as 売上分析 keys it: the 貴社独自会員ID (= a 得意先コード when the member is one), else the BCart 会員ID. */
export function buyerOf(order: Pick<BcartOrder, 'customerExtId' | 'customerId' | 'customerCompName' | 'customerName'>): { buyerCode: string; buyerName: string } {
  const ext = order.customerExtId.trim();
  const name = [order.customerCompName, order.customerName].map((x) => x.trim()).filter((x) => x !== '').join(' ');
  return { buyerCode: ext !== '' ? ext : `BC会員${order.customerId ?? '不明'}`, buyerName: name };
}
