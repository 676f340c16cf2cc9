/**
 * OAuth end to end against the simulator's /oauth endpoints: a fake system browser GETs the authorize
 * URL and follows the 302 to the loopback listener; the code is exchanged with PKCE; the token works on
 * the API; refresh before expiry and on 401; a revoked grant → 要再認証.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBcartClient } from '../../../src-main/core/bcart/client';
import { createBcartAuth } from '../../../src-main/core/bcart/oauth';
import type { TokenStore } from '../../../src-main/core/ports';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { capturingLogger, fakeTime } from '../../unit/bcart/helpers/fakes';

const t = fakeTime(Date.parse('2025-04-30T03:00:00Z'));
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mode: 'test', seed: 2, orders: 120, rateLimit: false, clock: t.clock, accessTokenTtlSeconds: 600, oauthClientId: 'bcart-desk', oauthClientSecret: 'sek' });
});
afterAll(() => sim.close());

function memoryStore(): TokenStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: async (k) => data.get(k) ?? null, set: async (k, v) => void data.set(k, v), delete: async (k) => void data.delete(k) };
}

function setup() {
  const store = memoryStore();
  const lines: string[] = [];
  const opened: string[] = [];
  const auth = createBcartAuth({
    settings: { apiBaseUrl: sim.url, authorizeUrl: `${sim.origin}/oauth/authorize`, tokenUrl: `${sim.origin}/oauth/token`, clientId: 'bcart-desk', clientSecret: 'sek', scopes: ['orders-read', 'product_sets-read', 'product_sets-write'] },
    tokenStore: store,
    fetch: (u, i) => fetch(u, i),
    clock: t.clock,
    logger: capturingLogger(lines),
    keyPrefix: 'bcart:shop1',
    openExternal: async (url) => {
      opened.push(url);
      // the "browser": follows BCart's 302 to http://127.0.0.1:<port>/callback
      const res = await fetch(url, { redirect: 'follow' });
      expect(await res.text()).toContain('認証が完了しました');
    },
  });
  const client = createBcartClient({
    baseUrl: sim.url,
    getAccessToken: () => auth.getAccessToken(),
    onUnauthorized: () => auth.refreshNow(),
    fetch: (u, i) => fetch(u, i),
    clock: t.clock,
    timers: t.timers,
    logger: capturingLogger(lines),
  });
  return { auth, client, store, lines, opened };
}

describe('OAuth against the simulator', () => {
  it('logs in through the loopback redirect and calls the API with the token', async () => {
    const { auth, client, store, lines, opened } = setup();
    const state = await auth.login();
    expect(state).toMatchObject({ status: '認証済', method: 'oauth', scopes: ['orders-read', 'product_sets-read', 'product_sets-write'] });
    expect(state.expiresAt).toMatch(/\+09:00$/);
    expect(new URL(opened[0]!).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const orders = await client.listOrders({});
    expect(orders).toHaveLength(120);
    // scope enforced by the simulator: customers-read was not granted
    await expect(client.listCustomers()).rejects.toMatchObject({ code: 'BCART_MISSING_SCOPE' });
    const access = store.data.get('bcart:shop1:access_token')!;
    const refresh = store.data.get('bcart:shop1:refresh_token')!;
    expect(lines.join('\n')).not.toContain(access);
    expect(lines.join('\n')).not.toContain(refresh);
  });

  it('refreshes before expiry, and after a 401 mid-run', async () => {
    const { auth, client, store } = setup();
    await auth.login();
    const first = store.data.get('bcart:shop1:access_token');
    t.advance(600_000 - 30_000); // within 60 s of expiry
    expect(await client.listOrders({ ids: [sim.state.orders[0]!.order.id] })).toHaveLength(1);
    const second = store.data.get('bcart:shop1:access_token');
    expect(second).not.toBe(first);
    sim.faults.set([{ kind: 'unauthorized', count: 1 }]);
    t.advance(10_000); // past the "just refreshed" grace
    expect(await client.listProductSets()).toHaveLength(sim.state.productSets.length);
    expect(client.stats().refreshes).toBe(1);
    expect(store.data.get('bcart:shop1:access_token')).not.toBe(second);
  });

  it('a revoked grant → REAUTH_REQUIRED and 要再認証', async () => {
    const { auth, client } = setup();
    await auth.login();
    sim.state.auth.revokeAllTokens({ keepPrimary: true });
    const e = await client.listOrders({}).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'REAUTH_REQUIRED' });
    expect((await auth.state()).status).toBe('要再認証');
    await expect(auth.getAccessToken()).rejects.toMatchObject({ code: 'REAUTH_REQUIRED' });
    // logging in again recovers
    expect((await auth.login()).status).toBe('認証済');
    expect(await client.listOrders({ ids: [sim.state.orders[1]!.order.id] })).toHaveLength(1);
  });
});
