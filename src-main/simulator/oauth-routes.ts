/**
 * OAuth 2.0 authorization-code grant with PKCE (RFC 6749, RFC 7636), shaped like a Laravel
 * Passport server (docs/bcart-api.md#authentication-and-scopes guesses BCart uses one). The "consent screen" approves at
 * once: GET /oauth/authorize answers 302 to the loopback redirect_uri with code and state.
 * redirect_uri must be http://127.0.0.1:<any port>/… or http://[::1]:<port>/… (RFC 8252 §7.3).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ALL_SCOPES, type AuthStore } from './auth-store';
import { json, type SimResponse } from './sim-response';

function oauthError(status: number, error: string, description: string): SimResponse {
  return json(status, { error, error_description: description });
}

function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]') && u.hash === '';
  } catch {
    return false;
  }
}

/** GET /oauth/authorize */
export function authorize(auth: AuthStore, q: URLSearchParams): SimResponse {
  const redirectUri = q.get('redirect_uri') ?? '';
  const clientId = q.get('client_id') ?? '';
  // errors about the client or the redirect target are shown, never redirected (RFC 6749 §4.1.2.1)
  if (!isLoopbackRedirect(redirectUri)) {
    return oauthError(400, 'invalid_request', 'redirect_uri は http://127.0.0.1:<port>/… のループバックアドレスを指定してください。');
  }
  if (clientId === '' || (auth.clientId !== null && clientId !== auth.clientId)) {
    return oauthError(400, 'invalid_client', 'client_id が登録されていません。');
  }
  const state = q.get('state');
  const back = (params: Record<string, string>): SimResponse => {
    const u = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    if (state !== null) u.searchParams.set('state', state);
    return { status: 302, headers: { location: u.toString(), 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  };
  if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
  const challenge = q.get('code_challenge') ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge) || q.get('code_challenge_method') !== 'S256') {
    return back({ error: 'invalid_request', error_description: 'PKCE (code_challenge_method=S256) is required' });
  }
  const requested = (q.get('scope') ?? '').split(/[\s+]+/).filter((s) => s !== '');
  const known = new Set<string>(ALL_SCOPES);
  if (requested.some((s) => !known.has(s))) return back({ error: 'invalid_scope' });
  if (auth.denyConsent) return back({ error: 'access_denied' });
  const scopes = requested.length > 0 ? requested : [...ALL_SCOPES];
  const code = auth.createCode({ clientId, redirectUri, scopes, codeChallenge: challenge });
  return back({ code });
}

function basicCredentials(headers: IncomingHttpHeaders): { id: string; secret: string } | null {
  const h = headers.authorization;
  const m = h ? /^Basic\s+(\S+)$/i.exec(h) : null;
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/** Reads the token request body: form-urlencoded (standard) or JSON. */
export function parseTokenBody(contentType: string | undefined, raw: string): URLSearchParams | null {
  if ((contentType ?? '').includes('application/json')) {
    try {
      const obj = JSON.parse(raw) as unknown;
      if (typeof obj !== 'object' || obj === null) return null;
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(obj)) if (typeof v === 'string') p.set(k, v);
      return p;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(raw);
}

/** POST /oauth/token */
export function token(auth: AuthStore, headers: IncomingHttpHeaders, body: URLSearchParams | null): SimResponse {
  if (!body) return oauthError(400, 'invalid_request', 'リクエストの形式が不正です。');
  const basic = basicCredentials(headers);
  const clientId = basic?.id ?? body.get('client_id');
  const secret = basic?.secret ?? body.get('client_secret');
  if (auth.clientSecret !== null && secret !== auth.clientSecret) {
    return oauthError(401, 'invalid_client', 'クライアント認証に失敗しました。');
  }
  if (auth.clientId !== null && clientId !== null && clientId !== auth.clientId) {
    return oauthError(401, 'invalid_client', 'client_id が登録されていません。');
  }
  const grant = body.get('grant_type');
  const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
  if (grant === 'authorization_code') {
    const code = body.get('code');
    const redirectUri = body.get('redirect_uri');
    const verifier = body.get('code_verifier');
    if (!code || !redirectUri || !verifier || !clientId) {
      return oauthError(400, 'invalid_request', 'code, redirect_uri, client_id, code_verifier が必要です。');
    }
    const r = auth.exchangeCode({ code, clientId, redirectUri, codeVerifier: verifier });
    return r.ok ? json(200, r.body, noStore) : oauthError(r.status, r.error, r.description);
  }
  if (grant === 'refresh_token') {
    const refresh = body.get('refresh_token');
    if (!refresh) return oauthError(400, 'invalid_request', 'refresh_token が必要です。');
    const r = auth.refresh({ refreshToken: refresh, clientId });
    return r.ok ? json(200, r.body, noStore) : oauthError(r.status, r.error, r.description);
  }
  return oauthError(400, 'unsupported_grant_type', `grant_type ${grant ?? ''} には対応していません。`);
}
