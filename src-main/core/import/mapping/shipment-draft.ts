/**
 * 出荷伝票 draft of one shipped BCart logistics record: the EC連携設定 stamps (部門, 倉庫,
 * 出荷ワークフロー), the BCart ids kept for traceability, and per-rate amounts of its lines.
 */
import type { BcartLogistics, BcartOrder } from '../../bcart/model';
import type { ImportSettings, LocalCustomer } from './import-masters';
import { appRateFigures, slipMoneyFromRates } from './money-basis';
import type { BuyerDraft, ProductLineDraft, RateAmount, ShipmentDraft } from './import-plan';

/** Who bought: the order's BCart member, as the slips keep it (会員 id, 貴社独自会員ID, 会社名). */
export function buyerOf(order: Pick<BcartOrder, 'customerExtId' | 'customerId' | 'customerCompName'>): BuyerDraft {
  return { memberId: order.customerId, extId: order.customerExtId.trim(), company: order.customerCompName.trim() };
}

/**
 * The key 売上分析 groups BCart sales by, derived from the member facts alone: the 貴社独自会員ID
 * (= a 得意先コード when the member is one), else the BCart 会員ID.
 */
export function buyerCodeOf(buyer: BuyerDraft): string {
  return buyer.extId !== '' ? buyer.extId : `BC会員${buyer.memberId ?? '不明'}`;
}

/** Assembles the draft; lines must already be mapped and validated. */
export function shipmentDraft(
  order: BcartOrder,
  logistics: BcartLogistics,
  date: string,
  customer: LocalCustomer,
  lines: ProductLineDraft[],
  settings: ImportSettings,
  /** the buyer of the order's other drafts (one object per order), or null to work it out */
  sameOrderBuyer: BuyerDraft | null = null,
): ShipmentDraft {
  const buyer = sameOrderBuyer ?? buyerOf(order);
  let amount = 0;
  for (const l of lines) amount += l.amount;
  return {
    bcartOrderId: order.id,
    bcartOrderCode: order.code,
    bcartLogisticsId: logistics.id,
    customerId: customer.id,
    customerCode: customer.code,
    buyerCode: buyerCodeOf(buyer),
    buyerName: buyerNameOf(order),
    buyer,
    date,
    departmentId: settings.departmentId,
    warehouseId: settings.warehouseId,
    workflowId: settings.shipmentWorkflowId,
    lines,
    amount,
    money: moneyOf(lines, settings),
  };
}

/** 出荷伝票 figures: the app's tax once per slip per rate, apportioned to the lines. */
function moneyOf(lines: readonly ProductLineDraft[], settings: ImportSettings): ShipmentDraft['money'] {
  return slipMoneyFromRates(lines, appRateFigures(lines, settings.taxRounding));
}

/** Σ line amounts per rate, highest rate first; rates without lines are left out. */
export function amountByRate(lines: readonly ProductLineDraft[]): RateAmount[] {
  // a slip has one to three rates: a short list instead of a Map per slip
  const sums: RateAmount[] = [];
  for (const l of lines) {
    let sum: RateAmount | undefined;
    for (const s of sums) if (s.rate === l.taxRate) sum = s;
    if (sum === undefined) sums.push((sum = { rate: l.taxRate, amount: 0 }));
    sum.amount += l.amount;
  }
  return sums.length > 1 ? sums.sort((a, b) => b.rate - a.rate) : sums;
}

/** The buyer of an order as 売上分析 keys and names it: buyerCodeOf its member, 会社名 and 担当者名. */
export function buyerKeyOf(order: Pick<BcartOrder, 'customerExtId' | 'customerId' | 'customerCompName' | 'customerName'>): {
  buyerCode: string;
  buyerName: string;
} {
  return { buyerCode: buyerCodeOf(buyerOf(order)), buyerName: buyerNameOf(order) };
}

/** 会社名 and 担当者名, trimmed, the empty ones left out, joined by a space. */
function buyerNameOf(order: Pick<BcartOrder, 'customerCompName' | 'customerName'>): string {
  const company = order.customerCompName.trim();
  const person = order.customerName.trim();
  return company === '' ? person : person === '' ? company : `${company} ${person}`;
}
