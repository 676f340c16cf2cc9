/** Wire format over real HTTP: wrappers, string numerics, meta.total, paging, the 300 cap, filters, auth. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

const clock = { now: () => Date.parse('2025-05-01T03:00:00Z') };
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    mode: 'test',
    seed: 3,
    orders: 250,
    fromDate: '2025-04-01',
    toDate: '2025-05-01',
    clock,
    rateLimit: false,
    orderLinesOver300: 1,
    maxLinesPerOrder: 6,
  });
});
afterAll(() => sim.close());

describe('GET /orders', () => {
  it('lists with meta.total, ascending id, default limit 20, limit > 100 clamped to 100', async () => {
    const r = await call(sim, '/orders');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.body.meta).toEqual({ total: 250 });
    expect(r.body.orders).toHaveLength(20);
    const ids = r.body.orders.map((o: { id: number }) => o.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(r.body.orders[0].order_products).toBeUndefined();
    const big = await call(sim, '/orders?limit=500');
    expect(big.body.orders).toHaveLength(100);
    const last = await call(sim, '/orders?limit=100&offset=200');
    expect(last.body.orders).toHaveLength(50);
    const beyond = await call(sim, '/orders?limit=100&offset=300');
    expect(beyond.body).toEqual({ orders: [], meta: { total: 250 } });
  });

  it('rejects a bad limit/offset with the errors envelope; unknown parameters are ignored', async () => {
    for (const q of ['limit=0', 'limit=abc', 'offset=-1', 'ordered_at__gte=yesterday']) {
      const r = await call(sim, `/orders?${q}`);
      expect(r.status, q).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
      expect(typeof Object.values(r.body.errors[0])[0]).toBe('string');
    }
    const a = await call(sim, '/orders?limit=5&shipment_status__xyz=1&foo=bar');
    const b = await call(sim, '/orders?limit=5');
    expect(a.text).toBe(b.text);
  });

  it('complete=1 embeds order_products and logistics with the documented string/number types', async () => {
    const r = await call(sim, '/orders?complete=1&limit=100');
    const o = r.body.orders[0];
    expect(typeof o.code).toBe('string');
    expect(o).toHaveProperty('COD_cost');
    expect(typeof o.final_price).toBe('number');
    expect(o.ordered_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    for (const t of o.order_totals) {
      expect(typeof t.tax_rate).toBe('string');
      expect(typeof t.total).toBe('string');
      expect(typeof t.tax).toBe('string');
      expect(typeof t.total_incl_tax).toBe('number');
    }
    const line = o.order_products[0];
    expect(typeof line.unit_price).toBe('string');
    expect(typeof line.tax_rate).toBe('string');
    expect(typeof line.set_quantity).toBe('number');
    expect(['未発送', '発送指示', '発送済']).toContain(o.logistics[0].status);
  });

  it('embeds at most 300 lines; the rest is paged from /order_products?order_id=', async () => {
    const huge = sim.state.orders.find((o) => o.products.length > 300)!;
    expect(huge).toBeDefined();
    const one = await call(sim, `/orders?ids=${huge.order.id}&complete=1`);
    expect(one.body.orders[0].order_products).toHaveLength(300);
    const lines: { id: number }[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call(sim, `/order_products?order_id=${huge.order.id}&limit=100&offset=${offset}`);
      expect(page.body.meta.total).toBe(huge.products.length);
      lines.push(...page.body.order_products);
      if (page.body.order_products.length < 100) break;
    }
    expect(lines.map((l) => l.id)).toEqual(huge.products.map((l) => l.id));
    expect(lines.length).toBeGreaterThan(300);
  });

  it('filters: ordered_at (both spellings, date or datetime), status, code, ids', async () => {
    const all = sim.state.orders.map((o) => o.order);
    const inWindow = all.filter((o) => o.ordered_at >= '2025-04-10 00:00:00' && o.ordered_at <= '2025-04-12 23:59:59');
    for (const q of [
      'ordered_at__gte=2025-04-10&ordered_at__lte=2025-04-12',
      'ordered_at_min=2025-04-10%2000:00:00&ordered_at_max=2025-04-12%2023:59:59',
    ]) {
      const r = await call(sim, `/orders?limit=100&${q}`);
      expect(r.body.meta.total, q).toBe(inWindow.length);
      expect(r.body.orders.map((o: { id: number }) => o.id)).toEqual(inWindow.slice(0, 100).map((o) => o.id));
    }
    const done = await call(sim, `/orders?status=${encodeURIComponent('完了')}&limit=1`);
    expect(done.body.meta.total).toBe(all.filter((o) => o.status === '完了').length);
    const target = all[7]!;
    expect((await call(sim, `/orders?code=${target.code}`)).body.orders.map((o: { id: number }) => o.id)).toEqual([target.id]);
    const ids = await call(sim, `/orders?ids=${all[3]!.id},${all[5]!.id}`);
    expect(ids.body.meta.total).toBe(2);
  });

  it('single GETs wrap in the singular key; unknown ids → 404 errors', async () => {
    const o = sim.state.orders[0]!;
    expect((await call(sim, `/orders/${o.order.id}`)).body.order.id).toBe(o.order.id);
    expect((await call(sim, `/orders/${o.order.id}?complete=1`)).body.order.logistics).toHaveLength(o.logistics.length);
    expect((await call(sim, `/order_products/${o.products[0]!.id}`)).body.order_product.id).toBe(o.products[0]!.id);
    expect((await call(sim, `/logistics/${o.logistics[0]!.id}`)).body.logistic.id).toBe(o.logistics[0]!.id);
    expect((await call(sim, `/customers/5001`)).body.customer.id).toBe(5001);
    expect((await call(sim, `/product_sets/3010`)).body.product_set.product_no).toBe('TEA-100');
    expect((await call(sim, `/products/301`)).body.product.main_no).toBe('TEA-100');
    expect((await call(sim, `/product_stock/TEA-100`)).body.product_stock.product_no).toBe('TEA-100');
    for (const p of ['/orders/1', '/logistics/1', '/customers/1', '/product_stock/NOPE', '/nothing']) {
      const r = await call(sim, p);
      expect(r.status, p).toBe(404);
      expect(r.body.errors).toHaveLength(1);
    }
    expect((await call(sim, '/orders', { method: 'DELETE' })).status).toBe(405);
  });

  it('other lists: logistics (id, status, complete), product_sets, product_stock, customers, products', async () => {
    const shipped = await call(sim, `/logistics?status=${encodeURIComponent('発送済')}&limit=100&complete=1`);
    expect(shipped.body.meta.total).toBe(sim.state.allLogistics().filter((l) => l.status === '発送済').length);
    const l0 = shipped.body.logistics[0];
    expect(l0.order.id).toBeGreaterThan(0);
    expect(l0.order_products.every((p: { logistics_id: number }) => p.logistics_id === l0.id)).toBe(true);
    expect((await call(sim, `/logistics?id=${l0.id}`)).body.logistics.map((l: { id: number }) => l.id)).toEqual([l0.id]);
    const sets = await call(sim, '/product_sets?limit=100');
    expect(sets.body.meta.total).toBe(sim.state.productSets.length);
    const stock = await call(sim, '/product_stock?limit=100');
    expect(Object.keys(stock.body.product_stock[0]).sort()).toEqual([
      'id',
      'name',
      'product_id',
      'product_no',
      'stock',
      'stock_flag',
      'stock_parent',
    ]);
    expect((await call(sim, '/customers?limit=100')).body.meta.total).toBe(40);
    expect((await call(sim, '/customers?ext_id=C0001')).body.customers).toHaveLength(1);
    expect((await call(sim, '/products?limit=100')).body.products).toHaveLength(30);
  });
});

describe('auth', () => {
  it('401 without or with a wrong token; 403 when a registered token lacks the scope', async () => {
    const none = await call(sim, '/orders', { token: null });
    expect(none.status).toBe(401);
    expect(none.body.errors[0]).toHaveProperty('token');
    expect((await call(sim, '/orders', { token: 'wrong' })).status).toBe(401);
    sim.state.auth.registerToken('orders-only', { scopes: ['orders-read'] });
    expect((await call(sim, '/orders', { token: 'orders-only' })).status).toBe(200);
    const denied = await call(sim, '/product_sets', { token: 'orders-only' });
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].scope).toMatch(/product_sets-read/);
    const write = await call(sim, '/product_sets/3010', { method: 'PATCH', token: 'orders-only', body: { stock: 1 } });
    expect(write.status).toBe(403);
  });

  it('counts every API request', async () => {
    const before = sim.requestCount();
    await call(sim, '/orders?limit=1');
    await call(sim, '/orders', { token: null });
    await call(sim, '/__admin/state');
    expect(sim.requestCount() - before).toBe(2);
    expect(sim.state.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/orders', status: 401 });
  });
});
