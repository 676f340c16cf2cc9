/**
 * The output of the pure mapping step of 出荷取込処理: drafts of 出荷伝票 / 請求伝票, the watch
 * list and every problem. Plain data only (integer yen as number, dates as "YYYY-MM-DD"), so the
 * same plan can be written in one transaction or shown as the 取込プレビュー.
 */
import type { ReviewReason } from '../../../../src-shared/import/import-review';
import type { ImportProblem } from './import-problem';
import type { SlipMoney } from './money-basis';

/** Consumption-tax rate in integer percent, as the app stores it. */
export type TaxRatePercent = 10 | 8 | 0;

/** What every priced line carries: quantity × price, its 税区分 and whether the price includes tax. */
export interface PricedLine {
  productId: number;
  quantity: number;
  unitPrice: number;
  /** unitPrice × quantity, integer yen */
  amount: number;
  taxClassId: number;
  taxRate: TaxRatePercent;
  /** BCart tax_incl = 1 (or a fee / point line): the price already includes tax */
  taxIncluded: boolean;
  inventoryTracked: boolean;
}

/**
 * One product line of a 出荷伝票, priced per set (入数 already applied). The order's 請求伝票 holds
 * the very same objects as its product lines (one object per line instead of two: the plan of
 * 10,000 orders has ~40,000), so they are never changed after the mapping.
 */
export interface ProductLineDraft extends PricedLine {
  kind: 'product';
  productCode: string;
  /** BCart order_products.id, for traceability */
  bcartOrderProductId: number;
  /** BCart logistics id the line shipped with */
  bcartLogisticsId: number;
  /** number of sets (BCart order_pro_count) */
  quantity: number;
  /** per-set price in integer yen = BCart unit_price × 入数 */
  unitPrice: number;
}

/** Sum of line amounts per tax rate (as priced by BCart, see taxIncluded on the lines). */
export interface RateAmount {
  rate: TaxRatePercent;
  amount: number;
}

/** The BCart member who placed the order (who bought, whatever 得意先 the payment method books to). */
export interface BuyerDraft {
  /** BCart 会員 id (customer_id); null when BCart sent none */
  memberId: number | null;
  /** 貴社独自会員ID, '' when the member has none */
  extId: string;
  /** 会社名 */
  company: string;
}

/** 出荷伝票 draft: one per shipped BCart logistics record. */
export interface ShipmentDraft {
  bcartOrderId: number;
  bcartOrderCode: string;
  bcartLogisticsId: number;
  customerId: number;
  customerCode: string;
  /** buyerCodeOf(buyer): 貴社独自会員ID, else "BC会員{会員ID}" (売上分析 groups BCart sales by it) */
  buyerCode: string;
  buyerName: string;
  /** the BCart member's own facts, kept on the slip (会員 id, 貴社独自会員ID, 会社名); the order's slips share one */
  buyer: BuyerDraft;
  /** 発送日 (shipment_date), JST */
  date: string;
  departmentId: number;
  warehouseId: number;
  workflowId: number;
  lines: ProductLineDraft[];
  /** Σ line amounts (per rate: amountByRate(lines), not kept on the draft) */
  amount: number;
  /** net / tax / gross of the slip and of each line (flat, same order): tax once per slip per rate */
  money: SlipMoney;
}

/** Kind of a 請求伝票 line. */
export type InvoiceLineKind = 'product' | 'shipping' | 'payment-fee' | 'point';

/**
 * One line of a 請求伝票. Fee and point lines are tax-included (BCart sends them so). A product
 * line of an imported order is the order's ProductLineDraft itself (with its bcartLogisticsId).
 */
export interface InvoiceLineDraft extends PricedLine {
  kind: InvoiceLineKind;
  /** null for the 送料・手数料 / 値引・ポイント lines (only their id is in the settings) */
  productCode: string | null;
  /** null for lines built from order fields (shipping_cost, COD_cost, use_point) */
  bcartOrderProductId: number | null;
}

/** Per-rate totals of an invoice, exactly as BCart charged them (order_totals). */
export interface RateTotals {
  rate: TaxRatePercent;
  taxClassId: number;
  /** tax-excluded */
  net: number;
  tax: number;
  /** tax-included */
  gross: number;
  /**
   * the app's own tax of the rate, once per invoice on `net` (docs/tax-rules.md#invoices-from-bcart);
   * a difference from BCart's `tax` is only a warning
   */
  appTax: number;
}

/** 請求伝票 draft: one per BCart order, once every shipment of the order is 発送済. */
export interface InvoiceDraft {
  bcartOrderId: number;
  bcartOrderCode: string;
  customerId: number;
  customerCode: string;
  buyer: BuyerDraft;
  /** the last 発送日 of the order */
  date: string;
  departmentId: number;
  workflowId: number;
  /** every logistics id of the order, ascending */
  bcartLogisticsIds: number[];
  lines: InvoiceLineDraft[];
  /** from order_totals, highest rate first */
  byRate: RateTotals[];
  /** = Σ byRate.gross = BCart final_price */
  total: number;
  /** net / tax / gross of the slip (= Σ byRate) and of each line (flat, same order) apportioned from byRate */
  money: SlipMoney;
}

/** Why an order stays on the watch list (re-fetched by later runs). */
export type WatchReason = 'partially-shipped' | 'not-shipped';

export interface WatchEntry {
  orderId: number;
  orderCode: string;
  reason: WatchReason;
}

/** An order for the 要確認 list (docs/import-rules.md#review-list); opened once per order and reason. */
export interface ReviewDraft {
  orderId: number;
  orderCode: string;
  reason: ReviewReason;
  /** the problems that put it there, Japanese */
  message: string;
}

/** Result of mapOrdersForImport. If any problem has level 'error', the caller writes nothing. */
export interface ImportPlan {
  shipments: ShipmentDraft[];
  invoices: InvoiceDraft[];
  /** orders not fully shipped yet (to remember / keep on the watch list) */
  watch: WatchEntry[];
  /** orders that leave the watch list: every shipment 発送済, or cancelled */
  resolvedOrderIds: number[];
  /** orders for the 要確認 list */
  reviews: ReviewDraft[];
  problems: ImportProblem[];
  summary: ImportSummary;
}

export interface ImportSummary {
  /** distinct orders given */
  orders: number;
  shipments: number;
  invoices: number;
  /** shipment lines */
  lines: number;
  /** Σ invoice totals (what BCart charged for the orders invoiced by this run) */
  amount: number;
  /** Σ shipment amounts */
  shipmentAmount: number;
  errors: number;
  warnings: number;
}
