/** Error mapping, retries and headers of the BCart client against a scripted node:http stub. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { createBcartClient, type BcartClientOptions } from '../../../src-main/core/bcart/client';
import { capturingLogger, fakeTime } from './helpers/fakes';
import { json, useStubServer } from './helpers/stub-server';

const stub = useStubServer();

const TOKEN = 'tok-unit-abc';

function client(over: Partial<BcartClientOptions> = {}) {
  const t = fakeTime();
  const lines: string[] = [];
  const c = createBcartClient({
    baseUrl: stub.url,
    getAccessToken: async () => TOKEN,
    fetch: (u, i) => fetch(u, i),
    clock: t.clock,
    timers: t.timers,
    logger: capturingLogger(lines),
    random: () => 0.5,
    ...over,
  });
  return { c, t, lines };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const set = (id: number, stock: number) => ({ id, product_id: 1, product_no: `P-${id}`, stock });

describe('headers and success', () => {
  it('sends Bearer token and Accept on every call', async () => {
    stub.handle((_r, res) => json(res, 200, { product_sets: [set(1, 5)], meta: { total: 1 } }));
    const { c } = client();
    const rows = await c.listProductSets();
    expect(rows[0]).toMatchObject({ id: 1, stock: 5 });
    expect(stub.requests[0]!.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(stub.requests[0]!.headers['accept']).toBe('application/json');
    expect(stub.requests[0]!.query.get('limit')).toBe('100');
    expect(stub.requests[0]!.query.get('offset')).toBe('0');
  });
});

describe('error mapping', () => {
  it('401 → onUnauthorized refresh once and retry; still 401 → BCART_UNAUTHORIZED', async () => {
    let calls = 0;
    stub.handle((r, res) => (r.headers['authorization'] === 'Bearer new' ? json(res, 200, { product_sets: [] }) : json(res, 401, {})));
    let token = 'old';
    const ok = client({
      getAccessToken: async () => token,
      onUnauthorized: async () => {
        calls++;
        token = 'new';
        return true;
      },
    });
    await expect(ok.c.listProductSets()).resolves.toEqual([]);
    expect(calls).toBe(1);

    stub.handle((_r, res) => json(res, 401, {}));
    let refreshes = 0;
    const bad = client({ onUnauthorized: async () => (refreshes++, true) });
    const e = await failure(bad.c.listProductSets());
    expect(e.code).toBe('BCART_UNAUTHORIZED');
    expect(e.message).toContain('ECサイト認証');
    expect(refreshes).toBe(1);
    expect(stub.requests.filter((r) => r.path === '/product_sets')).toHaveLength(4); // 2 + 2
  });

  it('403 → BCART_MISSING_SCOPE naming the scope, not retried', async () => {
    stub.handle((_r, res) => json(res, 403, { errors: ['forbidden'] }));
    const e = await failure(client().c.listOrders({}));
    expect(e.code).toBe('BCART_MISSING_SCOPE');
    expect(e.message).toContain('orders-read');
    expect(stub.requests).toHaveLength(1);
  });

  it('502/503/504 are retried with backoff, then BCART_UNAVAILABLE', async () => {
    stub.handle((_r, res) => json(res, 503, {}));
    const { c, t } = client({ maxRetries: 3 });
    const e = await failure(c.listCustomers());
    expect(e.code).toBe('BCART_UNAVAILABLE');
    expect(stub.requests).toHaveLength(4);
    expect(t.sleeps).toEqual([375, 750, 1500]); // base 500, random 0.5: ¾ of 500·2ⁿ
    expect(c.stats()).toMatchObject({ requests: 4, retries: 3 });
  });

  it('recovers when a 502 is followed by success', async () => {
    let n = 0;
    stub.handle((_r, res) => (n++ === 0 ? json(res, 502, {}) : json(res, 200, { customers: [{ id: 9 }] })));
    const rows = await client().c.listCustomers();
    expect(rows.map((r) => r.id)).toEqual([9]);
  });

  it('an HTML maintenance page → BCART_UNAVAILABLE', async () => {
    stub.handle((_r, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>メンテナンス中</body></html>');
    });
    const e = await failure(client({ maxRetries: 1 }).c.listProducts());
    expect(e.code).toBe('BCART_UNAVAILABLE');
    expect(e.message).toContain('メンテナンス');
  });

  it('invalid JSON → BCART_BAD_RESPONSE after retries', async () => {
    stub.handle((_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"products": [ {"id": 1}, ');
    });
    const e = await failure(client({ maxRetries: 2 }).c.listProducts());
    expect(e.code).toBe('BCART_BAD_RESPONSE');
    expect(stub.requests).toHaveLength(3);
  });

  it('schema mismatch → BCART_BAD_RESPONSE, not retried', async () => {
    stub.handle((_r, res) => json(res, 200, { products: [{ name: 'no id' }] }));
    const e = await failure(client().c.listProducts());
    expect(e.code).toBe('BCART_BAD_RESPONSE');
    expect(e.message).toContain('商品');
    expect(stub.requests).toHaveLength(1);
  });

  it.each([
    [{ errors: ['在庫は数値で入力してください。'] }, ['在庫は数値で入力してください。']],
    [{ errors: [{ stock: '在庫は数値で入力してください。' }, { product_no: '存在しません' }] }, ['stock: 在庫は数値で入力してください。', 'product_no: 存在しません']],
    [{ errors: { stock: ['数値で入力'] } }, ['stock: 数値で入力']],
  ])('4xx with an errors envelope → BCART_REJECTED with the messages (%#)', async (body, messages) => {
    stub.handle((_r, res) => json(res, 422, body));
    const e = await failure(client().c.patchProductSetStock(1, '+3'));
    expect(e.code).toBe('BCART_REJECTED');
    expect(e.details?.['messages']).toEqual(messages);
    expect(e.message).toContain(messages[0]);
    expect(stub.requests).toHaveLength(1);
  });

  it('network failure → NETWORK (retried for reads)', async () => {
    stub.handle((_r, res) => void res.socket?.destroy());
    const { c } = client({ maxRetries: 2 });
    const e = await failure(c.listProductSets());
    expect(e.code).toBe('NETWORK');
    expect(stub.requests).toHaveLength(3);
  });

  it('connection refused → NETWORK', async () => {
    const { c } = client({ baseUrl: 'http://127.0.0.1:1/api/v1', maxRetries: 1 });
    const e = await failure(c.listProductSets());
    expect(e.code).toBe('NETWORK');
  });

  it('a PATCH whose answer is lost is never resent: outcome unknown', async () => {
    stub.handle((_r, res) => void res.socket?.destroy());
    const e = await failure(client().c.patchProductSetStocks([{ id: 1, stock: '+5' }]));
    expect(e.code).toBe('NETWORK');
    expect(e.details?.['outcome']).toBe('unknown');
    expect(stub.requests).toHaveLength(1);

    stub.requests.length = 0;
    stub.handle((_r, res) => json(res, 504, {}));
    const e2 = await failure(client().c.patchProductSetStock(1, '+-2'));
    expect(e2.code).toBe('BCART_UNAVAILABLE');
    expect(e2.details?.['outcome']).toBe('unknown');
    expect(stub.requests).toHaveLength(1);
  });

  it('a hanging read times out (TIMEOUT); a hanging PATCH is TIMEOUT with outcome unknown and sent once', async () => {
    stub.handle(() => undefined); // never answers
    const real = { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout), sleep: async () => undefined };
    const started = Date.now();
    const e = await failure(client({ timers: real, clock: { now: () => Date.now() }, timeoutMs: 150, maxRetries: 1 }).c.listProducts());
    expect(e.code).toBe('TIMEOUT');
    expect(stub.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);

    stub.requests.length = 0;
    const e2 = await failure(client({ timers: real, clock: { now: () => Date.now() }, timeoutMs: 150 }).c.patchProductSetStocks([{ id: 3, stock: '+1' }]));
    expect(e2.code).toBe('TIMEOUT');
    expect(e2.details?.['outcome']).toBe('unknown');
    expect(stub.requests).toHaveLength(1);
  });

  it('429 waits for Retry-After, then continues; a PATCH rejected with 429 is resent', async () => {
    let n = 0;
    const times: number[] = [];
    const { c, t } = client();
    stub.handle((_r, res) => {
      times.push(t.clock.now());
      if (n++ === 0) json(res, 429, {}, { 'Retry-After': '42' });
      else json(res, 200, { product_sets: [set(1, 8)] });
    });
    const rows = await c.patchProductSetStocks([{ id: 1, stock: '+3' }]);
    expect(rows[0]!.stock).toBe(8);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(42_000);
    expect(c.stats().rateLimited).toBe(1);
  });

  it('429 with a lockout longer than the maximum → BCART_RATE_LIMITED', async () => {
    stub.handle((_r, res) => json(res, 429, {}));
    const e = await failure(client({ maxRateLimitWaitMs: 60_000 }).c.listOrders({}));
    expect(e.code).toBe('BCART_RATE_LIMITED');
    expect(stub.requests).toHaveLength(1);
  });

  it('404 → NOT_FOUND', async () => {
    stub.handle((_r, res) => json(res, 404, {}));
    const e = await failure(client().c.getProductSet(77));
    expect(e.code).toBe('NOT_FOUND');
  });

  it('never puts the token in logs or errors', async () => {
    stub.handle((_r, res) => json(res, 401, {}));
    const { c, lines } = client();
    const e = await failure(c.listOrders({}));
    const dump = JSON.stringify({ e, data: e.toData(), msg: e.message, stack: e.stack, lines });
    expect(dump).not.toContain(TOKEN);
    expect(lines.length).toBeGreaterThan(0);
  });
});
