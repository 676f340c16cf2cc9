/** Every client method against the BCart simulator (real HTTP on 127.0.0.1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBcartClient, type BcartClient } from '../../../src-main/core/bcart/client';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { systemClock, systemTimers } from '../../../src-main/core/ports';
import { capturingLogger } from '../../unit/bcart/helpers/fakes';

let sim: RunningSimulator;
let client: BcartClient;
const lines: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, orders: 260, rateLimit: false, toDate: '2025-04-30', fromDate: '2025-04-01' });
  client = createBcartClient({
    baseUrl: sim.url,
    getAccessToken: async () => sim.token,
    fetch: (u, i) => fetch(u, i),
    clock: systemClock,
    timers: systemTimers,
    logger: capturingLogger(lines),
  });
});
afterAll(() => sim.close());

describe('BCart client × simulator', () => {
  it('listOrders returns every order with lines and shipments, normalised', async () => {
    const orders = await client.listOrders({});
    expect(orders).toHaveLength(sim.state.orders.length);
    const byId = new Map(sim.state.orders.map((o) => [o.order.id, o]));
    for (const o of orders) {
      const w = byId.get(o.id)!;
      expect(o.code).toBe(String(w.order.code));
      expect(o.orderedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(o.orderProducts).toHaveLength(w.products.length);
      expect(o.logistics).toHaveLength(w.logistics.length);
      for (const l of o.orderProducts) {
        expect(l.orderId).toBe(o.id);
        expect(l.unitPrice).toMatch(/^-?\d+(\.\d+)?$/);
      }
    }
    expect(orders.map((o) => o.id)).toEqual([...orders.map((o) => o.id)].sort((a, b) => a - b));
  });

  it('listOrders filters a JST date window (server and client side agree)', async () => {
    const all = await client.listOrders({});
    const want = all.filter((o) => o.orderedAt.slice(0, 10) >= '2025-04-10' && o.orderedAt.slice(0, 10) <= '2025-04-16');
    const got = await client.listOrders({ orderedFrom: '2025-04-10', orderedTo: '2025-04-16' });
    expect(got.map((o) => o.id)).toEqual(want.map((o) => o.id));
    expect(got.length).toBeGreaterThan(0);
  });

  it('getOrder / status / code filters', async () => {
    const w = sim.state.orders[5]!.order;
    const one = await client.getOrder(w.id);
    expect(one?.id).toBe(w.id);
    expect((await client.listOrders({ code: String(w.code) })).map((o) => o.id)).toEqual([w.id]);
    const byStatus = await client.listOrders({ status: w.status });
    expect(byStatus.every((o) => o.status === w.status)).toBe(true);
    expect(byStatus.some((o) => o.id === w.id)).toBe(true);
    expect(await client.getOrder(999_999_999)).toBeNull();
  });

  it('listOrderProducts and listLogistics', async () => {
    const w = sim.state.orders[0]!;
    const lines = await client.listOrderProducts(w.order.id);
    expect(lines.map((l) => l.id).sort()).toEqual(w.products.map((p) => p.id).sort());
    const logistics = await client.listLogistics();
    expect(logistics).toHaveLength(sim.state.allLogistics().length);
    const shipped = await client.listLogistics({ status: '発送済' });
    expect(shipped.every((l) => l.status === '発送済')).toBe(true);
  });

  it('catalog lists: product sets, stock, customers, products; getProductSet', async () => {
    const sets = await client.listProductSets();
    expect(sets).toHaveLength(sim.state.productSets.length);
    const one = await client.getProductSet(sets[0]!.id);
    expect(one).toEqual(sets[0]);
    expect(await client.listProductStock()).toHaveLength(sim.state.productSets.length);
    expect(await client.listCustomers()).toHaveLength(sim.state.customers.length);
    expect(await client.listProducts()).toHaveLength(sim.state.products.length);
  });

  it('relative stock updates: bulk and single', async () => {
    const sets = (await client.listProductSets()).filter((s) => s.stock !== null).slice(0, 3);
    expect(sets.length).toBe(3);
    const echoed = await client.patchProductSetStocks(sets.map((s) => ({ id: s.id, stock: '+5' as const })));
    expect(echoed.map((s) => s.stock)).toEqual(sets.map((s) => s.stock! + 5));
    const single = await client.patchProductSetStock(sets[0]!.id, '+-2');
    expect(single.stock).toBe(sets[0]!.stock! + 3);
    expect((await client.getProductSet(sets[0]!.id)).stock).toBe(sets[0]!.stock! + 3);
    const abs = await client.patchProductSetStock(sets[1]!.id, 40);
    expect(abs.stock).toBe(40);
  });

  it('ping: one request', async () => {
    const before = sim.requestCount();
    const p = await client.ping();
    expect(p.ok).toBe(true);
    expect(p.ordersTotal).toBe(sim.state.orders.length);
    expect(sim.requestCount() - before).toBe(1);
  });

  it('a token without a scope → BCART_MISSING_SCOPE; an unknown token → BCART_UNAUTHORIZED', async () => {
    sim.state.auth.registerToken('limited', { scopes: ['orders-read'] });
    const limited = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => 'limited', fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: capturingLogger() });
    await expect(limited.listOrders({ ids: [sim.state.orders[0]!.order.id] })).resolves.toHaveLength(1);
    await expect(limited.patchProductSetStock(sim.state.productSets[0]!.id, '+1')).rejects.toMatchObject({ code: 'BCART_MISSING_SCOPE' });
    const bad = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => 'nope', fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: capturingLogger() });
    await expect(bad.listProducts()).rejects.toMatchObject({ code: 'BCART_UNAUTHORIZED' });
  });

  it('the token never appears in the logs', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(sim.token);
  });
});
