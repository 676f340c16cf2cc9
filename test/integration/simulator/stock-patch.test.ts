/** Stock writes over HTTP: absolute / "+N" / "+-N", bulk and single, product_stock by 品番, 422 on invalid. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 5, orders: 0, rateLimit: false });
});
afterAll(() => sim.close());

const stockOf = (id: number) => sim.state.getSet(id)!.stock;

describe('PATCH /product_sets', () => {
  it('bulk: absolute overwrites, "+N" adds, "+-N" subtracts; the response echoes the rows', async () => {
    await call(sim, '/product_sets', {
      method: 'PATCH',
      body: {
        product_sets: [
          { id: 3010, stock: 50 },
          { id: 3020, stock: '20' },
        ],
      },
    });
    expect(stockOf(3010)).toBe(50);
    const r = await call(sim, '/product_sets', {
      method: 'PATCH',
      body: {
        product_sets: [
          { id: 3010, stock: '+3' },
          { id: 3020, stock: '+-5' },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.product_sets.map((s: { id: number; stock: number }) => [s.id, s.stock])).toEqual([
      [3010, 53],
      [3020, 15],
    ]);
    expect(stockOf(3010)).toBe(53);
    expect(stockOf(3020)).toBe(15);
    const read = await call(sim, '/product_sets/3010');
    expect(read.body.product_set.stock).toBe(53);
  });

  it('single: {"stock": …} → {"product_set": …}', async () => {
    const r = await call(sim, '/product_sets/3010', { method: 'PATCH', body: { stock: '+-3' } });
    expect(r.status).toBe(200);
    expect(r.body.product_set).toMatchObject({ id: 3010, stock: 50 });
  });

  it('an invalid value → 422 with BCart’s message and nothing changes (whole request)', async () => {
    const before = [stockOf(3010), stockOf(3020)];
    const r = await call(sim, '/product_sets', {
      method: 'PATCH',
      body: {
        product_sets: [
          { id: 3010, stock: '+1' },
          { id: 3020, stock: 'abc' },
        ],
      },
    });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ errors: [{ stock: '在庫は数値で入力してください。' }] });
    expect([stockOf(3010), stockOf(3020)]).toEqual(before);
    const single = await call(sim, '/product_sets/3010', { method: 'PATCH', body: { stock: '1.5' } });
    expect(single.status).toBe(422);
    expect((await call(sim, '/product_sets', { method: 'PATCH', body: { product_sets: [{ id: 1, stock: 1 }] } })).status).toBe(422);
    const tooMany = Array.from({ length: 101 }, () => ({ id: 3010, stock: '+1' }));
    expect((await call(sim, '/product_sets', { method: 'PATCH', body: { product_sets: tooMany } })).status).toBe(422);
    expect((await call(sim, '/product_sets', { method: 'PATCH', body: '{not json' })).status).toBe(400);
    expect([stockOf(3010), stockOf(3020)]).toEqual(before);
  });
});

describe('PATCH /product_stock', () => {
  it('accepts {"product_stock":[…]} and a bare array, keyed by 品番', async () => {
    const set = sim.state.getSetByNo('TEA-100')!;
    await call(sim, '/product_stock', { method: 'PATCH', body: { product_stock: [{ product_no: 'TEA-100', stock: 10 }] } });
    expect(set.stock).toBe(10);
    const r = await call(sim, '/product_stock', { method: 'PATCH', body: [{ product_no: 'TEA-100', stock: '+2' }] });
    expect(r.status).toBe(200);
    expect(r.body.product_stock[0]).toMatchObject({ product_no: 'TEA-100', stock: 12 });
    expect((await call(sim, '/product_stock/TEA-100')).body.product_stock.stock).toBe(12);
    const bad = await call(sim, '/product_stock', { method: 'PATCH', body: [{ product_no: 'NOPE', stock: 1 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toEqual({ product_no: '指定された品番は存在しません。' });
    expect(set.stock).toBe(12);
  });
});
