/**
 * Scale and rate-limit behaviour (reliability NET-rate): 10,000 orders in exactly 100 list calls,
 * 301+ line orders paged through /order_products, the 250/300 s budget under a simulated clock
 * shared by the client and the simulator, and Retry-After honoured after a 429.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBcartClient } from '../../../src-main/core/bcart/client';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { systemClock, systemTimers } from '../../../src-main/core/ports';
import { capturingLogger, fakeTime } from '../../unit/bcart/helpers/fakes';

/** max number of times inside any half-open window [t, t + w) */
function maxInWindow(times: number[], w: number): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    while ((s[i] as number) - (s[j] as number) >= w) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('10,000 orders', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, orders: 10_000, rateLimit: false, toDate: '2025-04-30', fromDate: '2025-01-01' });
  });
  afterAll(() => sim.close());

  it('takes exactly ceil(10,000 / 100) list calls when no order exceeds 300 lines', async () => {
    const c = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => sim.token, fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: capturingLogger() });
    const before = sim.requestCount();
    const orders = await c.listOrders({});
    expect(orders).toHaveLength(10_000);
    expect(new Set(orders.map((o) => o.id)).size).toBe(10_000);
    expect(sim.requestCount() - before).toBe(100);
    expect(c.stats()).toMatchObject({ requests: 100, retries: 0, rateLimited: 0 });
  });

  it('NET-rate: under a simulated clock the 250 budget holds in every 300 s window, 0 lockouts', async () => {
    const t = fakeTime(Date.parse('2025-04-30T03:00:00Z'));
    // a second simulator on the same fake clock with BCart's real limit (300 / 300 s, lockout on excess)
    const limited = await startSimulator({ seed: 3, orders: 10_000, rateLimit: true, clock: t.clock, toDate: '2025-04-30', fromDate: '2025-01-01' });
    try {
      const c = createBcartClient({ baseUrl: limited.url, getAccessToken: async () => limited.token, fetch: (u, i) => fetch(u, i), clock: t.clock, timers: t.timers, logger: capturingLogger() });
      // three full fetches = 300 requests: more than one window's budget, so the limiter must wait
      for (let i = 0; i < 3; i++) expect(await c.listOrders({})).toHaveLength(10_000);
      const times = limited.state.requests.filter((r) => r.path.startsWith('/api/v1')).map((r) => r.at);
      expect(times).toHaveLength(300);
      expect(maxInWindow(times, 300_000)).toBe(250);
      expect(limited.state.requests.filter((r) => r.status === 429)).toHaveLength(0);
      expect(c.stats().rateLimited).toBe(0);
      expect(t.clock.now() - times[0]!).toBeGreaterThanOrEqual(300_000); // it really waited a window
    } finally {
      await limited.close();
    }
  });

  it('after a forced 429 no request goes out before Retry-After', async () => {
    const t = fakeTime(Date.parse('2025-04-30T03:00:00Z'));
    const s = await startSimulator({ seed: 3, orders: 1_000, rateLimit: true, clock: t.clock, toDate: '2025-04-30', fromDate: '2025-04-01' });
    try {
      s.faults.set([{ kind: 'rate-limit', afterRequests: 4, retryAfter: 120 }]);
      const c = createBcartClient({ baseUrl: s.url, getAccessToken: async () => s.token, fetch: (u, i) => fetch(u, i), clock: t.clock, timers: t.timers, logger: capturingLogger() });
      expect(await c.listOrders({})).toHaveLength(1_000);
      const log = s.state.requests;
      const i429 = log.findIndex((r) => r.status === 429);
      expect(i429).toBe(4);
      expect(log[i429 + 1]!.at - log[i429]!.at).toBeGreaterThanOrEqual(120_000);
      expect(log.slice(i429 + 1).every((r) => r.at >= log[i429]!.at + 120_000)).toBe(true);
      expect(c.stats().rateLimited).toBe(1);
    } finally {
      await s.close();
    }
  });
});

describe('orders with more than 300 lines', () => {
  it('are completed from /order_products', async () => {
    const sim = await startSimulator({ seed: 5, orders: 150, rateLimit: false, orderLinesOver300: 2, maxLinesPerOrder: 420, toDate: '2025-04-30', fromDate: '2025-04-01' });
    try {
      const c = createBcartClient({ baseUrl: sim.url, getAccessToken: async () => sim.token, fetch: (u, i) => fetch(u, i), clock: systemClock, timers: systemTimers, logger: capturingLogger() });
      const orders = await c.listOrders({});
      const big = sim.state.orders.filter((o) => o.products.length > 300);
      expect(big.length).toBeGreaterThanOrEqual(2);
      for (const w of big) {
        const o = orders.find((x) => x.id === w.order.id)!;
        expect(o.orderProducts).toHaveLength(w.products.length);
        expect(new Set(o.orderProducts.map((l) => l.id)).size).toBe(w.products.length);
      }
      const lineCalls = sim.state.requests.filter((r) => r.path === '/api/v1/order_products');
      expect(lineCalls.length).toBe(big.reduce((n, w) => n + Math.ceil(w.products.length / 100), 0));
    } finally {
      await sim.close();
    }
  });
});
