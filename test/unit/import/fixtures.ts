/**
 * Hand-built BCart orders and local masters for the import mapping tests. Orders are normalised
 * shapes (src-main/core/bcart/model.ts), as the client hands them over.
 */
import Decimal from 'decimal.js';
import type { BcartLogistics, BcartOrder, BcartOrderProduct, BcartOrderTotal } from '../../../src-main/core/bcart/model';
import { customerIndex } from '../../../src-main/core/import/mapping/customer-index';
import { paymentRuleMap, requiredCustomerCodes } from '../../../src-main/core/import/mapping/default-payment-rules';
import type { ImportMasters, ImportSettings, LocalCustomer, LocalProduct } from '../../../src-main/core/import/mapping/import-masters';

export const SETTINGS: ImportSettings = {
  departmentId: 1,
  warehouseId: 2,
  defaultCustomerCode: 'Bカート',
  standardTaxClassId: 10,
  reducedTaxClassId: 8,
  exemptTaxClassId: 100,
  shippingFeeProductId: 900,
  discountProductId: 901,
  productLinkMode: 'same-code',
  shipmentWorkflowId: 31,
  invoiceWorkflowId: 32,
  taxRounding: 'floor',
  cancelStatuses: ['キャンセル'],
};

/** A local product; `code` doubles as the BCart 品番 in same-code mode. */
export function product(id: number, code: string, unitQuantity = 1, over: Partial<LocalProduct> = {}): LocalProduct {
  return { id, code, skuCode: null, name: `商品${code}`, unitQuantity, inventoryTracked: true, ...over };
}

/** Customers for every fixed code of the payment table, plus member customers by ext id. */
export function customers(...memberCodes: string[]): Map<string, LocalCustomer> {
  const codes = [...requiredCustomerCodes(), ...memberCodes];
  return new Map(codes.map((code, i) => [code, { id: 500 + i, code, name: `得意先${code}` }]));
}

/** Masters with the seeded payment table and the given products (same code and set id = product id × 10). */
export function masters(products: LocalProduct[], over: Partial<ImportMasters> = {}, settings: Partial<ImportSettings> = {}): ImportMasters {
  return {
    settings: { ...SETTINGS, ...settings },
    customers: customerIndex(customers('C-000123').values()),
    paymentRules: paymentRuleMap(),
    productsByCode: new Map(products.map((p) => [p.skuCode ?? p.code, p])),
    productsBySetId: new Map(products.map((p) => [p.id * 10, p])),
    alreadyImportedLogisticsIds: new Set(),
    alreadyInvoicedOrderIds: new Set(),
    ...over,
  };
}

/** A product row for the product `p` (品番 = p.code, set id = p.id × 10, 入数 = p.unitQuantity). */
export function line(id: number, p: LocalProduct, over: Partial<BcartOrderProduct> = {}): BcartOrderProduct {
  return {
    id,
    orderId: 0,
    logisticsId: null,
    productId: p.id,
    mainNo: p.code,
    productNo: p.code,
    janCode: '',
    productName: p.name,
    productSetId: p.id * 10,
    setName: '単品',
    unitPrice: '100',
    setQuantity: String(p.unitQuantity),
    orderProCount: 1,
    taxRate: '0.1',
    taxTypeId: 1,
    taxIncl: 0,
    itemType: 'product',
    ...over,
  };
}

/** A non-product row (shipping / payment_fees / point) as in docs/bcart-api.md#order-lines. */
export function feeRow(id: number, itemType: string, unitPrice: string): BcartOrderProduct {
  return {
    id,
    orderId: 0,
    logisticsId: null,
    productId: null,
    mainNo: '',
    productNo: '',
    janCode: '',
    productName: itemType,
    productSetId: null,
    setName: '',
    unitPrice,
    setQuantity: '1',
    orderProCount: 1,
    taxRate: '0.1',
    taxTypeId: 1,
    taxIncl: 1,
    itemType,
  };
}

export function logistics(id: number, status = '発送済', shipmentDate: string | null = '2025-04-14'): BcartLogistics {
  return { id, shipmentCode: '', deliveryCode: '', shipmentDate, arrivalDate: null, status };
}

export interface OrderSpec {
  id: number;
  lines: BcartOrderProduct[];
  logistics: BcartLogistics[];
  payment?: string;
  customerExtId?: string;
  status?: string;
  shippingCost?: number;
  codCost?: number;
  usePoint?: number;
}

/** Builds an order with order_totals and final_price consistent with its lines (floor tax per rate). */
export function order(spec: OrderSpec): BcartOrder {
  const lines = spec.lines.map((l) => ({ ...l, orderId: spec.id }));
  const shippingCost = spec.shippingCost ?? 0;
  const codCost = spec.codCost ?? 0;
  const usePoint = spec.usePoint ?? 0;
  const orderTotals = totalsFor(lines, shippingCost + codCost - usePoint);
  return {
    id: spec.id,
    code: `2025${String(spec.id).padStart(6, '0')}`,
    customerId: 5000 + spec.id,
    customerExtId: spec.customerExtId ?? 'C-000123',
    customerCompName: '株式会社サンプル商事',
    customerName: '山田 花子',
    payment: spec.payment ?? '銀行振込',
    totalPrice: null,
    tax: null,
    codCost,
    shippingCost,
    finalPrice: orderTotals.reduce((s, t) => s + Number(t.totalInclTax), 0),
    usePoint,
    getPoint: 0,
    orderTotals,
    orderedAt: '2025-04-12T09:15:30+09:00',
    status: spec.status ?? '新規注文',
    orderProducts: lines,
    logistics: spec.logistics,
  };
}

/**
 * Per-rate totals: tax-excluded goods per rate, plus the tax-included fees in the 10 % bucket
 * (their net part = incl × 100/110 rounded), tax = floor(net × rate).
 */
export function totalsFor(lines: BcartOrderProduct[], feesIncl: number): BcartOrderTotal[] {
  const net = new Map<string, Decimal>();
  for (const l of lines) {
    // goods as the mapping sees them: products, and rows of an unknown type that name a product
    if (['shipping', 'payment_fees', 'point'].includes(l.itemType) || (l.itemType !== 'product' && l.productId === null)) continue;
    const rate = new Decimal(l.taxRate ?? '0').toString();
    const amount = new Decimal(l.unitPrice).times(l.setQuantity).times(l.orderProCount ?? 0);
    net.set(rate, (net.get(rate) ?? new Decimal(0)).plus(amount));
  }
  if (feesIncl !== 0) net.set('0.1', (net.get('0.1') ?? new Decimal(0)).plus(new Decimal(feesIncl).times(100).div(110).round()));
  return [...net.entries()].map(([rate, n]) => {
    const tax = n.times(rate).toDecimalPlaces(0, Decimal.ROUND_DOWN);
    return { taxRate: rate, total: n.toString(), tax: tax.toString(), totalInclTax: n.plus(tax).toString() };
  });
}

export function errorCodes(plan: { problems: { level: string; code: string }[] }): string[] {
  return plan.problems.filter((p) => p.level === 'error').map((p) => p.code);
}
