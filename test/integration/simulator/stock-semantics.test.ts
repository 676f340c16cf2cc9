/**
 * The simulator's stock as BCart keeps it: buyers' orders take stock at once and a cancellation gives
 * it back, unmanaged sets refuse relative values, a set can be made to refuse writes, every change is
 * journaled with the request id, and the write faults: applied-then-lost, applied-then-5xx,
 * applied-then-no-answer, 503 before applying, 429, and a buyer ordering during the request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 11, orders: 0, rateLimit: false, bulkSets: 3, mode: 'test' });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

const managed = () => sim.state.productSets.filter((s) => s.stock !== null && s.stock_flag === 0);
const unmanaged = () => sim.state.productSets.filter((s) => s.stock === null && s.stock_flag === 1);
const stockOf = (id: number) => sim.state.getSet(id)!.stock;

async function patchWithId(rows: unknown[], requestId: string) {
  const url = `${sim.url}/product_sets`;
  return fetch(url, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ product_sets: rows }),
  });
}

describe('orders and cancellations', () => {
  it('an order placed in BCart takes its quantity off the set; キャンセル gives it back', async () => {
    const set = managed()[0]!;
    const before = set.stock!;
    const r = await call(sim, '/__admin/orders', { method: 'POST', body: { order: { lines: [{ productSetId: set.id, count: 4 }] } } });
    expect(r.status).toBe(201);
    expect(stockOf(set.id)).toBe(before - 4);
    const orderId = r.body.orders[0].id as number;
    expect((await call(sim, `/__admin/orders/${orderId}/cancel`, { method: 'POST' })).body.order.status).toBe('キャンセル');
    expect(stockOf(set.id)).toBe(before);
    // a second cancel changes nothing
    await call(sim, `/__admin/orders/${orderId}/cancel`, { method: 'POST' });
    expect(stockOf(set.id)).toBe(before);
    const kinds = sim.state.stock.journal.filter((e) => e.orderId === orderId).map((e) => [e.source, e.op]);
    expect(kinds).toEqual([
      ['order', { kind: 'add', delta: -4 }],
      ['cancel', { kind: 'add', delta: 4 }],
    ]);
  });

  it('an order of an unmanaged set leaves its stock null', async () => {
    const set = unmanaged()[0]!;
    sim.state.buyerOrder(set.id, 2);
    expect(stockOf(set.id)).toBeNull();
  });

  it('the bulk catalogue adds managed sets BULK-00001… with stock 1000', () => {
    const bulk = sim.state.productSets.filter((s) => s.product_no.startsWith('BULK-'));
    expect(bulk.map((s) => [s.product_no, s.stock, s.stock_flag, s.quantity])).toEqual([
      ['BULK-00001', 1000, 0, 1],
      ['BULK-00002', 1000, 0, 1],
      ['BULK-00003', 1000, 0, 1],
    ]);
  });
});

describe('write semantics', () => {
  it('a relative value on an unmanaged set is refused (422) and nothing of the request is applied', async () => {
    const [a] = managed();
    const u = unmanaged()[0]!;
    const before = stockOf(a!.id);
    const r = await call(sim, '/product_sets', {
      method: 'PATCH',
      body: {
        product_sets: [
          { id: a!.id, stock: '+1' },
          { id: u.id, stock: '+1' },
        ],
      },
    });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body.errors)).toContain('在庫管理をしていないセット');
    expect(stockOf(a!.id)).toBe(before);
    // the 品番 route behaves the same
    const s = await call(sim, '/product_stock', { method: 'PATCH', body: { product_stock: [{ product_no: u.product_no, stock: '+-1' }] } });
    expect(s.status).toBe(422);
    expect(stockOf(u.id)).toBeNull();
  });

  it('a set made to refuse writes fails its request; the others of a split request go through', async () => {
    const [a, b] = managed().slice(2);
    expect((await call(sim, `/__admin/product_sets/${b!.id}`, { method: 'POST', body: { refuse_stock: true } })).status).toBe(200);
    const [sa, sb] = [stockOf(a!.id)!, stockOf(b!.id)!];
    const both = await call(sim, '/product_sets', {
      method: 'PATCH',
      body: {
        product_sets: [
          { id: a!.id, stock: '+2' },
          { id: b!.id, stock: '+2' },
        ],
      },
    });
    expect(both.status).toBe(422);
    expect([stockOf(a!.id), stockOf(b!.id)]).toEqual([sa, sb]);
    expect((await call(sim, '/product_sets', { method: 'PATCH', body: { product_sets: [{ id: a!.id, stock: '+2' }] } })).status).toBe(200);
    expect(stockOf(a!.id)).toBe(sa + 2);
    await call(sim, `/__admin/product_sets/${b!.id}`, { method: 'POST', body: { refuse_stock: false, stock: 77 } });
    expect(stockOf(b!.id)).toBe(77);
  });

  it('journals every applied API write with its X-Request-Id', async () => {
    const a = managed()[4]!;
    const before = stockOf(a.id)!;
    const res = await patchWithId([{ id: a.id, stock: '+-3' }], 'req-journal-1');
    expect(res.status).toBe(200);
    const entries = sim.state.stock.appliedWith('req-journal-1');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ setId: a.id, source: 'api', before, after: before - 3, op: { kind: 'add', delta: -3 } });
    const listed = await call(sim, '/__admin/stock-journal');
    expect(listed.body.journal.some((e: { requestId: string | null }) => e.requestId === 'req-journal-1')).toBe(true);
  });
});

describe('write faults', () => {
  it('apply-then-reset: the socket dies without an answer, yet the write was applied', async () => {
    const a = managed()[5]!;
    const before = stockOf(a.id)!;
    sim.faults.set([{ kind: 'apply-then-reset', path: '/product_sets' }]);
    await expect(patchWithId([{ id: a.id, stock: '+5' }], 'lost-1')).rejects.toThrow();
    expect(stockOf(a.id)).toBe(before + 5);
    expect(sim.state.stock.appliedWith('lost-1')).toHaveLength(1);
  });

  it('apply-then-error: a 503 HTML page although the write was applied', async () => {
    const a = managed()[6]!;
    const before = stockOf(a.id)!;
    sim.faults.set([{ kind: 'apply-then-error', path: '/product_sets', status: 503 }]);
    const res = await patchWithId([{ id: a.id, stock: '+1' }], 'err-1');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Service Error');
    expect(stockOf(a.id)).toBe(before + 1);
  });

  it('apply-then-hang: no answer at all, the write applied', async () => {
    const a = managed()[7]!;
    const before = stockOf(a.id)!;
    sim.faults.set([{ kind: 'apply-then-hang', path: '/product_sets' }]);
    const ac = new AbortController();
    const pending = patchWithId([{ id: a.id, stock: '+1' }], 'hang-1');
    setTimeout(() => ac.abort(), 300);
    await expect(
      Promise.race([pending, new Promise((_, rej) => ac.signal.addEventListener('abort', () => rej(new Error('timeout'))))]),
    ).rejects.toThrow('timeout');
    expect(stockOf(a.id)).toBe(before + 1);
    pending.catch(() => undefined);
  });

  it('503 before applying and 429 change nothing', async () => {
    const a = managed()[8]!;
    const before = stockOf(a.id)!;
    sim.faults.set([{ kind: 'http-error', path: '/product_sets', status: 503 }]);
    expect((await patchWithId([{ id: a.id, stock: '+1' }], 'x-503')).status).toBe(503);
    sim.faults.set([{ kind: 'rate-limit', path: '/product_sets', retryAfter: 2 }]);
    const limited = await patchWithId([{ id: a.id, stock: '+1' }], 'x-429');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(stockOf(a.id)).toBe(before);
    expect(sim.state.stock.appliedWith('x-503')).toHaveLength(0);
    expect(sim.state.stock.appliedWith('x-429')).toHaveLength(0);
  });

  it('buyer-order: a buyer orders the written set just before the write is applied', async () => {
    const a = managed()[9]!;
    const before = stockOf(a.id)!;
    const orders = sim.state.orders.length;
    sim.faults.set([{ kind: 'buyer-order', path: '/product_sets' }]);
    expect((await patchWithId([{ id: a.id, stock: '+10' }], 'buyer-1')).status).toBe(200);
    expect(sim.state.orders.length).toBe(orders + 1);
    const bought = sim.state.orders.at(-1)!.products.find((l) => l.product_set_id === a.id)!.order_pro_count;
    expect(bought).toBeGreaterThanOrEqual(1);
    expect(stockOf(a.id)).toBe(before - bought + 10);
  });
});
