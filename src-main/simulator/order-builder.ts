/**
 * Turns a resolved order description into the three wire records BCart keeps for it: the order,
 * its order_products (goods lines, then the shipping / payment_fees / point rows with
 * logistics_id null, like the samples in docs/bcart-api.md#order-lines) and its logistics (shipments).
 */
import Decimal from 'decimal.js';
import { computeOrderAmounts } from './order-amounts';
import { setLineAmount } from './set-price';
import type { WireCustomer, WireLogistic, WireOrder, WireOrderProduct, WireProduct, WireProductSet } from './wire-types';

export interface LineSpec {
  set: WireProductSet;
  product: WireProduct;
  /** 注文数 in sets */
  count: number;
  /** index into the order's logistics */
  logisticsIndex: number;
  /** overrides the set's per-piece price (used to build deliberately odd data, e.g. "12.5" × 入数 1) */
  unitPrice?: string;
}

export interface LogisticSpec {
  status: string;
  shipmentDate: string | null;
  arrivalDate: string | null;
  dueDate: string | null;
  deliveryCode: string;
}

export interface OrderSpecResolved {
  id: number;
  code: string;
  customer: WireCustomer;
  payment: string;
  paymentAt: string | null;
  orderedAt: string;
  status: string;
  lines: LineSpec[];
  logistics: LogisticSpec[];
  shippingCost: number;
  codCost: number;
  usePoint: number;
  customerMessage?: string;
}

/** An order with its lines and shipments, as the simulator stores it. */
export interface StoredOrder {
  order: WireOrder;
  products: WireOrderProduct[];
  logistics: WireLogistic[];
}

export interface IdSource {
  nextLineId(): number;
  nextLogisticsId(): number;
}

function extraRow(
  id: number,
  orderId: number,
  itemType: 'shipping' | 'payment_fees' | 'point',
  name: string,
  unitPrice: number,
): WireOrderProduct {
  return {
    id,
    order_id: orderId,
    logistics_id: null,
    product_id: null,
    main_no: '',
    product_no: '',
    jan_code: '',
    location_no: '',
    product_name: name,
    product_set_id: null,
    set_name: '',
    unit_price: String(unitPrice),
    set_quantity: 1,
    set_unit: '',
    order_pro_count: 1,
    shipping_size: 0,
    tax_rate: '0.1',
    tax_type_id: 1,
    tax_incl: 1,
    item_type: itemType,
    options: [],
  };
}

/**
 * Builds the wire records of one order. Line amount = 単価 × 入数 × 注文数 exactly (decimal.js);
 * a non-integer amount (only possible with an overriding unitPrice) is floored into the totals.
 */
export function buildOrder(spec: OrderSpecResolved, ids: IdSource): StoredOrder {
  const c = spec.customer;
  const logistics: WireLogistic[] = spec.logistics.map((l) => ({
    id: ids.nextLogisticsId(),
    shipment_code: '',
    delivery_code: l.deliveryCode,
    destination_code: '',
    shipping_group_id: 1,
    comp_name: c.comp_name,
    department: c.department,
    name: `${c.tanto_last_name} ${c.tanto_first_name}`,
    zip: c.zip,
    pref: c.pref,
    address1: c.address1,
    address2: c.address2,
    address3: c.address3,
    tel: c.tel,
    due_date: l.dueDate,
    due_time: '',
    memo: '',
    shipment_date: l.shipmentDate,
    arrival_date: l.arrivalDate,
    status: l.status,
  }));
  let goods8 = 0;
  let goods10 = 0;
  let has8 = false;
  let has10 = false;
  const products: WireOrderProduct[] = spec.lines.map((line) => {
    const unitPrice = line.unitPrice ?? String(line.set.unit_price);
    const fast = line.unitPrice === undefined ? setLineAmount(line.set, line.count) : null;
    const amount = fast ?? new Decimal(unitPrice).mul(line.set.quantity).mul(line.count).floor().toNumber();
    const reduced = line.set.tax_type_id === 2;
    if (reduced) {
      goods8 += amount;
      has8 = true;
    } else {
      goods10 += amount;
      has10 = true;
    }
    return {
      id: ids.nextLineId(),
      order_id: spec.id,
      logistics_id: logistics[Math.min(line.logisticsIndex, logistics.length - 1)]?.id ?? null,
      product_id: line.product.id,
      main_no: line.product.main_no,
      product_no: line.set.product_no,
      jan_code: line.set.jan_code,
      location_no: line.set.location_no,
      product_name: line.product.name,
      product_set_id: line.set.id,
      set_name: line.set.name,
      unit_price: unitPrice,
      set_quantity: line.set.quantity,
      set_unit: line.set.unit,
      order_pro_count: line.count,
      shipping_size: line.set.shipping_size,
      tax_rate: reduced ? '0.08' : '0.1',
      tax_type_id: reduced ? 2 : 1,
      tax_incl: 0,
      item_type: 'product',
      options: [],
    };
  });
  if (spec.shippingCost !== 0) products.push(extraRow(ids.nextLineId(), spec.id, 'shipping', '送料', spec.shippingCost));
  if (spec.codCost !== 0) products.push(extraRow(ids.nextLineId(), spec.id, 'payment_fees', '代引手数料', spec.codCost));
  if (spec.usePoint !== 0) products.push(extraRow(ids.nextLineId(), spec.id, 'point', 'ポイント利用', -spec.usePoint));
  const amounts = computeOrderAmounts({
    goods8,
    goods10,
    shippingCost: spec.shippingCost,
    codCost: spec.codCost,
    usePoint: spec.usePoint,
    has8,
    has10,
  });
  const order: WireOrder = {
    id: spec.id,
    code: spec.code,
    customer_id: c.id,
    customer_ext_id: c.ext_id,
    customer_parent_id: '',
    customer_salesman_id: '',
    customer_comp_name: c.comp_name,
    customer_department: c.department,
    customer_name: `${c.tanto_last_name} ${c.tanto_first_name}`,
    customer_tel: c.tel,
    customer_mobile_phone: c.mobile_phone,
    customer_email: c.email,
    customer_price_group_id: c.price_group_id === null ? null : '卸Aランク',
    customer_zip: c.zip,
    customer_pref: c.pref,
    customer_address1: c.address1,
    customer_address2: c.address2,
    customer_address3: c.address3,
    customer_customs: [],
    payment: spec.payment,
    payment_at: spec.paymentAt,
    total_price: amounts.total_price,
    tax: amounts.tax,
    tax_rate: amounts.tax_rate,
    COD_cost: wireZero(spec.id, spec.codCost),
    shipping_cost: wireZero(spec.id, spec.shippingCost),
    final_price: amounts.final_price,
    use_point: wireZero(spec.id, spec.usePoint),
    get_point: wireZero(spec.id, amounts.get_point),
    order_totals: amounts.order_totals,
    customer_message: spec.customerMessage ?? '',
    admin_message: '',
    memo: '',
    customs: [],
    enquete1: '',
    enquete2: '',
    enquete3: '',
    enquete4: '',
    enquete5: '',
    ordered_at: spec.orderedAt,
    affiliate_id: '',
    estimate_id: '',
    status: spec.status,
  };
  return { order, products, logistics };
}

/**
 * Real shops send "" for "no fee / no points" on some orders (docs/import-rules.md#lenient-numbers-and-timestamps):
 * every fourth order id spells its zero fee and point fields that way. Derived from the id, not
 * the random stream, so the generated data stays the same otherwise.
 */
function wireZero(orderId: number, value: number): number | '' {
  return value === 0 && orderId % 4 === 0 ? '' : value;
}
