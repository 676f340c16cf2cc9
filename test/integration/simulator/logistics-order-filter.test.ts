/** GET /logistics?order_id=… (an assumed filter, see api-orders.ts): one order's shipments, paged; bad value → 400. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 4, orders: 30, rateLimit: false });
});
afterAll(() => sim.close());

describe('GET /logistics?order_id', () => {
  it("lists only that order's shipments with meta.total, paged by limit/offset", async () => {
    const big = sim.state.addOrder({ logistics: Array.from({ length: 150 }, () => ({})) });
    const ids = big.logistics.map((l) => l.id);
    const p1 = await call(sim, `/logistics?order_id=${big.order.id}&limit=100&offset=0`);
    const p2 = await call(sim, `/logistics?order_id=${big.order.id}&limit=100&offset=100`);
    expect(p1.body.meta.total).toBe(150);
    expect([...p1.body.logistics, ...p2.body.logistics].map((l: { id: number }) => l.id)).toEqual(ids);
    const withOrder = await call(sim, `/logistics?order_id=${big.order.id}&limit=1&complete=1`);
    expect(withOrder.body.logistics[0].order.id).toBe(big.order.id);
    const other = sim.state.orders[0]!;
    const small = await call(sim, `/logistics?order_id=${other.order.id}`);
    expect(small.body.logistics.map((l: { id: number }) => l.id)).toEqual(other.logistics.map((l) => l.id));
    expect((await call(sim, '/logistics?order_id=999999')).body).toMatchObject({ logistics: [], meta: { total: 0 } });
  });

  it('rejects a non-numeric order_id', async () => {
    const r = await call(sim, '/logistics?order_id=abc');
    expect(r.status).toBe(400);
  });
});
