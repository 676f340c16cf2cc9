/**
 * Capped shipments against a scripted stub: when BCart ignores the assumed `order_id` filter on
 * /logistics, rows of other orders (told apart by the embedded order of complete=1) are dropped.
 */
import { describe, expect, it } from 'vitest';
import { createBcartClient } from '../../../src-main/core/bcart/client';
import { capturingLogger, fakeTime } from './helpers/fakes';
import { json, useStubServer } from './helpers/stub-server';

const stub = useStubServer();

function client() {
  const t = fakeTime();
  return createBcartClient({ baseUrl: stub.url, getAccessToken: async () => 't', fetch: (u, i) => fetch(u, i), clock: t.clock, timers: t.timers, logger: capturingLogger() });
}

const shipment = (id: number, orderId: number) => ({ id, status: '発送済', shipment_date: '2025-04-12', order: { id: orderId } });

describe('orders with 300+ shipments', () => {
  it('drop rows of other orders when /logistics ignores order_id (shop-wide list)', async () => {
    // order 7 has 330 shipments (ids 1..330), order 8 has 50 (ids 1001..1050); the server ignores order_id
    const all = [...Array.from({ length: 330 }, (_, i) => shipment(i + 1, 7)), ...Array.from({ length: 50 }, (_, i) => shipment(1001 + i, 8))];
    stub.handle((r, res) => {
      const off = Number(r.query.get('offset') ?? 0);
      if (r.path === '/orders') {
        const embedded = all.slice(0, 300).map(({ order: _o, ...l }) => l);
        json(res, 200, { orders: [{ id: 7, code: '7', ordered_at: '2025-04-12 10:00:00', status: '完了', order_products: [], logistics: embedded }], meta: { total: 1 } });
      } else json(res, 200, { logistics: all.slice(off, off + 100), meta: { total: all.length } });
    });
    const [o] = await client().listOrders({});
    expect(o!.logistics.map((l) => l.id)).toEqual(Array.from({ length: 330 }, (_, i) => i + 1));
    const calls = stub.requests.filter((r) => r.path === '/logistics');
    expect(calls).toHaveLength(4);
    expect(calls.every((r) => r.query.get('order_id') === '7' && r.query.get('complete') === '1')).toBe(true);
  });

  it('an order with fewer than 300 shipments costs no /logistics call', async () => {
    stub.handle((_r, res) =>
      json(res, 200, { orders: [{ id: 9, code: '9', ordered_at: '2025-04-12 10:00:00', status: '完了', order_products: [], logistics: [{ id: 1, status: '未発送' }] }], meta: { total: 1 } }),
    );
    const [o] = await client().listOrders({});
    expect(o!.logistics).toHaveLength(1);
    expect(stub.requests.map((r) => r.path)).toEqual(['/orders']);
  });
});

describe('getProductStock answers', () => {
  it('reads one object, a list of one, and treats 404 / empty / another 品番 as unknown', async () => {
    const answers: Array<[number, unknown]> = [
      [200, { product_stock: { id: 3, product_no: 'A-1', stock: 5 } }],
      [200, { product_stock: [{ product_no: 'A-1', stock: '7' }] }],
      [404, { errors: ['not found'] }],
      [200, { product_stock: [] }],
      [200, { product_stock: { product_no: 'B-2', stock: 1 } }],
    ];
    let i = 0;
    stub.handle((_r, res) => {
      const [status, body] = answers[i++]!;
      json(res, status, body);
    });
    const c = client();
    expect(await c.getProductStock('A-1')).toMatchObject({ productNo: 'A-1', stock: 5, id: 3 });
    expect(await c.getProductStock('A-1')).toMatchObject({ productNo: 'A-1', stock: 7 });
    expect(await c.getProductStock('A-1')).toBeNull();
    expect(await c.getProductStock('A-1')).toBeNull();
    expect(await c.getProductStock('A-1')).toBeNull();
    expect(stub.requests.every((r) => r.path === '/product_stock/A-1' && r.method === 'GET')).toBe(true);
  });

  it('encodes a 品番 with slashes or Japanese in the path', async () => {
    stub.handle((_r, res) => json(res, 200, { product_stock: { product_no: '茶/赤 1', stock: 2 } }));
    expect(await client().getProductStock('茶/赤 1')).toMatchObject({ productNo: '茶/赤 1', stock: 2 });
    expect(stub.requests[0]!.path).toBe(`/product_stock/${encodeURIComponent('茶/赤 1')}`);
  });
});

describe('patchProductStock answers', () => {
  it('accepts 204 without a body and a bare-array echo; refuses a blank 品番 before sending', async () => {
    let n = 0;
    stub.handle((_r, res) => {
      if (n++ === 0) {
        res.writeHead(204);
        res.end();
      } else json(res, 200, [{ product_no: 'A-1', stock: 9 }]);
    });
    const c = client();
    expect(await c.patchProductStock([{ productNo: 'A-1', stock: '+1' }])).toEqual([]);
    expect((await c.patchProductStock([{ productNo: 'A-1', stock: 9, stockFlag: 1 }])).map((r) => r.stock)).toEqual([9]);
    expect(JSON.parse(stub.requests[1]!.body)).toEqual({ product_stock: [{ product_no: 'A-1', stock: 9, stock_flag: 1 }] });
    await expect(c.patchProductStock([{ productNo: 'A-1', stock: 1 }, { productNo: ' ', stock: 1 }])).rejects.toMatchObject({ code: 'VALIDATION', details: { outcome: 'not_applied' } });
    expect(stub.requests).toHaveLength(2);
  });

  it('a 200 with an errors envelope is a partial write naming the stored 品番', async () => {
    stub.handle((_r, res) => json(res, 200, { product_stock: [{ product_no: 'A-1', stock: 3 }], errors: [{ product_no: 'B-2 は存在しません' }] }));
    const err = await client()
      .patchProductStock([{ productNo: 'A-1', stock: 3 }, { productNo: 'B-2', stock: 3 }])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BCART_REJECTED', details: { outcome: 'partial', appliedProductNos: ['A-1'], failedProductNos: ['A-1', 'B-2'], notSentProductNos: [] } });
  });
});
