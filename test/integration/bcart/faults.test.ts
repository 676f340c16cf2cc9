/**
 * Seeded fault suite: ≥ 200 schedules of random simulator faults (5xx, 429, malformed JSON, truncated
 * bodies, HTML maintenance pages, 401, resets, hangs, latency, shifting pages). Every call must end
 * with correct data or a typed AppError within a bound; nothing hangs; a write is never resent unless
 * BCart rejected it unprocessed (429/401); a canary token never shows in logs or errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../../../src-shared/errors';
import { createBcartClient } from '../../../src-main/core/bcart/client';
import type { Timers } from '../../../src-main/core/ports';
import { FAULT_KINDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { capturingLogger } from '../../unit/bcart/helpers/fakes';

const SCHEDULES = 220;
const CANARY = 'CANARY-7f3e9b1c-token-must-not-leak';
const BOUND_MS = 15_000;
const ALLOWED: AppErrorCode[] = ['NETWORK', 'TIMEOUT', 'BCART_UNAVAILABLE', 'BCART_BAD_RESPONSE', 'BCART_RATE_LIMITED', 'BCART_UNAUTHORIZED'];

let sim: RunningSimulator;
let originalIds: number[];
beforeAll(async () => {
  sim = await startSimulator({ seed: 11, orders: 350, rateLimit: false, toDate: '2025-04-30', fromDate: '2025-04-01', token: 'primary-admin' });
  sim.state.auth.registerToken(CANARY);
  originalIds = sim.state.orders.map((o) => o.order.id);
});
afterAll(() => sim.close());

/** Simulated waits (backoff, Retry-After) pass instantly; request timeouts use real timers. */
function hybridTime(): { clock: { now(): number }; timers: Timers } {
  let now = Date.parse('2025-04-30T03:00:00Z');
  return {
    clock: { now: () => now },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      sleep: (ms) =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            now += ms;
            resolve();
          }),
        ),
    },
  };
}

type Op = 'orders' | 'sets' | 'customers' | 'patch' | 'get-set';
const OPS: Op[] = ['orders', 'orders', 'sets', 'customers', 'patch', 'get-set'];

describe('fault schedules', () => {
  it(`${SCHEDULES} seeded schedules end in data or a typed error, within ${BOUND_MS} ms each`, async () => {
    const lines: string[] = [];
    const errors: unknown[] = [];
    const outcomes: Record<string, number> = {};
    const started = Date.now();
    let worst = 0;
    for (let seed = 1; seed <= SCHEDULES; seed++) {
      const op = OPS[seed % OPS.length]!;
      sim.faults.clear();
      sim.faults.random({ seed, rate: 0.25, kinds: [...FAULT_KINDS], delayMs: seed % 2 === 0 ? 50 : 400 });
      const logStart = sim.state.requests.length;
      const t = hybridTime();
      const c = createBcartClient({
        baseUrl: sim.url,
        getAccessToken: async () => CANARY,
        fetch: (u, i) => fetch(u, i),
        clock: t.clock,
        timers: t.timers,
        logger: capturingLogger(lines),
        timeoutMs: 250,
        maxRetries: 4,
        onUnauthorized: async () => true, // a refreshed token; the 401 fault is transient
      });
      // relative writes go to sets whose stock BCart manages (an unmanaged set refuses "+1")
      const managed = sim.state.productSets.filter((s) => s.stock !== null);
      const setId = managed[seed % managed.length]!.id;
      const call: Promise<unknown> = (() => {
        switch (op) {
          case 'orders':
            return c.listOrders({});
          case 'sets':
            return c.listProductSets();
          case 'customers':
            return c.listCustomers();
          case 'get-set':
            return c.getProductSet(setId);
          case 'patch':
            return c.patchProductSetStocks([{ id: setId, stock: '+1' }]);
        }
      })();
      const t0 = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => resolve('hung'), BOUND_MS);
      });
      const r = await Promise.race([call.then((data) => ({ data }), (error: unknown) => ({ error })), bound]);
      clearTimeout(timer);
      worst = Math.max(worst, Date.now() - t0);
      expect(r, `seed ${seed} (${op}) hung`).not.toBe('hung');
      if (r === 'hung') continue;
      if ('error' in r) {
        errors.push(r.error);
        expect(r.error, `seed ${seed} (${op}) threw a non-AppError: ${String(r.error)}`).toBeInstanceOf(AppError);
        const code = (r.error as AppError).code;
        expect(ALLOWED, `seed ${seed} (${op}) code ${code}`).toContain(code);
        outcomes[code] = (outcomes[code] ?? 0) + 1;
      } else {
        outcomes['data'] = (outcomes['data'] ?? 0) + 1;
        if (op === 'orders') {
          const ids = (r.data as { id: number }[]).map((o) => o.id);
          expect(new Set(ids).size, `seed ${seed}: duplicate orders`).toBe(ids.length);
          const got = new Set(ids);
          expect(originalIds.every((id) => got.has(id)), `seed ${seed}: an order was skipped`).toBe(true);
        }
        if (op === 'sets') expect((r.data as unknown[]).length).toBe(sim.state.productSets.length);
      }
      if (op === 'patch') {
        // resent only after answers that prove BCart did not process it
        const sends = sim.state.requests
          .slice(logStart)
          .filter((e) => e.method === 'PATCH' && e.fault !== 'rate-limit' && e.fault !== 'unauthorized');
        expect(sends.length, `seed ${seed}: PATCH sent ${sends.length} times`).toBeLessThanOrEqual(1);
      }
    }
    sim.faults.clear();
    const dump = JSON.stringify(
      errors.map((e) => (e instanceof AppError ? { ...e.toData(), stack: e.stack, cause: String(e.cause) } : String(e))),
    );
    expect(dump).not.toContain(CANARY);
    expect(lines.join('\n')).not.toContain(CANARY);
    expect(outcomes['data'] ?? 0).toBeGreaterThan(SCHEDULES / 3);
    console.log(
      `fault suite: ${SCHEDULES} schedules in ${Date.now() - started} ms, worst call ${worst} ms, outcomes ${JSON.stringify(outcomes)}`,
    );
  }, 120_000);
});
