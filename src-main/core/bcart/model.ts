/**
 * The normalised shapes the BCart client hands to the rest of the app, after its zod schemas
 * have parsed the wire format once at the edge (docs/bcart-api.md#numbers-and-timestamps):
 * - integers arrive as numbers, numeric strings or "" → number | null here;
 * - decimals (unit prices, tax rates, 入数) are kept exact as canonical decimal strings ("12.5", "0.08");
 * - timestamps without offset are JST and become ISO-8601 strings with +09:00;
 * - enum-like strings (payment, statuses, item_type) are kept as sent, never rejected.
 */

/** canonical decimal string, e.g. "100", "12.5", "0.08" (no exponent, no trailing zeros after the point) */
export type DecimalString = string;
/** ISO-8601 with offset, e.g. "2025-04-12T13:02:11+09:00" */
export type IsoDateTime = string;
/** JST calendar date "YYYY-MM-DD" */
export type IsoDate = string;

/** 発送状況. Known values; any other string is kept as is. */
export type LogisticsStatus = '未発送' | '発送指示' | '発送済' | (string & {});
/** order_products.item_type. Known values; others kept. */
export type ItemType = 'product' | 'shipping' | 'payment_fees' | 'point' | (string & {});

export interface BcartOrderProduct {
  id: number;
  orderId: number;
  logisticsId: number | null;
  productId: number | null;
  mainNo: string;
  /** 品番 */
  productNo: string;
  janCode: string;
  productName: string;
  productSetId: number | null;
  setName: string;
  /** 単価 per piece */
  unitPrice: DecimalString;
  /** 入数 pieces per set */
  setQuantity: DecimalString;
  /** 注文数 in sets */
  /** null when BCart sent "" / null (an error of the order for a product line) */
  orderProCount: number | null;
  /** "0.1" | "0.08" | "0" … */
  taxRate: DecimalString | null;
  /** 1 標準 / 2 軽減 */
  taxTypeId: number | null;
  /** 0 税別 / 1 税込 */
  taxIncl: number | null;
  itemType: ItemType;
}

export interface BcartLogistics {
  id: number;
  shipmentCode: string;
  deliveryCode: string;
  /** 発送日 */
  shipmentDate: IsoDate | null;
  arrivalDate: IsoDate | null;
  status: LogisticsStatus;
}

export interface BcartOrderTotal {
  taxRate: DecimalString;
  /** tax-excluded */
  total: DecimalString;
  tax: DecimalString;
  totalInclTax: DecimalString;
}

export interface BcartOrder {
  id: number;
  /** 受注番号 (kept as string) */
  code: string;
  customerId: number | null;
  /** 貴社独自会員ID, "" when not set */
  customerExtId: string;
  customerCompName: string;
  customerName: string;
  /** 決済方法 display name */
  payment: string;
  totalPrice: DecimalString | null;
  tax: number | null;
  /** "" / null on the wire = 0 */
  codCost: number;
  /** "" / null on the wire = 0 */
  shippingCost: number;
  finalPrice: number | null;
  /** "" / null on the wire = 0 */
  usePoint: number;
  /** "" / null on the wire = 0 */
  getPoint: number;
  orderTotals: BcartOrderTotal[];
  orderedAt: IsoDateTime;
  /** 対応状況 name, shop-defined */
  status: string;
  /** complete lines (the client pages /order_products when the embedded list hit the 300 cap) */
  orderProducts: BcartOrderProduct[];
  /** every shipment (the client pages /logistics?order_id when the embedded list hit the 300 cap) */
  logistics: BcartLogistics[];
}

export interface BcartProductSet {
  id: number;
  productId: number | null;
  productNo: string;
  janCode: string;
  name: string;
  unitPrice: DecimalString | null;
  /** 入数 */
  quantity: DecimalString | null;
  stock: number | null;
  stockFlag: number | null;
  taxTypeId: number | null;
  setFlag: string;
  updatedAt: IsoDateTime | null;
}

export interface BcartProductStock {
  id: number | null;
  productId: number | null;
  productNo: string;
  name: string;
  stock: number | null;
  stockFlag: number | null;
}

export interface BcartCustomer {
  id: number;
  /** 貴社独自会員ID */
  extId: string;
  compName: string;
  name: string;
  email: string;
  tel: string;
  payment: string;
  status: string | null;
}

export interface BcartProduct {
  id: number;
  mainNo: string;
  name: string;
}

/** relative stock change "+N" / "+-N" or an absolute number */
export type StockValue = number | `+${number}` | `+-${number}`;

export interface ProductSetStockPatch {
  id: number;
  stock: StockValue;
}

/** One row of `PATCH /product_stock`, keyed by 品番 (docs/bcart-api.md#stock-writes). */
export interface ProductStockPatch {
  /** 品番 */
  productNo: string;
  stock: StockValue;
  /** sent only when given (one integration sends 0 alongside, docs/bcart-api.md#stock-writes) */
  stockFlag?: number;
}
