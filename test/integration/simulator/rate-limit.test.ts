/** The 300 / 300 s limit over HTTP with an injected clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let now = Date.parse('2025-05-01T03:00:00Z');
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 1, orders: 10, clock: { now: () => now } });
});
afterAll(() => sim.close());

describe('rate limit', () => {
  it('300 ok, the 301st → 429 + Retry-After, lockout lasts 300 s, then ok', async () => {
    for (let i = 0; i < 300; i++) {
      const r = await call(sim, '/orders?limit=1');
      expect(r.status).toBe(200);
      expect(r.headers.get('retry-after')).toBeNull();
      now += 500; // 300 requests over 150 s
    }
    const over = await call(sim, '/orders?limit=1');
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('300');
    expect(over.body.errors[0]).toHaveProperty('rate_limit');
    now += 299_000;
    const still = await call(sim, '/product_sets');
    expect(still.status).toBe(429);
    expect(still.headers.get('retry-after')).toBe('1');
    now += 1_000;
    expect((await call(sim, '/orders?limit=1')).status).toBe(200);
    expect(sim.state.rateLimiter.lockouts).toBe(1);
    expect(sim.requestCount()).toBe(303);
  });

  it('rateLimit:false never refuses', async () => {
    const free = await startSimulator({ orders: 0, rateLimit: false, clock: { now: () => now } });
    try {
      for (let i = 0; i < 320; i++) expect((await call(free, '/customers?limit=1')).status).toBe(200);
    } finally {
      await free.close();
    }
  });
});
