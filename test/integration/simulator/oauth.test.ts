/** OAuth 2.0 code + PKCE S256, refresh rotation, invalid_grant, expiry by the clock, revocation. */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let now = Date.parse('2025-05-01T03:00:00Z');
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mode: 'test', orders: 3, rateLimit: false, clock: { now: () => now }, accessTokenTtlSeconds: 600 });
});
afterAll(() => sim.close());

const REDIRECT = 'http://127.0.0.1:53682/callback';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(challenge: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'bcart-desk',
    redirect_uri: REDIRECT,
    scope: 'orders-read product_sets-write',
    state: 'st-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  const r = await fetch(`${sim.origin}/oauth/authorize?${q}`, { redirect: 'manual' });
  return { status: r.status, location: r.headers.get('location'), body: await r.text() };
}

async function token(form: Record<string, string>) {
  const r = await fetch(`${sim.origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function codeFlow() {
  const { verifier, challenge } = pkce();
  const a = await authorize(challenge);
  const loc = new URL(a.location!);
  return { verifier, code: loc.searchParams.get('code')! };
}

describe('OAuth', () => {
  it('authorize redirects to the loopback URI with code and state; the code exchanges once with the right verifier', async () => {
    const { verifier, challenge } = pkce();
    const a = await authorize(challenge);
    expect(a.status).toBe(302);
    const loc = new URL(a.location!);
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
    expect(loc.searchParams.get('state')).toBe('st-123');
    const code = loc.searchParams.get('code')!;
    const t = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'bcart-desk',
      code_verifier: verifier,
    });
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'orders-read product_sets-write' });
    const access = t.body.access_token as string;
    expect((await call(sim, '/orders?limit=1', { token: access })).status).toBe(200);
    expect((await call(sim, '/customers', { token: access })).status).toBe(403);
    const again = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'bcart-desk',
      code_verifier: verifier,
    });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('a wrong verifier, client_id or redirect_uri is invalid_grant (and burns the code)', async () => {
    for (const wrong of [{ code_verifier: pkce().verifier }, { client_id: 'other' }, { redirect_uri: 'http://127.0.0.1:1/other' }]) {
      const { verifier, code } = await codeFlow();
      const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'bcart-desk', code_verifier: verifier };
      const r = await token({ ...base, ...wrong });
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('invalid_grant');
      expect((await token(base)).status).toBe(400);
    }
  });

  it('refresh rotates the pair; the old refresh token is invalid_grant', async () => {
    const { verifier, code } = await codeFlow();
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'bcart-desk',
      code_verifier: verifier,
    });
    const r1 = first.body.refresh_token as string;
    const second = await token({ grant_type: 'refresh_token', refresh_token: r1, client_id: 'bcart-desk' });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(r1);
    expect(second.body.access_token).not.toBe(first.body.access_token);
    expect(await token({ grant_type: 'refresh_token', refresh_token: r1 })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
  });

  it('access tokens expire by the clock; revokeAllTokens forces 要再認証', async () => {
    const { verifier, code } = await codeFlow();
    const t = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'bcart-desk',
      code_verifier: verifier,
    });
    const access = t.body.access_token as string;
    now += 599_000;
    expect((await call(sim, '/orders?limit=1', { token: access })).status).toBe(200);
    now += 1_000;
    const expired = await call(sim, '/orders?limit=1', { token: access });
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].token).toMatch(/有効期限/);
    const fresh = await token({ grant_type: 'refresh_token', refresh_token: t.body.refresh_token as string });
    expect((await call(sim, '/orders?limit=1', { token: fresh.body.access_token as string })).status).toBe(200);
    sim.state.auth.revokeAllTokens({ keepPrimary: true });
    expect((await call(sim, '/orders?limit=1', { token: fresh.body.access_token as string })).status).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: fresh.body.refresh_token as string })).body.error).toBe(
      'invalid_grant',
    );
    expect((await call(sim, '/orders?limit=1')).status).toBe(200);
  });

  it('fault switches also reach the token endpoint when their path says so', async () => {
    sim.faults.set([{ kind: 'http-error', status: 503, path: '/oauth/token' }]);
    const r = await fetch(`${sim.origin}/oauth/token`, { method: 'POST', body: 'grant_type=refresh_token&refresh_token=x' });
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    await r.text();
    expect((await token({ grant_type: 'refresh_token', refresh_token: 'x' })).body.error).toBe('invalid_grant');
    sim.faults.clear();
  });

  it('refuses non-loopback redirect URIs, missing PKCE and denied consent', async () => {
    const { challenge } = pkce();
    const evil = await authorize(challenge, { redirect_uri: 'https://evil.example/cb' });
    expect(evil.status).toBe(400);
    expect(evil.location).toBeNull();
    const plain = await authorize(challenge, { code_challenge_method: 'plain' });
    expect(new URL(plain.location!).searchParams.get('error')).toBe('invalid_request');
    const badScope = await authorize(challenge, { scope: 'everything' });
    expect(new URL(badScope.location!).searchParams.get('error')).toBe('invalid_scope');
    sim.state.auth.denyConsent = true;
    const denied = await authorize(challenge);
    expect(new URL(denied.location!).searchParams.get('error')).toBe('access_denied');
    expect(new URL(denied.location!).searchParams.get('state')).toBe('st-123');
    sim.state.auth.denyConsent = false;
  });
});
