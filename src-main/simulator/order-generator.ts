/**
 * Seeded demo orders.
 *
 * MONEY CONVENTION (the import reconciles against exactly this; see order-amounts.ts):
 * 1. Goods lines (`item_type: "product"`) are tax-excluded (`tax_incl: 0`). Line amount =
 *    unit_price (per piece, decimal string) × set_quantity (入数) × order_pro_count, exact and
 *    always a whole yen amount in generated data.
 * 2. `shipping_cost` (送料) and `COD_cost` (代引手数料, only for 代金引換) are tax-included 10 % amounts;
 *    `use_point` is a tax-included 10 % reduction. The generator only uses multiples of ¥11 for these
 *    three (550, 880, 1100, 1320 / 330, 440, 660 / 110…), so their tax-excluded part ×10/11 is exact.
 * 3. `order_totals`, one entry per rate present ("0.08" first, then "0.1"):
 *      8 % : total = Σ 8 % goods;                     tax = floor(total × 8 / 100)
 *      10 %: total = Σ 10 % goods + shipping×10/11 + COD×10/11 − points×10/11;
 *            tax = floor(total × 10 / 100)
 *    total_incl_tax = total + tax. `total` and `tax` are strings, `total_incl_tax` a number (docs/bcart-api.md#numbers-and-timestamps).
 *    Tax is computed ONCE per rate (インボイス rule), never per line.
 * 4. `total_price` = Σ goods (tax-excluded); `tax` = goods-only tax = floor(goods8×8%) + floor(goods10×10%);
 *    `final_price` = Σ order_totals.total_incl_tax, which (because of the ×11 amounts in 2) also
 *    equals total_price + tax + shipping_cost + COD_cost − use_point exactly.
 * 5. Non-product order_products rows follow the goods lines, with logistics_id null, tax_rate "0.1",
 *    tax_incl 1: `shipping` (unit_price = shipping_cost), `payment_fees` (= COD_cost) and
 *    `point` (= −use_point). They are absent when the amount is 0.
 *
 * Shape of the shop: 1–6 goods lines per order (bigger on request), both rates, partial shipments
 * (two logistics, one 発送済 one not), recent orders still 未発送 / 発送指示, rare キャンセル orders,
 * every payment method of docs/import-rules.md#customer-per-payment-method (unsupported Paid / カスタム決済(その他) ≈ 1 %).
 */
import { daysBetween } from '../../src-shared/domain/jst-date';
import type { LineSpec, LogisticSpec, OrderSpecResolved } from './order-builder';
import { exclOf10 } from './order-amounts';
import { setLineAmount } from './set-price';
import type { Rng } from './prng';
import { toWireTimestamp } from './wire-time';
import type { WireCustomer, WireProduct, WireProductSet } from './wire-types';

/** Payment methods the import supports (docs/import-rules.md#customer-per-payment-method), with relative frequency. */
export const SUPPORTED_PAYMENTS: readonly (readonly [string, number])[] = [
  ['銀行振込', 20],
  ['自社掛け払い', 15],
  ['Bカート掛け払い', 12],
  ['代金引換', 10],
  ['Bカートクレカ決済', 8],
  ['クレジットカード決済', 8],
  ['NP掛け払い', 6],
  ['クロネコwebコレクト', 4],
  ['Bカート掛け払い 請求代行プラン', 4],
  ['クロネコ掛け払い', 4],
  ['ペイジェント決済代行サービス', 3],
  ['PayPal', 3],
];
/** Methods the import must reject with a clear error. */
export const UNSUPPORTED_PAYMENTS: readonly (readonly [string, number])[] = [
  ['Paid', 0.6],
  ['カスタム決済(その他)', 0.6],
];

const PREPAID = new Set(['Bカートクレカ決済', 'クレジットカード決済', 'クロネコwebコレクト', 'ペイジェント決済代行サービス', 'PayPal']);
const NEEDS_EXT_ID = new Set(['自社掛け払い', '銀行振込']);

export interface ShopContext {
  sets: readonly WireProductSet[];
  productsById: ReadonlyMap<number, WireProduct>;
  customers: readonly WireCustomer[];
  /** the clock's JST date */
  today: string;
  nowMs: number;
}

export interface GenerateOptions {
  count: number;
  fromDate: string;
  toDate: string;
  includeUnsupported: boolean;
  maxLinesPerOrder: number;
  orderLinesOver300: number;
}

export type OrderDraft = Omit<OrderSpecResolved, 'id' | 'code'>;

function lineCount(rng: Rng): number {
  return rng.weighted([
    [1, 30],
    [2, 25],
    [3, 18],
    [4, 12],
    [5, 9],
    [6, 6],
  ]);
}

function countFor(rng: Rng, set: WireProductSet): number {
  if (set.quantity >= 100) return rng.int(1, 3);
  if (set.quantity >= 20) return rng.int(1, 5);
  if (set.quantity >= 10) return rng.int(1, 10);
  return rng.int(1, 24);
}

function deliveryCode(rng: Rng): string {
  return `${rng.int(1000, 9999)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`;
}

// Dates as whole day numbers (days since 1970-01-01 of the JST calendar): plain integer arithmetic
// in the hot loop instead of parsing "YYYY-MM-DD" strings for every order.
const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;
const dayNo = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const jstDayOf = (epochMs: number): number => Math.floor((epochMs + JST_MS) / DAY_MS);

/** Shipment states by the order's age in days (older orders are mostly shipped). */
function shipmentFor(rng: Rng, orderDay: number, today: number, forceUnshipped: boolean, pShip: number): LogisticSpec {
  const age = Math.max(0, today - orderDay);
  if (!forceUnshipped && rng.chance(pShip)) {
    const shipped = orderDay + rng.int(0, Math.min(age, 2));
    return {
      status: '発送済',
      shipmentDate: dateOf(shipped),
      arrivalDate: shipped + 1 <= today ? dateOf(shipped + 1) : null,
      dueDate: null,
      deliveryCode: deliveryCode(rng),
    };
  }
  return {
    status: !forceUnshipped && rng.chance(0.3) ? '発送指示' : '未発送',
    shipmentDate: null,
    arrivalDate: null,
    dueDate: rng.chance(0.2) ? dateOf(orderDay + rng.int(2, 5)) : null,
    deliveryCode: '',
  };
}

function shipProbability(age: number): number {
  if (age >= 3) return 0.95;
  if (age === 2) return 0.8;
  if (age === 1) return 0.5;
  return 0.1;
}

/** Random order time within [fromDate, toDate] (07:00–21:59 JST), never after the clock's now. */
function orderTime(rng: Rng, ctx: ShopContext, fromDay: number, days: number): number {
  const start = (fromDay + rng.int(0, days)) * DAY_MS - JST_MS;
  let t = start + rng.int(7 * 3600, 22 * 3600 - 1) * 1000;
  if (t > ctx.nowMs && start <= ctx.nowMs) t = Math.max(start, ctx.nowMs - rng.int(1, 3600) * 1000);
  return t;
}

/** Picks the payment method for order index i; fixed positions guarantee every method appears. */
function paymentFor(rng: Rng, i: number, n: number, methods: readonly (readonly [string, number])[]): string {
  if (n >= methods.length * 4) {
    for (let k = 0; k < methods.length; k++) {
      if (i === Math.floor(((k + 0.5) * n) / methods.length)) return methods[k]![0];
    }
  }
  return rng.weighted(methods);
}

/** Generates `count` order drafts sorted by order time (ids are assigned by the caller in that order). */
export function generateOrderDrafts(rng: Rng, ctx: ShopContext, opts: GenerateOptions): OrderDraft[] {
  const methods = opts.includeUnsupported ? [...SUPPORTED_PAYMENTS, ...UNSUPPORTED_PAYMENTS] : SUPPORTED_PAYMENTS;
  const days = Math.max(0, daysBetween(opts.fromDate, opts.toDate));
  const fromDay = dayNo(opts.fromDate);
  const today = dayNo(ctx.today);
  const times = Array.from({ length: opts.count }, () => orderTime(rng, ctx, fromDay, days)).sort((a, b) => a - b);
  const bigLines = Math.max(301, opts.maxLinesPerOrder);
  const bigAt = new Set<number>();
  for (let k = 0; k < opts.orderLinesOver300; k++) bigAt.add(Math.floor(((k + 0.5) * opts.count) / opts.orderLinesOver300));
  const withExt = ctx.customers.filter((c) => c.ext_id !== '');
  let firstLarge = true;
  return times.map((t, i) => {
    let nLines = Math.min(lineCount(rng), opts.maxLinesPerOrder);
    if (bigAt.has(i)) nLines = bigLines;
    else if (opts.maxLinesPerOrder > 6 && i % 50 === 25) {
      nLines = firstLarge ? opts.maxLinesPerOrder : rng.int(7, opts.maxLinesPerOrder);
      firstLarge = false;
    }
    const payment = paymentFor(rng, i, opts.count, methods);
    let customer = rng.pick(ctx.customers);
    // members without 貴社独自会員ID rarely pay by 自社掛け払い / 銀行振込 (the import cannot map them)
    if (NEEDS_EXT_ID.has(payment) && customer.ext_id === '' && withExt.length > 0 && !rng.chance(0.1)) {
      customer = rng.pick(withExt);
    }
    const orderDay = jstDayOf(t);
    const orderDate = dateOf(orderDay);
    const age = Math.max(0, today - orderDay);
    const cancelled = rng.chance(0.01);
    const partial = !cancelled && nLines >= 2 && nLines <= 6 && rng.chance(0.12);
    const logistics: LogisticSpec[] = [shipmentFor(rng, orderDay, today, cancelled, shipProbability(age))];
    if (partial) {
      // the second shipment of a partially shipped order is shipped later, if at all
      const first = logistics[0]!;
      logistics.push(shipmentFor(rng, orderDay, today, first.status !== '発送済', age >= 3 ? 0.5 : 0));
    }
    const used = new Set<number>();
    const lines: LineSpec[] = [];
    for (let j = 0; j < nLines; j++) {
      let set = rng.pick(ctx.sets);
      // distinct sets in normal orders; huge orders necessarily repeat sets
      for (let tries = 0; tries < 5 && used.has(set.id) && nLines <= ctx.sets.length; tries++) set = rng.pick(ctx.sets);
      used.add(set.id);
      const product = ctx.productsById.get(set.product_id)!;
      lines.push({ set, product, count: countFor(rng, set), logisticsIndex: partial && j >= Math.ceil(nLines / 2) ? 1 : 0 });
    }
    let goods10 = 0;
    let goodsAll = 0;
    for (const l of lines) {
      const amount = setLineAmount(l.set, l.count) ?? 0; // catalogue prices are always whole-yen per set
      goodsAll += amount;
      if (l.set.tax_type_id !== 2) goods10 += amount;
    }
    const shippingCost = goodsAll >= 30000 ? 0 : goodsAll >= 10000 ? rng.pick([0, 550, 880]) : rng.pick([550, 880, 1100, 1320]);
    const codCost = payment === '代金引換' ? (goodsAll < 10000 ? 330 : goodsAll < 30000 ? 440 : 660) : 0;
    let usePoint = 0;
    if (!cancelled && rng.chance(0.12)) {
      const base10 = goods10 + exclOf10(shippingCost) + exclOf10(codCost);
      const cap = Math.floor(base10 / 10) * 11; // points×10/11 may not exceed the 10 % bucket
      const want = 11 * rng.int(10, 200);
      if (cap >= 110) usePoint = Math.min(want, cap);
    }
    const shippedCount = logistics.filter((l) => l.status === '発送済').length;
    const status = cancelled
      ? 'キャンセル'
      : shippedCount === logistics.length
        ? '完了'
        : shippedCount > 0 || logistics.some((l) => l.status === '発送指示')
          ? 'カスタム1'
          : '新規注文';
    return {
      customer,
      payment,
      paymentAt: PREPAID.has(payment) ? orderDate : null,
      orderedAt: toWireTimestamp(t),
      status,
      lines,
      logistics,
      shippingCost,
      codCost,
      usePoint,
      customerMessage: rng.chance(0.05) ? '午前中着希望' : '',
    };
  });
}
