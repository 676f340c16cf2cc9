/** Every fault kind, observed with plain fetch; close() ends even with a hanging request. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mode: 'test', seed: 2, orders: 60, rateLimit: false });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

const auth = () => ({ authorization: `Bearer ${sim.token}` });
const get = (path: string, init: RequestInit = {}) => fetch(`${sim.url}${path}`, { headers: auth(), ...init });

describe('fault switches', () => {
  it('latency delays the answer, which is otherwise normal', async () => {
    sim.faults.set([{ kind: 'latency', delayMs: 200 }]);
    const t0 = performance.now();
    const r = await get('/orders?limit=1');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { orders: unknown[] }).orders).toHaveLength(1);
  });

  it('http-error 500 is JSON, 502/503/504 are HTML gateway pages', async () => {
    // every rule counts every matching request, so each gets its own position with afterRequests
    sim.faults.set([
      { kind: 'http-error', status: 500, count: 1 },
      { kind: 'http-error', status: 502, afterRequests: 1, count: 1 },
      { kind: 'http-error', status: 503, afterRequests: 2, count: 1 },
      { kind: 'http-error', status: 504, afterRequests: 3, count: 1 },
    ]);
    const got = [];
    for (let i = 0; i < 5; i++) {
      const r = await get('/orders?limit=1');
      got.push([r.status, r.headers.get('content-type')?.split(';')[0]]);
      await r.text();
    }
    expect(got).toEqual([
      [500, 'application/json'],
      [502, 'text/html'],
      [503, 'text/html'],
      [504, 'text/html'],
      [200, 'application/json'],
    ]);
  });

  it('rate-limit answers 429 with Retry-After without a real lockout', async () => {
    sim.faults.set([{ kind: 'rate-limit', retryAfter: 42 }]);
    const r = await get('/orders');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('42');
    expect((await get('/orders')).status).toBe(200);
  });

  it('malformed-json: 200, JSON content type, unparsable body', async () => {
    sim.faults.set([{ kind: 'malformed-json' }]);
    const r = await get('/orders?limit=3');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/json/);
    const text = await r.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('truncated: the body ends before Content-Length, reading it fails', async () => {
    sim.faults.set([{ kind: 'truncated' }]);
    const r = await get('/orders?limit=50&complete=1');
    expect(r.status).toBe(200);
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(1000);
    await expect(r.text()).rejects.toThrow();
  });

  it('html-maintenance with 503 or 200', async () => {
    sim.faults.set([{ kind: 'html-maintenance' }, { kind: 'html-maintenance', status: 200, afterRequests: 1 }]);
    const a = await get('/orders');
    expect(a.status).toBe(503);
    expect(await a.text()).toMatch(/メンテナンス/);
    const b = await get('/orders');
    expect(b.status).toBe(200);
    expect(b.headers.get('content-type')).toMatch(/text\/html/);
    expect(await b.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('unauthorized: a 401 in the middle of a run, then normal again', async () => {
    sim.faults.set([{ kind: 'unauthorized', afterRequests: 2 }]);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const r = await get('/orders?limit=1');
      statuses.push(r.status);
      await r.text();
    }
    expect(statuses).toEqual([200, 200, 401, 200]);
  });

  it('reset: the connection is destroyed without a response', async () => {
    sim.faults.set([{ kind: 'reset' }]);
    await expect(get('/orders')).rejects.toThrow();
    expect((await get('/orders')).status).toBe(200);
  });

  it('hang: no answer (a client timeout fires)', async () => {
    sim.faults.set([{ kind: 'hang' }]);
    await expect(get('/orders', { signal: AbortSignal.timeout(300) })).rejects.toThrow(/aborted|timeout/i);
    expect(sim.state.requests.at(-1)).toMatchObject({ fault: 'hang', status: 0 });
  });

  it('shift: an order appears in front between page requests, so offset pages overlap', async () => {
    type Page = { orders: { id: number }[]; meta: { total: number } };
    const page1 = (await (await get('/orders?limit=10&offset=0&ordered_at__gte=2000-01-01')).json()) as Page;
    sim.faults.set([{ kind: 'shift', path: '/orders' }]);
    const page2 = (await (await get('/orders?limit=10&offset=10&ordered_at__gte=2000-01-01')).json()) as Page;
    expect(page2.meta.total).toBe(page1.meta.total + 1);
    expect(page2.orders[0]!.id).toBe(page1.orders[9]!.id); // the last row of page 1 comes again
    expect(sim.state.orders[0]!.order.ordered_at).toBe('2000-01-01 00:00:00');
  });

  it('path prefixes and the admin endpoint configure the same switches; random mode replays by seed', async () => {
    const r = await call(sim, '/__admin/faults', {
      method: 'POST',
      body: { rules: [{ kind: 'http-error', status: 502, path: '/product_sets', count: -1 }] },
    });
    expect(r.status).toBe(200);
    expect((await get('/orders?limit=1')).status).toBe(200);
    expect((await get('/product_sets')).status).toBe(502);
    expect((await get('/product_sets')).status).toBe(502);
    const seq = async () => {
      sim.faults.clear();
      sim.faults.random({ seed: 77, rate: 0.5, kinds: ['http-error', 'rate-limit', 'unauthorized'] });
      const out = [];
      for (let i = 0; i < 20; i++) {
        const res = await get('/customers?limit=1');
        out.push(res.status);
        await res.text();
      }
      return out;
    };
    const first = await seq();
    expect(await seq()).toEqual(first);
    expect(first.some((s) => s !== 200)).toBe(true);
    expect(first.some((s) => s === 200)).toBe(true);
  });
});

describe('close()', () => {
  it('terminates while a request hangs and while a latency fault waits', async () => {
    const s = await startSimulator({ orders: 0, rateLimit: false });
    s.faults.set([{ kind: 'hang' }, { kind: 'latency', delayMs: 60_000, afterRequests: 1 }]);
    const hanging = fetch(`${s.url}/orders`, { headers: { authorization: `Bearer ${s.token}` } }).then(
      () => 'answered',
      () => 'failed',
    );
    const slow = fetch(`${s.url}/orders`, { headers: { authorization: `Bearer ${s.token}` } }).then(
      () => 'answered',
      () => 'failed',
    );
    while (s.state.requests.length < 1 || s.faults.applied.length < 2) await new Promise((r) => setTimeout(r, 10));
    const t0 = performance.now();
    await s.close();
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(await hanging).toBe('failed');
    expect(await slow).toBe('failed');
  });
});
