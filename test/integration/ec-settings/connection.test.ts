/**
 * ECサイト認証 against the simulator: personal token + 接続テスト, OAuth login through a fake system
 * browser that follows the authorize redirect to the loopback listener, logout, and a canary scan:
 * the token never appears in the DB file, a log line, an IPC output or a push event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/core/create-core';
import { startSettingsFixture, type SettingsFixture } from './settings-fixture';

const CANARY = 'canary-token-7f3a9c1e5b2d4086';

/** Records every IPC output and push event of a core. */
function recordOutputs(core: Core) {
  const outputs: string[] = [];
  const dispatch = core.dispatch;
  const call = async (channel: string, input?: unknown) => {
    const r = await dispatch(channel, input, { via: 'test' });
    outputs.push(JSON.stringify(r));
    return r;
  };
  core.events.subscribe((event, payload) => outputs.push(JSON.stringify({ event, payload })));
  return { outputs, call };
}

describe('connection (personal token, test, canary)', () => {
  let f: SettingsFixture;
  let rec: ReturnType<typeof recordOutputs>;
  beforeAll(async () => {
    f = await startSettingsFixture({ token: CANARY });
    rec = recordOutputs(f.t.core);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('state after init: 認証済 with a personal token; 接続テスト makes exactly one API call', async () => {
    const st = await rec.call('connection:state', { settingId: f.settingId });
    expect(st).toMatchObject({ ok: true, value: { status: '認証済', method: 'personal_token', expiresAt: null } });
    const before = f.sim.requestCount();
    const test = await rec.call('connection:test', { settingId: f.settingId });
    expect(test.ok).toBe(true);
    expect(test.ok && test.value).toMatchObject({ ok: true, ordersTotal: 60 });
    expect(f.sim.requestCount() - before).toBe(1);
  });

  it('logout → 未認証, and 接続テスト then fails with NOT_CONNECTED', async () => {
    expect(await rec.call('connection:logout', { settingId: f.settingId })).toMatchObject({ ok: true, value: { status: '未認証' } });
    const r = await rec.call('connection:test', { settingId: f.settingId });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('a wrong pasted token is saved but 接続テスト answers BCART_UNAUTHORIZED; the right one works again', async () => {
    await rec.call('connection:savePersonalToken', { settingId: f.settingId, token: 'wrong-token' });
    expect(await rec.call('connection:test', { settingId: f.settingId })).toMatchObject({ ok: false, error: { code: 'BCART_UNAUTHORIZED' } });
    const saved = await rec.call('connection:savePersonalToken', { settingId: f.settingId, token: ` ${CANARY}\n` });
    expect(saved).toMatchObject({ ok: true, value: { status: '認証済' } });
    expect((await rec.call('connection:test', { settingId: f.settingId })).ok).toBe(true);
    expect(await rec.call('connection:savePersonalToken', { settingId: f.settingId, token: 'a b' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('canary: the token is in no IPC output, push event, log line or database file', async () => {
    await rec.call('productLinks:fetchBcart', { settingId: f.settingId });
    await rec.call('settings:list', {});
    await rec.call('paymentRules:list', { settingId: f.settingId });
    expect(rec.outputs.length).toBeGreaterThan(8);
    for (const o of rec.outputs) expect(o).not.toContain(CANARY);
    for (const l of f.t.logger.lines) expect(JSON.stringify(l)).not.toContain(CANARY);
    f.t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const name of readdirSync(f.t.dataDir)) {
      if (!name.startsWith('bcart-desk.sqlite3')) continue;
      expect(readFileSync(join(f.t.dataDir, name)).includes(Buffer.from(CANARY)), name).toBe(false);
    }
  });
});

describe('connection (OAuth login through the system browser)', () => {
  let f: SettingsFixture;
  const opened: string[] = [];
  beforeAll(async () => {
    f = await startSettingsFixture({
      core: {
        // the "system browser": performs the GET on the authorize URL and follows the 302 to the loopback listener
        openExternal: async (url) => {
          opened.push(url);
          void fetch(url).then((r) => r.text()).catch(() => undefined);
        },
      },
    });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('login returns a run id at once; connection:changed brings 認証済 with expiry and scopes; the API then works', async () => {
    const id = f.settingId;
    await f.t.call('connection:logout', { settingId: id });
    const s = await f.t.call<Record<string, unknown>>('settings:get', { id });
    const { id: _i, createdAt: _c, updatedAt: _u, ...values } = s;
    await f.t.call('settings:update', { id, values: { ...values, oauthAuthorizeUrl: `${f.sim.origin}/oauth/authorize`, oauthTokenUrl: `${f.sim.origin}/oauth/token`, oauthClientId: 'desk-test' } });

    const changed = new Promise<Record<string, unknown>>((resolve) => {
      const off = f.t.core.events.subscribe((event, payload) => {
        if (event === 'connection:changed' && (payload as { runId: string | null }).runId !== null) {
          off();
          resolve(payload as Record<string, unknown>);
        }
      });
    });
    const { runId } = await f.t.call<{ runId: string }>('connection:login', { settingId: id });
    expect(runId).toMatch(/[0-9a-f-]{36}/);
    const event = await changed;
    expect(event).toMatchObject({ settingId: id, runId, ok: true, error: null, state: { status: '認証済', method: 'oauth' } });
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(url.searchParams.get('client_id')).toBe('desk-test');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const st = await f.t.call<{ status: string; expiresAt: string | null; scopes: string[] }>('connection:state', { settingId: id });
    expect(st.status).toBe('認証済');
    expect(st.expiresAt).toMatch(/\+09:00$/);
    expect(st.scopes).toContain('orders-read');
    await expect(f.t.call('connection:test', { settingId: id })).resolves.toMatchObject({ ok: true });

    // canary for the OAuth tokens too: neither the access nor the refresh token is in a log line or the DB
    const store = f.t.core.options.tokenStore;
    const secrets = [await store.get(`bcart:${id}:access_token`), await store.get(`bcart:${id}:refresh_token`)];
    expect(secrets.every((x) => typeof x === 'string' && x.length > 10)).toBe(true);
    f.t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const db = readFileSync(join(f.t.dataDir, 'bcart-desk.sqlite3'));
    const logs = JSON.stringify(f.t.logger.lines);
    for (const secret of secrets as string[]) {
      expect(logs).not.toContain(secret);
      expect(db.includes(Buffer.from(secret))).toBe(false);
      expect(JSON.stringify(event)).not.toContain(secret);
    }
  }, 20_000);

  it('a failed login (browser cannot open) arrives as connection:changed with the Japanese error', async () => {
    const f2 = await startSettingsFixture({ core: { openExternal: async () => { throw new Error('no browser'); } }, orders: 5 });
    try {
      const done = new Promise<Record<string, unknown>>((resolve) => f2.t.core.events.subscribe((e, p) => e === 'connection:changed' && resolve(p as Record<string, unknown>)));
      await f2.t.call('connection:login', { settingId: f2.settingId });
      expect(await done).toMatchObject({ ok: false, state: null, error: { code: 'OAUTH_FAILED' } });
    } finally {
      await f2.close();
    }
  });
});
