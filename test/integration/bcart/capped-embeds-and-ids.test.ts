/**
 * Orders whose embedded `logistics` hit BCart's 300 cap are completed through GET /logistics?order_id=…
 * (ceil(n / 100) extra calls per such order), and a long `ids` filter is sent in chunks of ≤ 100 ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBcartClient, IDS_PER_REQUEST, type BcartClient } from '../../../src-main/core/bcart/client';
import { systemClock, systemTimers } from '../../../src-main/core/ports';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import type { StoredOrder } from '../../../src-main/simulator/order-builder';
import { capturingLogger } from '../../unit/bcart/helpers/fakes';

let sim: RunningSimulator;
let client: BcartClient;
let big305: StoredOrder;
let big420: StoredOrder;
let exactly300: StoredOrder;

const shipments = (n: number) => Array.from({ length: n }, (_, i) => ({ status: i % 2 === 0 ? '発送済' : '未発送' }));

beforeAll(async () => {
  sim = await startSimulator({ seed: 13, orders: 120, rateLimit: false, toDate: '2025-04-30', fromDate: '2025-04-01' });
  big305 = sim.state.addOrder({ orderedAt: '2025-04-20 10:00:00', logistics: shipments(305), lineCount: 3 });
  big420 = sim.state.addOrder({ orderedAt: '2025-04-21 10:00:00', logistics: shipments(420), lineCount: 2 });
  exactly300 = sim.state.addOrder({ orderedAt: '2025-04-22 10:00:00', logistics: shipments(300), lineCount: 1 });
  client = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => sim.token, fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: capturingLogger() });
});
afterAll(() => sim.close());

const logisticsCalls = (from: number) => sim.state.requests.slice(from).filter((r) => r.path === '/api/v1/logistics');
const orderCalls = (from: number) => sim.state.requests.slice(from).filter((r) => r.path === '/api/v1/orders');

describe('orders with 300+ shipments', () => {
  it('the embedded list really stops at 300 (precondition)', async () => {
    const res = await fetch(`${sim.url}/orders/${big305.order.id}?complete=1`, { headers: { Authorization: `Bearer ${sim.token}` } });
    const body = (await res.json()) as { order: { logistics: unknown[] } };
    expect(body.order.logistics).toHaveLength(300);
  });

  it('get every shipment, with exactly ceil(n / 100) extra /logistics calls per capped order', async () => {
    const from = sim.state.requests.length;
    const orders = await client.listOrders({});
    for (const w of [big305, big420, exactly300]) {
      const o = orders.find((x) => x.id === w.order.id)!;
      expect(o.logistics.map((l) => l.id)).toEqual(w.logistics.map((l) => l.id).sort((a, b) => a - b));
      expect(o.logistics.filter((l) => l.status === '発送済')).toHaveLength(Math.ceil(w.logistics.length / 2));
    }
    // orders below the cap keep their embedded list and cost nothing extra
    const small = orders.find((x) => x.id === sim.state.orders[0]!.order.id)!;
    expect(small.logistics).toHaveLength(sim.state.orders[0]!.logistics.length);
    const calls = logisticsCalls(from);
    expect(calls).toHaveLength(Math.ceil(305 / 100) + Math.ceil(420 / 100) + Math.ceil(300 / 100));
    const perOrder = new Map<string, number>();
    for (const c of calls) {
      const q = new URLSearchParams(c.query);
      perOrder.set(q.get('order_id')!, (perOrder.get(q.get('order_id')!) ?? 0) + 1);
      expect(q.get('limit')).toBe('100');
    }
    expect(Object.fromEntries(perOrder)).toEqual({ [big305.order.id]: 4, [big420.order.id]: 5, [exactly300.order.id]: 3 });
  });

  it('getOrder of a capped order returns all of its shipments', async () => {
    const o = await client.getOrder(big420.order.id);
    expect(o?.logistics).toHaveLength(420);
    expect(new Set(o?.logistics.map((l) => l.id)).size).toBe(420);
  });
});

describe('listOrders ids filter', () => {
  it(`sends at most ${IDS_PER_REQUEST} ids per request and returns exactly the wanted orders`, async () => {
    const existing = sim.state.orders.map((o) => o.order.id);
    // every order plus 130 unknown ids (253 distinct), plus duplicates that must not cost a request
    const wanted = [...existing, ...Array.from({ length: 130 }, (_, i) => 900_000 + i)];
    expect(wanted).toHaveLength(253);
    const from = sim.state.requests.length;
    const got = await client.listOrders({ ids: [...wanted, ...existing.slice(0, 50)] });
    expect(got.map((o) => o.id)).toEqual([...existing].sort((a, b) => a - b));
    const calls = orderCalls(from);
    expect(calls).toHaveLength(3);
    const sent = calls.map((c) => new URLSearchParams(c.query).get('ids')!.split(',').map(Number));
    for (const ids of sent) expect(ids.length).toBeLessThanOrEqual(IDS_PER_REQUEST);
    expect(sent.flat().sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
    for (const c of calls) expect(c.query.length).toBeLessThan(2_000);
  });

  it('a short list is one request and an empty list none', async () => {
    const id = sim.state.orders[3]!.order.id;
    const from = sim.state.requests.length;
    expect((await client.listOrders({ ids: [id] })).map((o) => o.id)).toEqual([id]);
    expect(await client.listOrders({ ids: [] })).toEqual([]);
    expect(orderCalls(from)).toHaveLength(1);
  });
});
