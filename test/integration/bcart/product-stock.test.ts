/**
 * PATCH /product_stock and GET /product_stock/{product_no} through the client against the simulator:
 * relative "+N" / "+-N" and absolute values keyed by 品番, batches of ≤ 100 rows, and no blind resend
 * of a batch whose outcome is unknown (timeout, 503).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBcartClient, type BcartClient } from '../../../src-main/core/bcart/client';
import type { ProductStockPatch } from '../../../src-main/core/bcart/model';
import { STOCK_PATCH_BATCH } from '../../../src-main/core/bcart/product-stock-api';
import { systemClock, systemTimers } from '../../../src-main/core/ports';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { capturingLogger } from '../../unit/bcart/helpers/fakes';

let sim: RunningSimulator;
let client: BcartClient;
beforeAll(async () => {
  sim = await startSimulator({ seed: 9, orders: 0, rateLimit: false });
  client = createBcartClient({
    baseUrl: sim.url,
    getAccessToken: async () => sim.token,
    fetch: (u, i) => fetch(u, i),
    clock: systemClock,
    timers: systemTimers,
    logger: capturingLogger(),
    timeoutMs: 400,
    backoffBaseMs: 1,
    backoffCapMs: 5,
  });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

const stockOf = (no: string) => sim.state.getSetByNo(no)!.stock;
const patchCalls = (from: number) => sim.state.requests.slice(from).filter((r) => r.method === 'PATCH' && r.path === '/api/v1/product_stock');

describe('getProductStock', () => {
  it('reads one 品番, and null for an unknown one', async () => {
    const set = sim.state.productSets.find((s) => s.stock !== null)!;
    expect(await client.getProductStock(set.product_no)).toMatchObject({ productNo: set.product_no, stock: set.stock, id: set.id });
    expect(await client.getProductStock('NO-SUCH-品番')).toBeNull();
  });
});

describe('patchProductStock', () => {
  it('absolute, "+N" and "+-N" by 品番; the echo carries the stored values', async () => {
    const [a, b, c] = sim.state.productSets.filter((s) => s.stock !== null).map((s) => s.product_no);
    await client.patchProductStock([{ productNo: b!, stock: 40 }, { productNo: c!, stock: 40 }]);
    const before = stockOf(a!)!;
    const echoed = await client.patchProductStock([
      { productNo: a!, stock: 123 },
      { productNo: b!, stock: '+5' },
      { productNo: c!, stock: '+-7' },
    ]);
    expect(echoed.map((r) => [r.productNo, r.stock])).toEqual([
      [a, 123],
      [b, 45],
      [c, 33],
    ]);
    expect([stockOf(a!), stockOf(b!), stockOf(c!)]).toEqual([123, 45, 33]);
    expect(before).not.toBe(123);
    expect((await client.getProductStock(b!))?.stock).toBe(45);
  });

  it(`sends 250 rows as ceil(250 / ${STOCK_PATCH_BATCH}) = 3 requests of ≤ ${STOCK_PATCH_BATCH} rows, each applied once`, async () => {
    // relative values go to managed sets only: an unmanaged set refuses them
    const nos = sim.state.productSets.filter((s) => s.stock !== null).map((s) => s.product_no);
    const start = new Map(nos.map((n) => [n, stockOf(n) ?? 0]));
    const rows: ProductStockPatch[] = Array.from({ length: 250 }, (_, i) => ({ productNo: nos[i % nos.length]!, stock: '+1' }));
    const from = sim.state.requests.length;
    const echoed = await client.patchProductStock(rows);
    expect(echoed).toHaveLength(250);
    const calls = patchCalls(from);
    expect(calls).toHaveLength(3);
    expect(calls.every((r) => r.status === 200)).toBe(true);
    for (const n of nos) {
      const times = rows.filter((r) => r.productNo === n).length;
      expect(stockOf(n)).toBe(start.get(n)! + times);
    }
  });

  it('a 422 refusal applies nothing and reports the batch as failed, later batches as not sent', async () => {
    const [a] = sim.state.productSets.map((s) => s.product_no);
    const before = stockOf(a!);
    const rows: ProductStockPatch[] = [
      { productNo: a!, stock: '+1' },
      { productNo: a!, stock: 'abc' as never },
    ];
    const err = await client.patchProductStock(rows).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BCART_REJECTED', details: { outcome: 'not_applied', appliedProductNos: [], failedProductNos: [a, a], notSentProductNos: [] } });
    expect(stockOf(a!)).toBe(before);
  });

  it('a timeout on the 2nd batch is not resent: outcome unknown, 1st applied, 3rd never sent', async () => {
    const nos = sim.state.productSets.filter((s) => s.stock !== null).map((s) => s.product_no);
    const rows: ProductStockPatch[] = Array.from({ length: 250 }, (_, i) => ({ productNo: nos[i % nos.length]!, stock: '+2' }));
    const start = new Map(nos.map((n) => [n, stockOf(n) ?? 0]));
    sim.faults.set([{ kind: 'hang', path: '/product_stock', afterRequests: 1 }]);
    const from = sim.state.requests.length;
    const err = await client.patchProductStock(rows).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'TIMEOUT',
      details: {
        outcome: 'unknown',
        appliedProductNos: rows.slice(0, 100).map((r) => r.productNo),
        failedProductNos: rows.slice(100, 200).map((r) => r.productNo),
        notSentProductNos: rows.slice(200).map((r) => r.productNo),
      },
    });
    expect(patchCalls(from)).toHaveLength(2);
    for (const n of nos) expect(stockOf(n)).toBe(start.get(n)! + 2 * rows.slice(0, 100).filter((r) => r.productNo === n).length);
  });

  it('a 503 on a write is not resent either (outcome unknown)', async () => {
    const [a] = sim.state.productSets.map((s) => s.product_no);
    sim.faults.set([{ kind: 'http-error', status: 503, path: '/product_stock' }]);
    const from = sim.state.requests.length;
    const err = await client.patchProductStock([{ productNo: a!, stock: '+1' }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BCART_UNAVAILABLE', details: { outcome: 'unknown', failedProductNos: [a] } });
    expect(patchCalls(from)).toHaveLength(1);
  });
});
