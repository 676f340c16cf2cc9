/**
 * Tokens are bound to the servers they were issued for (security item 1). A real core and the
 * simulator on 127.0.0.1; "another server" is a second loopback server on another port (another
 * origin), so the test sees exactly what a changed URL would receive. Every request the core makes
 * goes through a recording wrapper around the real fetch.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { settingTokenKeyPrefix } from '../../../src-main/core/bcart/oauth';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { makeTestCore } from '../../helpers/core';
import { json, startStub, type StubServer } from '../../unit/bcart/helpers/stub-server';
import { startSettingsFixture, type SettingsFixture } from './settings-fixture';

const CANARY = 'canary-bound-token-5e1c7a';

interface Sent {
  url: string;
  authorization: string | null;
  body: string;
}

/** The real fetch, recording what each request carried. */
function recordingFetch(sent: Sent[]) {
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    sent.push({ url: String(input), authorization: headers.get('authorization'), body: typeof init?.body === 'string' ? init.body : '' });
    return fetch(input, init);
  };
}

let other: StubServer;
beforeAll(async () => {
  other = await startStub();
  other.handle((_r, res) => json(res, 200, { orders: [], meta: { total: 0 }, access_token: 'x', refresh_token: 'y', expires_in: 3600 }));
});
afterAll(() => other.close());

async function settingValues(f: SettingsFixture): Promise<Omit<EcSetting, 'id' | 'createdAt' | 'updatedAt'>> {
  const { id: _i, createdAt: _c, updatedAt: _u, ...values } = await f.t.call<EcSetting>('settings:get', { id: f.settingId });
  return values;
}

const keys = (id: number) => {
  const p = settingTokenKeyPrefix(id);
  return { access: `${p}:access_token`, refresh: `${p}:refresh_token`, meta: `${p}:meta` };
};

describe('personal token bound to the API origin', () => {
  let f: SettingsFixture;
  const sent: Sent[] = [];
  beforeAll(async () => {
    f = await startSettingsFixture({ token: CANARY, orders: 5, core: { fetch: recordingFetch(sent) } });
  });
  afterAll(() => f.close());
  afterEach(() => {
    other.requests.length = 0;
  });

  it('moving the API URL to another origin deletes the token: 要再認証, and 接続テスト sends nothing there', async () => {
    expect((await f.t.call('connection:test', { settingId: f.settingId })) as object).toMatchObject({ ok: true });
    const values = await settingValues(f);
    await f.t.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: other.url } });

    const store = f.t.core.options.tokenStore;
    expect(await store.get(keys(f.settingId).access)).toBeNull();
    expect(await f.t.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '要再認証' });
    const r = await f.t.core.dispatch('connection:test', { settingId: f.settingId }, { via: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } });
    expect(!r.ok && r.error.message).toContain('URLが別のサーバーに変更された');
    expect(other.requests).toEqual([]);
    expect(sent.filter((s) => s.url.startsWith(other.origin))).toEqual([]);

    // moving back does not bring the deleted token back: a new token is needed
    await f.t.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: f.sim.url } });
    expect(await f.t.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '要再認証' });
    await f.t.call('connection:savePersonalToken', { settingId: f.settingId, token: CANARY });
    expect(await f.t.call('connection:test', { settingId: f.settingId })).toMatchObject({ ok: true });
  });

  it('a new path on the same origin keeps the token', async () => {
    const values = await settingValues(f);
    await f.t.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: `${f.sim.origin}/api/v1/../v1` } });
    expect(await f.t.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '認証済' });
    await f.t.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: f.sim.url } });
  });

  it('a token stored before tokens were bound is bound to the URL it was used with, then deleted on a move', async () => {
    // the books of an older version: the same database, a token store whose metadata has no origins
    const k = keys(f.settingId);
    const legacy = createMemoryTokenStore({
      [k.access]: CANARY,
      [k.meta]: JSON.stringify({ method: 'personal_token', expiresAt: null, scopes: [], needsReauth: false }),
    });
    const upgraded = await makeTestCore({ tokenStore: legacy, fetch: recordingFetch(sent) }, f.t.dataDir);
    try {
      const { id: _i, createdAt: _c, updatedAt: _u, ...values } = await upgraded.call<EcSetting>('settings:get', { id: f.settingId });
      await upgraded.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: other.url } });
      expect(await legacy.get(k.access)).toBeNull();
      expect(await upgraded.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '要再認証' });
      expect((await upgraded.core.dispatch('connection:test', { settingId: f.settingId }, { via: 'test' })).ok).toBe(false);
      expect(other.requests).toEqual([]);
      await upgraded.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: f.sim.url } });
    } finally {
      upgraded.core.close();
    }
  });

  it('https hosts other than bcart.jp are refused unless named in the developer setting', async () => {
    const values = await settingValues(f);
    const r = await f.t.core.dispatch('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: 'https://evil.example/api/v1' } }, { via: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID', fields: [{ path: 'apiBaseUrl' }] } });
    const r2 = await f.t.core.dispatch('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: 'http://api.bcart.jp/api/v1' } }, { via: 'test' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'SETTINGS_INVALID' } });
  });

  it('a row pointing outside the policy (written by hand or by an older version) gets no token', async () => {
    await f.t.call('connection:savePersonalToken', { settingId: f.settingId, token: CANARY });
    f.t.core.db.prepare('update ec_settings set api_base_url = ? where id = ?').run('https://evil.example/api/v1', f.settingId);
    const before = sent.length;
    const r = await f.t.core.dispatch('connection:test', { settingId: f.settingId }, { via: 'test' });
    expect(r.ok).toBe(false);
    expect(sent.slice(before).filter((s) => s.authorization?.includes(CANARY))).toEqual([]);
    f.t.core.db.prepare('update ec_settings set api_base_url = ? where id = ?').run(f.sim.url, f.settingId);
  });
});

describe('OAuth tokens bound to the API and token-endpoint origins', () => {
  let f: SettingsFixture;
  const sent: Sent[] = [];
  beforeAll(async () => {
    f = await startSettingsFixture({
      orders: 5,
      core: {
        fetch: recordingFetch(sent),
        // the "system browser" follows the simulator's instant-approve redirect to the loopback listener
        openExternal: async (url) => void fetch(url).then((r) => r.text()).catch(() => undefined),
      },
    });
  });
  afterAll(() => f.close());

  async function oauthLogin(): Promise<void> {
    const values = await settingValues(f);
    await f.t.call('settings:update', {
      id: f.settingId,
      values: { ...values, oauthAuthorizeUrl: `${f.sim.origin}/oauth/authorize`, oauthTokenUrl: `${f.sim.origin}/oauth/token`, oauthClientId: 'desk-test' },
    });
    const done = new Promise<void>((resolve) => {
      const off = f.t.core.events.subscribe((event, payload) => {
        if (event === 'connection:changed' && (payload as { runId: string | null }).runId !== null) {
          off();
          resolve();
        }
      });
    });
    await f.t.call('connection:login', { settingId: f.settingId });
    await done;
    expect(await f.t.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '認証済', method: 'oauth' });
  }

  it('moving the token URL to another origin deletes both tokens; the refresh token is never sent there', async () => {
    // access tokens that expire within the refresh margin: every call would refresh first
    f.sim.state.auth.accessTokenTtlSeconds = 30;
    await oauthLogin();
    const store = f.t.core.options.tokenStore;
    const refresh = await store.get(keys(f.settingId).refresh);
    expect(refresh).toMatch(/.{10,}/);
    const values = await settingValues(f);
    await f.t.call('settings:update', { id: f.settingId, values: { ...values, oauthTokenUrl: `${other.origin}/oauth/token` } });
    expect(await store.get(keys(f.settingId).refresh)).toBeNull();
    expect(await store.get(keys(f.settingId).access)).toBeNull();
    expect(await f.t.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '要再認証' });
    expect(await f.t.core.dispatch('connection:test', { settingId: f.settingId }, { via: 'test' })).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } });
    expect(other.requests).toEqual([]);
    expect(sent.filter((s) => s.body.includes(refresh!))).toSatisfy((xs: Sent[]) => xs.every((s) => s.url.startsWith(f.sim.origin)));
  }, 20_000);

  it('moving the API URL after an OAuth login deletes the tokens too', async () => {
    f.sim.state.auth.accessTokenTtlSeconds = 3600;
    await oauthLogin();
    const access = await f.t.core.options.tokenStore.get(keys(f.settingId).access);
    const values = await settingValues(f);
    await f.t.call('settings:update', { id: f.settingId, values: { ...values, apiBaseUrl: other.url } });
    expect(await f.t.call('connection:state', { settingId: f.settingId })).toMatchObject({ status: '要再認証' });
    await f.t.core.dispatch('connection:test', { settingId: f.settingId }, { via: 'test' });
    expect(other.requests).toEqual([]);
    expect(sent.filter((s) => s.authorization === `Bearer ${access}` && !s.url.startsWith(f.sim.origin))).toEqual([]);
  }, 20_000);
});
