/** createBcartAuth against a scripted token endpoint: state check, refresh single-flight, invalid_grant, storage. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import type { TokenStore } from '../../../src-main/core/ports';
import { createBcartAuth, type BcartAuthOptions } from '../../../src-main/core/bcart/oauth/auth';
import { capturingLogger, fakeTime } from './helpers/fakes';
import { json, useStubServer } from './helpers/stub-server';

const stub = useStubServer();

function memoryStore(): TokenStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: async (k) => data.get(k) ?? null,
    set: async (k, v) => void data.set(k, v),
    delete: async (k) => void data.delete(k),
  };
}

function auth(over: Partial<BcartAuthOptions> = {}) {
  const t = fakeTime();
  const store = memoryStore();
  const lines: string[] = [];
  const a = createBcartAuth({
    settings: { apiBaseUrl: stub.url, authorizeUrl: `${stub.origin}/oauth/authorize`, tokenUrl: `${stub.origin}/oauth/token`, clientId: 'desk', scopes: ['orders-read'] },
    tokenStore: store,
    fetch: (u, i) => fetch(u, i),
    clock: t.clock,
    openExternal: async () => undefined,
    logger: capturingLogger(lines),
    keyPrefix: 'bcart:1',
    ...over,
  });
  return { a, t, store, lines };
}

describe('OAuth login', () => {
  it('a mismatched state makes no token request (404, and the login waits on until it times out)', async () => {
    stub.handle((_r, res) => json(res, 200, { access_token: 'A', expires_in: 3600 }));
    let forgedStatus = 0;
    const { a } = auth({
      listenerTimeoutMs: 300,
      openExternal: async (url) => {
        const u = new URL(url);
        expect(u.searchParams.get('code_challenge_method')).toBe('S256');
        expect(u.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(u.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/);
        // an attacker's redirect with another state
        forgedStatus = (await fetch(`${u.searchParams.get('redirect_uri')}?code=stolen&state=forged`)).status;
      },
    });
    const e = await a.login().catch((x: unknown) => x);
    expect(forgedStatus).toBe(404);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('OAUTH_FAILED');
    expect((e as AppError).details?.['reason']).toBe('timeout');
    expect(stub.requests).toHaveLength(0);
    expect((await a.state()).status).toBe('未認証');
  });

  it('uses a fresh state and verifier per attempt and exchanges the code with the verifier', async () => {
    const states: string[] = [];
    stub.handle((r, res) => {
      const f = new URLSearchParams(r.body);
      expect(r.headers['content-type']).toContain('application/x-www-form-urlencoded');
      expect(f.get('grant_type')).toBe('authorization_code');
      expect(f.get('client_id')).toBe('desk');
      expect(f.get('code_verifier')!.length).toBeGreaterThanOrEqual(43);
      json(res, 200, { access_token: `A-${f.get('code')}`, refresh_token: 'R', expires_in: 3600, scope: 'orders-read' });
    });
    const { a, store } = auth({
      openExternal: async (url) => {
        const u = new URL(url);
        states.push(u.searchParams.get('state')!);
        await fetch(`${u.searchParams.get('redirect_uri')}?code=c${states.length}&state=${u.searchParams.get('state')}`);
      },
    });
    const s1 = await a.login();
    await a.login();
    expect(states[0]).not.toBe(states[1]);
    expect(s1).toMatchObject({ status: '認証済', method: 'oauth', scopes: ['orders-read'] });
    expect(s1.expiresAt).toMatch(/\+09:00$/);
    expect(await a.getAccessToken()).toBe('A-c2');
    expect(store.data.get('bcart:1:refresh_token')).toBe('R');
    expect(store.data.get('bcart:1:meta')).not.toContain('A-c2');
  });
});

describe('tokens', () => {
  async function loggedIn(expiresIn = 3600) {
    let n = 0;
    stub.handle((r, res) => {
      const f = new URLSearchParams(r.body);
      if (f.get('grant_type') === 'refresh_token') {
        n++;
        setTimeout(() => json(res, 200, { access_token: `A${n}`, refresh_token: `R${n}`, expires_in: 3600 }), 30);
        return;
      }
      json(res, 200, { access_token: 'A0', refresh_token: 'R0', expires_in: expiresIn });
    });
    const ctx = auth({
      openExternal: async (url) => {
        const u = new URL(url);
        await fetch(`${u.searchParams.get('redirect_uri')}?code=c&state=${u.searchParams.get('state')}`);
      },
    });
    await ctx.a.login();
    return { ...ctx, refreshes: () => n };
  }

  it('refreshes within 60 s of expiry, once for 50 concurrent callers', async () => {
    const { a, t, refreshes, store } = await loggedIn(3600);
    expect(await a.getAccessToken()).toBe('A0');
    t.advance(3600_000 - 59_000);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => a.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['A1']));
    expect(refreshes()).toBe(1);
    expect(store.data.get('bcart:1:refresh_token')).toBe('R1'); // rotated
  });

  it('refreshNow (onUnauthorized) shares one refresh among concurrent 401s', async () => {
    const { a, refreshes } = await loggedIn();
    const r = await Promise.all(Array.from({ length: 20 }, () => a.refreshNow()));
    expect(r.every(Boolean)).toBe(true);
    expect(refreshes()).toBe(1);
  });

  it('invalid_grant → REAUTH_REQUIRED, state 要再認証, no retry loop', async () => {
    const { a, t } = await loggedIn(100);
    stub.requests.length = 0;
    stub.handle((_r, res) => json(res, 400, { error: 'invalid_grant' }));
    t.advance(100_000);
    const e = (await a.getAccessToken().catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('REAUTH_REQUIRED');
    expect(e.message).toContain('ECサイト認証');
    const e2 = (await a.getAccessToken().catch((x: unknown) => x)) as AppError;
    expect(e2.code).toBe('REAUTH_REQUIRED');
    expect(stub.requests).toHaveLength(1);
    expect((await a.state()).status).toBe('要再認証');
  });

  it('personal token: stored, no refresh, scopes from the JWT; logout clears', async () => {
    const { a, store } = auth();
    expect((await a.state()).status).toBe('未認証');
    await expect(a.getAccessToken()).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    const jwt = `h.${Buffer.from(JSON.stringify({ scopes: ['orders-read'], exp: 1 })).toString('base64url')}.s`;
    const s = await a.savePersonalToken(`  ${jwt}\n`);
    expect(s).toEqual({ status: '認証済', expiresAt: null, scopes: ['orders-read'], method: 'personal_token' });
    expect(await a.getAccessToken()).toBe(jwt);
    expect(await a.refreshNow()).toBe(false);
    await expect(a.savePersonalToken('  ')).rejects.toMatchObject({ code: 'VALIDATION' });
    await a.logout();
    expect(store.data.size).toBe(0);
    expect((await a.state()).status).toBe('未認証');
  });

  it('never logs tokens', async () => {
    const { a, lines } = await loggedIn(10);
    await a.getAccessToken();
    const text = lines.join('\n');
    for (const secret of ['A0', 'R0', 'A1', 'R1']) expect(text).not.toMatch(new RegExp(`\\b${secret}\\b`));
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe('client + auth', () => {
  it('50 concurrent calls hitting 401 share exactly one refresh (OA-04)', async () => {
    let refreshCalls = 0;
    stub.handle((r, res) => {
      if (r.path === '/oauth/token') {
        const f = new URLSearchParams(r.body);
        if (f.get('grant_type') === 'refresh_token') {
          refreshCalls++;
          setTimeout(() => json(res, 200, { access_token: 'NEW', refresh_token: 'R2', expires_in: 3600 }), 20);
          return;
        }
        return json(res, 200, { access_token: 'OLD', refresh_token: 'R1', expires_in: 3600 });
      }
      if (r.headers['authorization'] !== 'Bearer NEW') return json(res, 401, {});
      json(res, 200, { product_sets: [{ id: 1 }] });
    });
    const ctx = auth({
      openExternal: async (url) => {
        const u = new URL(url);
        await fetch(`${u.searchParams.get('redirect_uri')}?code=c&state=${u.searchParams.get('state')}`);
      },
    });
    await ctx.a.login();
    const { createBcartClient } = await import('../../../src-main/core/bcart/client');
    const c = createBcartClient({
      baseUrl: `${stub.origin}/api/v1`,
      getAccessToken: () => ctx.a.getAccessToken(),
      onUnauthorized: () => ctx.a.refreshNow(),
      fetch: (u, i) => fetch(u, i),
      clock: ctx.t.clock,
      timers: ctx.t.timers,
      logger: capturingLogger(),
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => c.listProductSets()));
    expect(results.every((r) => r.length === 1)).toBe(true);
    expect(refreshCalls).toBe(1);
  });
});
