/**
 * 出荷伝票 draft of one shipped BCart logistics record: the EC連携設定 stamps (部門, 倉庫,
 * 出荷ワークフロー), the BCart ids kept for traceability, and per-rate amounts of its lines.
 */
import type { BcartLogistics, BcartOrder } from '../../bcart/model';
import type { ImportSettings, LocalCustomer } from './import-masters';
import { appRateFigures, linesFromRates, sumMoney } from './money-basis';
import type { BuyerDraft, ProductLineDraft, RateAmount, ShipmentDraft } from './import-plan';

/** Who bought: the order's BCart member. */
export function buyerOf(order: BcartOrder): BuyerDraft {
  return { memberId: order.customerId, extId: order.customerExtId.trim(), company: order.customerCompName.trim() };
}

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
    ...buyerKeyOf(order),
    buyer: buyerOf(order),
    date,
    departmentId: settings.departmentId,
    warehouseId: settings.warehouseId,
    workflowId: settings.shipmentWorkflowId,
    lines,
    amountByRate: amountByRate(lines),
    amount: lines.reduce((sum, l) => sum + l.amount, 0),
    money: moneyOf(lines, settings),
  };
}

/** 出荷伝票 figures: the app's tax once per slip per rate, apportioned to the lines. */
function moneyOf(lines: readonly ProductLineDraft[], settings: ImportSettings): ShipmentDraft['money'] {
  const perLine = linesFromRates(lines, appRateFigures(lines, settings.taxRounding));
  return { lines: perLine, total: sumMoney(perLine) };
}

/** Σ line amounts per rate, highest rate first; rates without lines are left out. */
export function amountByRate(lines: readonly ProductLineDraft[]): RateAmount[] {
  const sums = new Map<RateAmount['rate'], number>();
  for (const l of lines) sums.set(l.taxRate, (sums.get(l.taxRate) ?? 0) + l.amount);
  return [...sums.entries()].map(([rate, amount]) => ({ rate, amount })).sort((a, b) => b.rate - a.rate);
}

/** The buyer of an order as 売上分析 keys it: the 貴社独自会員ID (= a 得意先コード when the member is one), else the BCart 会員ID. */
export function buyerKeyOf(order: Pick<BcartOrder, 'customerExtId' | 'customerId' | 'customerCompName' | 'customerName'>): { buyerCode: string; buyerName: string } {
  const ext = order.customerExtId.trim();
  const name = [order.customerCompName, order.customerName].map((x) => x.trim()).filter((x) => x !== '').join(' ');
  return { buyerCode: ext !== '' ? ext : `BC会員${order.customerId ?? '不明'}`, buyerName: name };
}
