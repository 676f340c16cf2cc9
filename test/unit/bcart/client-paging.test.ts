/** Paging, filters, de-duplication and the 300-line cap of listOrders, against a scripted stub. */
import { describe, expect, it } from 'vitest';
import { createBcartClient } from '../../../src-main/core/bcart/client';
import { capturingLogger, fakeTime } from './helpers/fakes';
import { json, useStubServer } from './helpers/stub-server';

const stub = useStubServer();

function client(onProgress?: (p: unknown) => void) {
  const t = fakeTime();
  return createBcartClient({
    baseUrl: stub.url,
    getAccessToken: async () => 't',
    fetch: (u, i) => fetch(u, i),
    clock: t.clock,
    timers: t.timers,
    logger: capturingLogger(),
    onProgress,
  });
}

const order = (id: number, orderedAt: string, lines = 1) => ({
  id,
  code: String(1000 + id),
  ordered_at: orderedAt,
  status: '新規注文',
  order_products: Array.from({ length: lines }, (_, i) => ({ id: id * 1000 + i, order_id: id, unit_price: '10', order_pro_count: 1 })),
  logistics: [],
});

/** Serves `rows` with offset/limit paging and meta.total. */
function serve(rows: unknown[], key = 'orders') {
  stub.handle((r, res) => {
    const off = Number(r.query.get('offset') ?? 0);
    const lim = Number(r.query.get('limit') ?? 100);
    json(res, 200, { [key]: rows.slice(off, off + lim), meta: { total: rows.length } });
  });
}

describe('listOrders paging', () => {
  it('pages to exhaustion with meta.total: 250 orders = 3 calls; exactly 200 = 2 calls', async () => {
    serve(Array.from({ length: 250 }, (_, i) => order(i + 1, '2025-04-12 10:00:00')));
    const progress: unknown[] = [];
    const got = await client((p) => progress.push(p)).listOrders({});
    expect(got).toHaveLength(250);
    expect(stub.requests.map((r) => r.query.get('offset'))).toEqual(['0', '100', '200']);
    expect(stub.requests.every((r) => r.query.get('complete') === '1' && r.query.get('limit') === '100')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ pagesFetched: 3, items: 250, total: 250 });

    stub.requests.length = 0;
    serve(Array.from({ length: 200 }, (_, i) => order(i + 1, '2025-04-12 10:00:00')));
    expect(await client().listOrders({})).toHaveLength(200);
    expect(stub.requests).toHaveLength(2);
  });

  it('stops at a short page when meta is missing', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => order(i + 1, '2025-04-12 10:00:00'));
    stub.handle((r, res) => {
      const off = Number(r.query.get('offset'));
      json(res, 200, { orders: rows.slice(off, off + 100) });
    });
    expect(await client().listOrders({})).toHaveLength(130);
    expect(stub.requests).toHaveLength(2);
  });

  it('stops when the server ignores offset and sends no meta (no endless loop)', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => order(i + 1, '2025-04-12 10:00:00'));
    stub.handle((_r, res) => json(res, 200, { orders: rows }));
    expect(await client().listOrders({})).toHaveLength(100);
    expect(stub.requests).toHaveLength(2);
  });

  it('sends both date filter spellings and also filters by ordered_at itself (ignored filters)', async () => {
    serve([
      order(1, '2025-04-09 23:59:59'),
      order(2, '2025-04-10 00:00:00'),
      order(3, '2025-04-16 23:59:59'),
      order(4, '2025-04-17 00:00:00'),
    ]);
    const got = await client().listOrders({ orderedFrom: '2025-04-10', orderedTo: '2025-04-16' });
    expect(got.map((o) => o.id)).toEqual([2, 3]);
    const q = stub.requests[0]!.query;
    expect(q.get('ordered_at__gte')).toBe('2025-04-10 00:00:00');
    expect(q.get('ordered_at_min')).toBe('2025-04-10 00:00:00');
    expect(q.get('ordered_at__lte')).toBe('2025-04-16 23:59:59');
    expect(q.get('ordered_at_max')).toBe('2025-04-16 23:59:59');
  });

  it('status / code / ids are applied client-side as well', async () => {
    serve([order(1, '2025-04-12 10:00:00'), { ...order(2, '2025-04-12 10:00:00'), status: '完了' }]);
    expect((await client().listOrders({ status: '完了' })).map((o) => o.id)).toEqual([2]);
    expect((await client().listOrders({ code: '1001' })).map((o) => o.id)).toEqual([1]);
    expect((await client().listOrders({ ids: [2] })).map((o) => o.id)).toEqual([2]);
    expect((await client().getOrder(1))?.id).toBe(1);
    expect(await client().getOrder(99)).toBeNull();
  });

  it('de-duplicates rows when a page shifts, and walks again when a row slipped through', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => order(i + 1, '2025-04-12 10:00:00'));
    let call = 0;
    stub.handle((r, res) => {
      const off = Number(r.query.get('offset'));
      call++;
      // second page of the first pass shifted back by 10: ids 91..190 (dup 91..100, 191..200 skipped)
      const start = call === 2 ? off - 10 : off;
      json(res, 200, { orders: rows.slice(start, start + 100), meta: { total: 300 } });
    });
    const got = await client().listOrders({});
    expect(got).toHaveLength(300);
    expect(new Set(got.map((o) => o.id)).size).toBe(300);
    expect(stub.requests).toHaveLength(6); // first pass 3, second pass 3
  });

  it('pages /order_products for an order whose embedded lines hit the 300 cap', async () => {
    const big = order(7, '2025-04-12 10:00:00', 300);
    const allLines = Array.from({ length: 345 }, (_, i) => ({ id: 7000 + i, order_id: 7, unit_price: '1', order_pro_count: 1 }));
    stub.handle((r, res) => {
      const off = Number(r.query.get('offset'));
      if (r.path === '/orders') return json(res, 200, { orders: [big, order(8, '2025-04-12 11:00:00', 299)], meta: { total: 2 } });
      expect(r.query.get('order_id')).toBe('7');
      json(res, 200, { order_products: allLines.slice(off, off + 100), meta: { total: 345 } });
    });
    const got = await client().listOrders({});
    expect(got[0]!.orderProducts).toHaveLength(345);
    expect(got[1]!.orderProducts).toHaveLength(299);
    expect(stub.requests.filter((r) => r.path === '/order_products')).toHaveLength(4);
  });
});

describe('writes', () => {
  it('bulk PATCH sends chunks of ≤ 100 and returns the echoed rows', async () => {
    const bodies: unknown[] = [];
    stub.handle((r, res) => {
      const body = JSON.parse(r.body) as { product_sets: { id: number; stock: unknown }[] };
      bodies.push(body);
      json(res, 200, { product_sets: body.product_sets.map((p) => ({ id: p.id, stock: 10 })) });
    });
    const patches = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, stock: '+1' as const }));
    const echoed = await client().patchProductSetStocks(patches);
    expect(echoed).toHaveLength(250);
    expect(bodies.map((b) => (b as { product_sets: unknown[] }).product_sets.length)).toEqual([100, 100, 50]);
    expect(stub.requests.every((r) => r.method === 'PATCH' && r.path === '/product_sets')).toBe(true);
    expect(stub.requests[0]!.headers['content-type']).toContain('application/json');
  });

  it('a failed later chunk reports which ids were applied, failed and not sent', async () => {
    let n = 0;
    stub.handle((r, res) => {
      const body = JSON.parse(r.body) as { product_sets: { id: number }[] };
      if (n++ === 1) return json(res, 422, { errors: ['bad'] });
      json(res, 200, { product_sets: body.product_sets });
    });
    const patches = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, stock: 5 }));
    const e = (await client().patchProductSetStocks(patches).catch((x: unknown) => x)) as { code: string; details: Record<string, number[]> };
    expect(e.code).toBe('BCART_REJECTED');
    expect(e.details['appliedIds']).toHaveLength(100);
    expect(e.details['failedIds']).toEqual(patches.slice(100, 200).map((p) => p.id));
    expect(e.details['notSentIds']).toHaveLength(50);
  });

  it('single PATCH sends {stock} and parses the product_set echo', async () => {
    stub.handle((_r, res) => json(res, 200, { product_set: { id: 3, stock: 12 } }));
    const s = await client().patchProductSetStock(3, '+-2');
    expect(JSON.parse(stub.requests[0]!.body)).toEqual({ stock: '+-2' });
    expect(stub.requests[0]!.path).toBe('/product_sets/3');
    expect(s).toMatchObject({ id: 3, stock: 12 });
    // an echo of the relative value itself: stock unknown (null), not a failed write
    stub.handle((r, res) => json(res, 200, { product_set: { id: 3, ...JSON.parse(r.body) } }));
    expect((await client().patchProductSetStock(3, '+5')).stock).toBeNull();
    // an unreadable echo after an accepted write: BAD_RESPONSE with outcome unknown
    stub.handle((_r, res) => json(res, 200, { product_set: { stock: 1 } }));
    const e = (await client().patchProductSetStock(3, '+5').catch((x: unknown) => x)) as { code: string; details: Record<string, unknown> };
    expect(e.code).toBe('BCART_BAD_RESPONSE');
    expect(e.details['outcome']).toBe('unknown');
  });

  it('ping makes one cheap call and reports scopes from a JWT token', async () => {
    serve([order(1, '2025-04-12 10:00:00')]);
    const payload = Buffer.from(JSON.stringify({ scopes: ['orders-read', 'product_sets-write'] })).toString('base64url');
    const t = fakeTime();
    const c = createBcartClient({
      baseUrl: stub.url,
      getAccessToken: async () => `h.${payload}.s`,
      fetch: (u, i) => fetch(u, i),
      clock: t.clock,
      timers: t.timers,
      logger: capturingLogger(),
    });
    const p = await c.ping();
    expect(p).toMatchObject({ ok: true, ordersTotal: 1, scopes: ['orders-read', 'product_sets-write'] });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.query.get('limit')).toBe('1');
  });
});
