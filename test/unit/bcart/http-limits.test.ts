/**
 * Limits of the BCart HTTP client and the OAuth token endpoint against a scripted node:http stub:
 * a redirect is never followed (the Bearer token, a PATCH body or a refresh token would go with it),
 * a response body is read only up to a cap, and a deeply nested error body cannot overflow the stack.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { createBcartClient, type BcartClientOptions } from '../../../src-main/core/bcart/client';
import { refreshTokens } from '../../../src-main/core/bcart/oauth/token-endpoint';
import { capturingLogger, fakeTime } from './helpers/fakes';
import { json, useStubServer } from './helpers/stub-server';

const stub = useStubServer();

const TOKEN = 'tok-limits-9d2e';

function client(over: Partial<BcartClientOptions> = {}) {
  const t = fakeTime();
  return createBcartClient({
    baseUrl: stub.url,
    getAccessToken: async () => TOKEN,
    fetch: (u, i) => fetch(u, i),
    clock: t.clock,
    timers: t.timers,
    logger: capturingLogger([]),
    random: () => 0.5,
    maxRetries: 2,
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const set = (id: number) => ({ id, product_id: 1, product_no: `P-${id}`, stock: 1 });

describe('redirects are refused', () => {
  it('a GET answered with 302 fails at once; the target never sees the token', async () => {
    stub.handle((r, res) => {
      if (r.path === '/elsewhere') return json(res, 200, { product_sets: [set(1)], meta: { total: 1 } });
      res.writeHead(302, { location: `${stub.url}/elsewhere` });
      res.end();
    });
    const e = await failure(client().listProductSets());
    expect(e.code).toBe('BCART_BAD_RESPONSE');
    expect(e.retryable).toBe(false);
    expect(e.message).toContain('リダイレクト');
    expect(stub.requests.map((r) => r.path)).toEqual(['/product_sets']);
  });

  it('a PATCH answered with 307 is not replayed to the target', async () => {
    stub.handle((r, res) => {
      if (r.path === '/elsewhere') return json(res, 200, { product_sets: [set(1)] });
      res.writeHead(307, { location: `${stub.url}/elsewhere` });
      res.end();
    });
    const e = await failure(client().patchProductSetStocks([{ id: 1, stock: 3 }]));
    expect(e.code).toBe('BCART_BAD_RESPONSE');
    expect(stub.requests.filter((r) => r.path === '/elsewhere')).toEqual([]);
  });

  it('the token endpoint does not follow a redirect with the refresh token', async () => {
    stub.handle((r, res) => {
      if (r.path.endsWith('/stolen')) return json(res, 200, { access_token: 'a', refresh_token: 'b', expires_in: 60 });
      res.writeHead(307, { location: `${stub.origin}/stolen` });
      res.end();
    });
    const t = fakeTime();
    const e = await failure(refreshTokens({ tokenUrl: `${stub.origin}/oauth/token`, clientId: 'c', fetch: (u, i) => fetch(u, i), clock: t.clock, refreshToken: 'rt-secret', scopes: [] }));
    expect(e.code).toBe('OAUTH_FAILED');
    expect(stub.requests.filter((r) => r.path.endsWith('/stolen'))).toEqual([]);
  });
});

describe('response bodies are read up to a cap', () => {
  it('a body beyond the cap fails with a clear message, also when it is chunked (no Content-Length)', async () => {
    stub.handle((_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"product_sets":[');
      const row = JSON.stringify(set(1));
      for (let i = 0; i < 2000; i++) res.write(`${row},`);
      res.end(`${row}],"meta":{"total":1}}`);
    });
    const e = await failure(client({ maxBodyBytes: 16 * 1024 }).listProductSets());
    expect(e.code).toBe('BCART_BAD_RESPONSE');
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/大きすぎ/);
    expect(e.details).toMatchObject({ limitBytes: 16 * 1024 });
    expect(stub.requests).toHaveLength(1); // not retried: the answer would be as large again
  });

  it('a declared Content-Length beyond the cap is refused before reading', async () => {
    stub.handle((_r, res) => json(res, 200, { product_sets: Array.from({ length: 400 }, (_, i) => set(i + 1)), meta: { total: 400 } }));
    const e = await failure(client({ maxBodyBytes: 1024 }).listProductSets());
    expect(e.message).toMatch(/大きすぎ/);
  });

  it('the default cap is 50 MB and a normal answer passes', async () => {
    stub.handle((_r, res) => json(res, 200, { product_sets: [set(1)], meta: { total: 1 } }));
    expect(await client().listProductSets()).toHaveLength(1);
  });

  it('the token endpoint caps its answer too', async () => {
    stub.handle((_r, res) => json(res, 200, { access_token: 'x'.repeat(2 * 1024 * 1024), refresh_token: 'r' }));
    const t = fakeTime();
    const e = await failure(refreshTokens({ tokenUrl: `${stub.origin}/oauth/token`, clientId: 'c', fetch: (u, i) => fetch(u, i), clock: t.clock, refreshToken: 'rt', scopes: [] }));
    expect(e.code).toBe('OAUTH_FAILED');
    expect(e.message).toMatch(/大きすぎ/);
  });
});

describe('error bodies', () => {
  it('a deeply nested errors envelope becomes BCART_REJECTED, not a stack overflow', async () => {
    const depth = 200_000;
    stub.handle((_r, res) => {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      res.end(`{"errors":${'['.repeat(depth)}"x"${']'.repeat(depth)}}`);
    });
    const e = await failure(client().patchProductSetStocks([{ id: 1, stock: 3 }]));
    expect(e.code).toBe('BCART_REJECTED');
    expect(e.message).toMatch(/[ぁ-ん]/);
  });

  it('a wide errors envelope is cut to a few short messages', async () => {
    stub.handle((_r, res) => json(res, 422, { errors: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, 'y'.repeat(10_000)])) }));
    const e = await failure(client().patchProductSetStocks([{ id: 1, stock: 3 }]));
    expect(e.code).toBe('BCART_REJECTED');
    expect(JSON.stringify(e.details).length).toBeLessThan(20_000);
    expect(e.message.length).toBeLessThan(5_000);
  });

  it('normal error envelopes are still shown field by field', async () => {
    stub.handle((_r, res) => json(res, 422, { errors: [{ stock: '在庫は数値で入力してください。' }] }));
    const e = await failure(client().patchProductSetStocks([{ id: 1, stock: 3 }]));
    expect(e.message).toContain('stock: 在庫は数値で入力してください。');
  });
});
