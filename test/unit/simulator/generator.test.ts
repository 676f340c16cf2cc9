/** The seeded demo shop: determinism, variety, and the money convention of order-generator.ts. */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_PAYMENTS, UNSUPPORTED_PAYMENTS } from '../../../src-main/simulator/order-generator';
import type { StoredOrder } from '../../../src-main/simulator/order-builder';
import { NOW, shop, tenths } from './shop-fixture';

const TS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function snapshot(s: ReturnType<typeof shop>): string {
  return JSON.stringify({ o: s.orders, p: s.products, ps: s.productSets, c: s.customers });
}

/** Checks one order against an independent exact re-computation; returns the problems found. */
function checkOrder(o: StoredOrder): string[] {
  const p: string[] = [];
  const ord = o.order;
  let g8 = 0n;
  let g10 = 0n;
  const logisticsIds = new Set(o.logistics.map((l) => l.id));
  let ship = 0n;
  let cod = 0n;
  let pts = 0n;
  for (const line of o.products) {
    if (typeof line.unit_price !== 'string' || typeof line.tax_rate !== 'string') p.push('string numerics');
    if (line.order_id !== ord.id) p.push('order_id');
    if (line.item_type === 'product') {
      const amount10 = tenths(line.unit_price) * BigInt(line.set_quantity) * BigInt(line.order_pro_count);
      if (amount10 % 10n !== 0n) p.push(`line ${line.id} not whole yen`);
      if (line.tax_incl !== 0) p.push('goods tax_incl');
      if (line.logistics_id === null || !logisticsIds.has(line.logistics_id)) p.push('goods logistics_id');
      if (line.tax_rate === '0.08' && line.tax_type_id === 2) g8 += amount10 / 10n;
      else if (line.tax_rate === '0.1' && line.tax_type_id === 1) g10 += amount10 / 10n;
      else p.push('tax rate/type');
    } else {
      if (line.logistics_id !== null || line.tax_incl !== 1 || line.tax_rate !== '0.1') p.push('extra row shape');
      const v = tenths(line.unit_price) / 10n;
      if (line.item_type === 'shipping') ship += v;
      else if (line.item_type === 'payment_fees') cod += v;
      else if (line.item_type === 'point') pts -= v;
      else p.push('item_type');
    }
  }
  if (ship !== BigInt(ord.shipping_cost) || cod !== BigInt(ord.COD_cost) || pts !== BigInt(ord.use_point))
    p.push('extra rows ≠ order fields');
  for (const x of [ord.shipping_cost, ord.COD_cost, ord.use_point]) if (Number(x) % 11 !== 0) p.push('extras not multiple of 11');
  if (BigInt(ord.total_price) !== g8 + g10) p.push('total_price');
  const tax8 = (g8 * 8n) / 100n;
  const tax10goods = (g10 * 10n) / 100n;
  if (BigInt(ord.tax) !== tax8 + tax10goods) p.push('goods tax');
  let sumIncl = 0n;
  for (const t of ord.order_totals) {
    if (typeof t.total !== 'string' || typeof t.tax !== 'string' || typeof t.total_incl_tax !== 'number') p.push('order_totals types');
    const total = BigInt(t.total);
    const tax = BigInt(t.tax);
    const pct = t.tax_rate === '0.08' ? 8n : t.tax_rate === '0.1' ? 10n : -1n;
    if (pct < 0n) p.push('order_totals rate');
    // tax = floor(total × rate): tax×100 ≤ total×pct < (tax+1)×100, with exact integers
    if (!(tax * 100n <= total * pct && total * pct < (tax + 1n) * 100n)) p.push(`tax not floor at ${t.tax_rate}`);
    if (BigInt(t.total_incl_tax) !== total + tax) p.push('total_incl_tax');
    if (pct === 8n && total !== g8) p.push('8% bucket total');
    if (pct === 10n && total * 11n !== g10 * 11n + (ship + cod - pts) * 10n) p.push('10% bucket total');
    sumIncl += BigInt(t.total_incl_tax);
  }
  if (BigInt(ord.final_price) !== sumIncl) p.push('final ≠ Σ total_incl_tax');
  if (BigInt(ord.final_price) !== g8 + g10 + tax8 + tax10goods + ship + cod - pts) p.push('final ≠ goods incl + shipping + COD − points');
  if (!TS.test(ord.ordered_at)) p.push('ordered_at format');
  return p;
}

describe('demo shop generation', () => {
  it('same seed → identical shop; another seed → a different one', () => {
    expect(snapshot(shop({ seed: 7, orders: 300 }))).toBe(snapshot(shop({ seed: 7, orders: 300 })));
    expect(snapshot(shop({ seed: 8, orders: 300 }))).not.toBe(snapshot(shop({ seed: 7, orders: 300 })));
  });

  it('every order of a 1,000-order shop is internally consistent, exactly', () => {
    const s = shop();
    expect(s.orders).toHaveLength(1000);
    const problems = s.orders.flatMap((o) => checkOrder(o).map((m) => `${o.order.id}: ${m}`));
    expect(problems).toEqual([]);
    // both rates, points, COD, shipping really occur
    expect(s.orders.some((o) => Number(o.order.use_point) > 0)).toBe(true);
    expect(s.orders.some((o) => Number(o.order.COD_cost) > 0)).toBe(true);
    // and some orders spell their zero fees and points "" as real shops do
    for (const f of ['use_point', 'get_point', 'COD_cost', 'shipping_cost'] as const) {
      expect(s.orders.some((o) => o.order[f] === '')).toBe(true);
    }
    expect(s.orders.some((o) => o.order.order_totals.length === 2)).toBe(true);
    expect(s.orders.some((o) => o.products.some((l) => l.unit_price.includes('.')))).toBe(true);
  });

  it('ids ascend with ordered_at inside [fromDate, toDate] and never after the clock', () => {
    const s = shop();
    for (let i = 1; i < s.orders.length; i++) {
      expect(s.orders[i]!.order.id).toBeGreaterThan(s.orders[i - 1]!.order.id);
      expect(s.orders[i]!.order.ordered_at >= s.orders[i - 1]!.order.ordered_at).toBe(true);
    }
    expect(s.orders[0]!.order.ordered_at >= '2025-04-01 00:00:00').toBe(true);
    expect(s.orders.at(-1)!.order.ordered_at <= '2025-05-01 12:00:00').toBe(true);
    expect(new Set(s.orders.map((o) => o.order.code)).size).toBe(1000);
    expect(s.orders.every((o) => o.order.code.startsWith(o.order.ordered_at.slice(0, 10).replaceAll('-', '')))).toBe(true);
  });

  it('every payment method appears; unsupported ones are rare; missing ext_id on 自社掛け払い/銀行振込 is rare', () => {
    const s = shop();
    const count = new Map<string, number>();
    for (const o of s.orders) count.set(o.order.payment, (count.get(o.order.payment) ?? 0) + 1);
    for (const [m] of [...SUPPORTED_PAYMENTS, ...UNSUPPORTED_PAYMENTS]) expect(count.get(m) ?? 0, m).toBeGreaterThan(0);
    expect(count.size).toBe(14);
    const unsupported = (count.get('Paid') ?? 0) + (count.get('カスタム決済(その他)') ?? 0);
    expect(unsupported / 1000).toBeLessThanOrEqual(0.02);
    const noExt = s.orders.filter((o) => ['自社掛け払い', '銀行振込'].includes(o.order.payment) && o.order.customer_ext_id === '');
    expect(noExt.length / 1000).toBeLessThan(0.02);
    const without = shop({ includeUnsupported: false });
    expect(without.orders.some((o) => ['Paid', 'カスタム決済(その他)'].includes(o.order.payment))).toBe(false);
  });

  it('shipments: partial, unshipped, 発送指示 and cancelled orders exist, statuses agree with shipments', () => {
    const s = shop();
    const today = '2025-05-01';
    let partial = 0;
    let unshipped = 0;
    let cancelled = 0;
    let instructed = 0;
    for (const o of s.orders) {
      const st = o.logistics.map((l) => l.status);
      const shipped = st.filter((x) => x === '発送済').length;
      if (o.logistics.length === 2 && shipped === 1) partial++;
      if (shipped === 0) unshipped++;
      if (st.includes('発送指示')) instructed++;
      for (const l of o.logistics) {
        if (l.status === '発送済') {
          expect(l.shipment_date! >= o.order.ordered_at.slice(0, 10) && l.shipment_date! <= today).toBe(true);
          expect(l.delivery_code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
        } else expect(l.shipment_date).toBeNull();
      }
      if (o.order.status === 'キャンセル') {
        cancelled++;
        expect(st.every((x) => x === '未発送')).toBe(true);
      } else if (o.order.status === '完了') expect(shipped).toBe(o.logistics.length);
      else expect(shipped).toBeLessThan(o.logistics.length);
    }
    expect(partial).toBeGreaterThan(10);
    expect(unshipped).toBeGreaterThan(10);
    expect(instructed).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
    expect(cancelled).toBeLessThan(30);
  });

  it('catalogue: 30 products, 入数 1/10/20/100, 品番 pattern, whole-yen set prices, valid JANs; 40 members', () => {
    const s = shop({ orders: 0 });
    expect(s.products).toHaveLength(30);
    for (const set of s.productSets) {
      expect([1, 10, 20, 100]).toContain(set.quantity);
      expect(set.product_no).toMatch(/^[A-Z]{3}-\d{3}(-(B10|C20|C100))?$/);
      expect((tenths(String(set.unit_price)) * BigInt(set.quantity)) % 10n).toBe(0n);
      if (set.jan_code !== '') {
        const d = set.jan_code.split('').map(Number);
        const sum = d.slice(0, 12).reduce((a, x, i) => a + x * (i % 2 === 0 ? 1 : 3), 0);
        expect((10 - (sum % 10)) % 10).toBe(d[12]);
      }
      expect(set.stock === null).toBe(set.stock_flag === 1);
    }
    expect(s.productSets.some((x) => typeof x.unit_price === 'string')).toBe(true);
    expect(new Set(s.productSets.map((x) => x.tax_type_id))).toEqual(new Set([1, 2]));
    expect(new Set(s.productSets.map((x) => x.product_no)).size).toBe(s.productSets.length);
    expect(s.customers).toHaveLength(40);
    const withExt = s.customers.filter((c) => /^C\d{4}$/.test(c.ext_id)).length;
    expect(withExt).toBeGreaterThan(30);
    expect(s.customers.some((c) => c.ext_id === '')).toBe(true);
  });

  // Speed is measured by bench/bcart-client.bench.ts (which builds the same 10,000-order shop), not here.
  it('generates a 10,000-order shop with unique, ascending ids', () => {
    const s = shop({ orders: 10_000 });
    expect(s.orders).toHaveLength(10_000);
    const ids = s.orders.map((o) => o.order.id);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
  });

  it('big orders: maxLinesPerOrder and orderLinesOver300', () => {
    const big = shop({ orders: 100, maxLinesPerOrder: 350 });
    const lineCounts = big.orders.map((o) => o.products.filter((l) => l.item_type === 'product').length);
    expect(Math.max(...lineCounts)).toBe(350);
    const over = shop({ orders: 50, orderLinesOver300: 2 });
    const huge = over.orders.filter((o) => o.products.filter((l) => l.item_type === 'product').length === 301);
    expect(huge).toHaveLength(2);
    expect(huge.flatMap(checkOrder)).toEqual([]);
  });
});

describe('state operations', () => {
  it('addOrder builds a consistent order from a description; unknown sets are rejected', () => {
    const s = shop({ orders: 5 });
    const o = s.addOrder({
      customerId: 5001,
      payment: '代金引換',
      orderedAt: '2025-04-30 10:00:00',
      lines: [
        { productNo: 'TEA-100', count: 3 },
        { productNo: 'CUP-200', count: 2, logistics: 1 },
      ],
      logistics: [{ status: '発送済', shipmentDate: '2025-04-30' }, {}],
      usePoint: 110,
    });
    expect(checkOrder(o)).toEqual([]);
    expect(o.order.COD_cost).toBe(330);
    expect(o.order.status).toBe('カスタム1');
    expect(o.order.id).toBe(10006);
    expect(o.order.code).toBe('20250430' + o.order.code.slice(8));
    expect(s.getOrder(o.order.id)).toBe(o);
    expect(() => s.addOrder({ lines: [{ productNo: 'NOPE' }] })).toThrow(/見つかりません/);
    expect(() => s.addOrder({ customerId: 1 })).toThrow(/存在しません/);
  });

  it('shipLogistic marks 発送済 with the clock date and completes the order', () => {
    const s = shop({ orders: 0 });
    const o = s.addOrder({ lineCount: 1 });
    expect(o.order.status).toBe('新規注文');
    const l = s.shipLogistic(o.logistics[0]!.id);
    expect(l.status).toBe('発送済');
    expect(l.shipment_date).toBe('2025-05-01');
    expect(o.order.status).toBe('完了');
    expect(() => s.shipLogistic(1)).toThrow();
  });

  it('insertOrderAtFront gives an id below all others and keeps ascending order', () => {
    const s = shop({ orders: 10 });
    const first = s.orders[0]!.order.id;
    const o = s.insertOrderAtFront('2025-04-02 00:00:00');
    expect(o.order.id).toBeLessThan(first);
    expect(s.orders[0]).toBe(o);
    expect(o.order.ordered_at).toBe('2025-04-02 00:00:00');
    expect(checkOrder(o)).toEqual([]);
    expect(s.allOrderProducts().some((l) => l.order_id === o.order.id)).toBe(true);
  });

  it('generateOrders adds orders dated today after the existing ids', () => {
    const s = shop({ orders: 10 });
    const added = s.generateOrders(5);
    expect(added.map((o) => o.order.id)).toEqual([10011, 10012, 10013, 10014, 10015]);
    expect(added.every((o) => o.order.ordered_at.startsWith('2025-05-01') && o.order.ordered_at <= '2025-05-01 12:00:00')).toBe(true);
    expect(added.flatMap(checkOrder)).toEqual([]);
    expect(NOW).toBeGreaterThan(0);
  });

  it('maxRequestsInWindow finds the busiest sliding 300 s of the request log', () => {
    const s = shop({ orders: 0 });
    const at = [0, 1000, 299_999, 300_000, 300_001, 900_000];
    for (const t of at) s.logRequest({ at: t, method: 'GET', path: '/api/v1/orders', query: '', status: 200 });
    expect(s.maxRequestsInWindow()).toBe(4); // 1000, 299_999, 300_000, 300_001
    expect(s.maxRequestsInWindow(1)).toBe(1);
    expect(shop({ orders: 0 }).maxRequestsInWindow()).toBe(0);
  });
});
