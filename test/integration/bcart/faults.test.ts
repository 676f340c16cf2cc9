/**
 * Seeded fault suite: ≥ 200 schedules of random simulator faults (5xx, 429, malformed JSON, truncated
 * bodies, HTML maintenance pages, 401, resets, hangs, latency, shifting pages). Every call must end
 * with correct data or a typed AppError within a bound; nothing hangs; a write is never resent unless
 * BCart rejected it unprocessed (429/401); a canary token never shows in logs or errors. "Correct
 * data" is checked field by field against the simulator's own state (orders with their lines,
 * shipments and totals; sets; customers; the echo of a write and the one change it made), not by
 * counting rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../../../src-shared/errors';
import { createBcartClient } from '../../../src-main/core/bcart/client';
import type { Timers } from '../../../src-main/core/ports';
import type { BcartCustomer, BcartOrder, BcartProductSet } from '../../../src-main/core/bcart/model';
import { FAULT_KINDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { capturingLogger } from '../../unit/bcart/helpers/fakes';

const SCHEDULES = 220;
const CANARY = 'CANARY-7f3e9b1c-token-must-not-leak';
const BOUND_MS = 15_000;
const ALLOWED: AppErrorCode[] = [
  'NETWORK',
  'TIMEOUT',
  'BCART_UNAVAILABLE',
  'BCART_BAD_RESPONSE',
  'BCART_RATE_LIMITED',
  'BCART_UNAUTHORIZED',
];

let sim: RunningSimulator;
let originalIds: number[];
beforeAll(async () => {
  sim = await startSimulator({
    seed: 11,
    orders: 350,
    rateLimit: false,
    toDate: '2025-04-30',
    fromDate: '2025-04-01',
    token: 'primary-admin',
  });
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

const setView = (s: {
  id: number;
  product_no?: string;
  productNo?: string;
  name: string;
  stock: number | null;
  stock_flag?: number;
  stockFlag?: number | null;
}) => JSON.stringify([s.id, s.productNo ?? s.product_no, s.name, s.stock, s.stockFlag ?? s.stock_flag]);

/** What is wrong with the data a call returned, compared with the simulator's state (empty: nothing). */
function dataProblems(op: Op, data: unknown, setId: number, journalFrom: number): string[] {
  const out: string[] = [];
  const bySet = new Map(sim.state.productSets.map((s) => [s.id, s]));
  if (op === 'orders') {
    const orders = new Map(sim.state.orders.map((o) => [o.order.id, o]));
    for (const o of data as BcartOrder[]) {
      const w = orders.get(o.id);
      if (!w) {
        out.push(`order ${o.id} is not in the shop`);
        continue;
      }
      const got = JSON.stringify([
        o.code,
        o.payment,
        o.finalPrice,
        o.status,
        o.orderTotals.map((t) => [t.taxRate, t.total, t.totalInclTax]),
        o.orderProducts.map((l) => [l.id, l.logisticsId, l.productNo, l.orderProCount, l.itemType]).sort(),
        o.logistics.map((l) => [l.id, l.status, l.shipmentDate]).sort(),
      ]);
      const want = JSON.stringify([
        w.order.code,
        w.order.payment,
        w.order.final_price,
        w.order.status,
        w.order.order_totals.map((t) => [t.tax_rate, t.total, String(t.total_incl_tax)]),
        w.products.map((l) => [l.id, l.logistics_id, l.product_no, l.order_pro_count, l.item_type]).sort(),
        w.logistics.map((l) => [l.id, l.status, l.shipment_date]).sort(),
      ]);
      if (got !== want) out.push(`order ${o.id}: ${got} ≠ ${want}`);
    }
  } else if (op === 'sets') {
    const got = (data as BcartProductSet[]).map(setView).sort();
    const want = sim.state.productSets.map(setView).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push('the sets differ from the shop');
  } else if (op === 'customers') {
    const view = (c: { id: number; extId?: string; ext_id?: string; compName?: string; comp_name?: string }) =>
      JSON.stringify([c.id, c.extId ?? c.ext_id, c.compName ?? c.comp_name]);
    const got = (data as BcartCustomer[]).map(view).sort();
    const want = sim.state.customers.map(view).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) out.push('the customers differ from the shop');
  } else if (op === 'get-set') {
    const got = data as BcartProductSet;
    if (setView(got) !== setView(bySet.get(setId)!)) out.push(`set ${setId}: ${setView(got)} ≠ ${setView(bySet.get(setId)!)}`);
  } else {
    const echo = (data as BcartProductSet[]).find((e) => e.id === setId);
    const changes = sim.state.stock.journal.slice(journalFrom).filter((e) => e.source === 'api' && e.setId === setId);
    if (!echo || echo.stock !== bySet.get(setId)!.stock)
      out.push(`patch echo ${JSON.stringify(echo?.stock)} ≠ the set's stock ${bySet.get(setId)!.stock}`);
    if (changes.length !== 1 || changes[0]!.after !== (changes[0]!.before ?? 0) + 1)
      out.push(`patch answered but the shop changed ${JSON.stringify(changes)}`);
  }
  return out;
}
const OPS: Op[] = ['orders', 'orders', 'sets', 'customers', 'patch', 'get-set'];

describe('fault schedules', () => {
  it(`${SCHEDULES} seeded schedules end in data or a typed error, within ${BOUND_MS} ms each`, async () => {
    const lines: string[] = [];
    const errors: unknown[] = [];
    const outcomes: Record<string, number> = {};
    const checked: Record<string, number> = {};
    const started = Date.now();
    let worst = 0;
    for (let seed = 1; seed <= SCHEDULES; seed++) {
      const op = OPS[seed % OPS.length]!;
      sim.faults.clear();
      sim.faults.random({ seed, rate: 0.25, kinds: [...FAULT_KINDS], delayMs: seed % 2 === 0 ? 50 : 400 });
      const logStart = sim.state.requests.length;
      const journalStart = sim.state.stock.journal.length;
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
      const r = await Promise.race([
        call.then(
          (data) => ({ data }),
          (error: unknown) => ({ error }),
        ),
        bound,
      ]);
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
        expect(dataProblems(op, r.data, setId, journalStart), `seed ${seed} (${op}) data`).toEqual([]);
        checked[op] = (checked[op] ?? 0) + 1;
        if (op === 'orders') {
          const ids = (r.data as { id: number }[]).map((o) => o.id);
          expect(new Set(ids).size, `seed ${seed}: duplicate orders`).toBe(ids.length);
          const got = new Set(ids);
          expect(
            originalIds.every((id) => got.has(id)),
            `seed ${seed}: an order was skipped`,
          ).toBe(true);
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
    // every operation returned data at least once, and that data was checked field by field
    expect(Object.keys(checked).sort()).toEqual([...new Set(OPS)].sort());
    console.log(
      `fault suite: ${SCHEDULES} schedules in ${Date.now() - started} ms, worst call ${worst} ms, outcomes ${JSON.stringify(outcomes)}, data checked field by field per operation ${JSON.stringify(checked)}`,
    );
  }, 120_000);
});
