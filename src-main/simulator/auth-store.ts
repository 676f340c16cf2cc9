/**
 * Who may call the simulated API. Three kinds of bearer token:
 * - the primary token (like a personal access token with every scope; also guards /__admin),
 * - tokens registered by tests with a limited scope list (→ 403 when a scope is missing),
 * - access tokens issued by the OAuth endpoints (expire after `accessTokenTtlSeconds` on the clock).
 * Refresh tokens rotate: each use issues a new pair and invalidates the old refresh token.
 * `revokeAllTokens()` makes every token fail (401 on the API, invalid_grant on refresh) for 要再認証 tests.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Scopes an app can hold (docs/bcart-api.md#authentication-and-scopes). */
export const ALL_SCOPES = [
  ...['orders', 'order_products', 'logistics', 'products', 'product_sets', 'product_stock', 'customers'].flatMap((r) => [
    `${r}-read`,
    `${r}-write`,
  ]),
  ...['other_addresses', 'bookmarks', 'product_features', 'points', 'categories', 'order_statuses', 'webhooks'].flatMap((r) => [
    `${r}-read`,
    `${r}-write`,
  ]),
  'product_customs-read',
  'product_set_customs-read',
  'customer_customs-read',
  'order_customs-read',
  'product_set_options-read',
  'price_groups-read',
  'view_groups-read',
  'shipping_groups-read',
  'user-read',
  'estimates-read',
  'estimate_products-read',
] as readonly string[];

interface TokenRecord {
  /** null = every scope */
  scopes: string[] | null;
  /** epoch ms; null = never */
  expiresAt: number | null;
  kind: 'primary' | 'registered' | 'oauth';
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string;
  expiresAt: number;
}

interface RefreshRecord {
  clientId: string;
  scopes: string[];
}

export type AuthCheck = { ok: true } | { ok: false; status: 401 | 403; field: string; message: string };

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export type OAuthResult = { ok: true; body: TokenResponse } | { ok: false; status: number; error: string; description: string };

function newToken(): string {
  return `sim_${randomBytes(24).toString('base64url')}`; // never starts with '-'
}

/** base64url(SHA-256(verifier)), RFC 7636 §4.6 */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export class AuthStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  /** access-token lifetime for OAuth-issued tokens */
  accessTokenTtlSeconds = 3600;
  /** when set, /oauth/authorize and /oauth/token require this client_id */
  clientId: string | null = null;
  /** when set, /oauth/token requires this client_secret (body or HTTP Basic) */
  clientSecret: string | null = null;
  /** when true, /oauth/authorize redirects back with error=access_denied (the user said no) */
  denyConsent = false;
  /** while true, the primary token is refused on the API too (admin still accepts it) */
  primaryRevoked = false;

  constructor(
    private readonly clock: { now(): number },
    readonly primaryToken: string,
  ) {
    this.tokens.set(primaryToken, { scopes: null, expiresAt: null, kind: 'primary' });
  }

  /** Registers an extra bearer token, optionally with limited scopes and a lifetime. */
  registerToken(token: string, opts: { scopes?: string[]; expiresInSeconds?: number } = {}): void {
    this.tokens.set(token, {
      scopes: opts.scopes ?? null,
      expiresAt: opts.expiresInSeconds === undefined ? null : this.clock.now() + opts.expiresInSeconds * 1000,
      kind: 'registered',
    });
  }

  /** Invalidates every access and refresh token (the primary one too unless keepPrimary). */
  revokeAllTokens(opts: { keepPrimary?: boolean } = {}): void {
    for (const [t, rec] of this.tokens) if (rec.kind !== 'primary') this.tokens.delete(t);
    this.refreshTokens.clear();
    this.codes.clear();
    if (!opts.keepPrimary) this.primaryRevoked = true;
  }

  /** True when the header carries the primary token (admin access, independent of revocation). */
  isPrimary(authorization: string | undefined): boolean {
    return bearerOf(authorization) === this.primaryToken;
  }

  /** Checks a request's Authorization header against a required scope. */
  check(authorization: string | undefined, scope: string): AuthCheck {
    const token = bearerOf(authorization);
    if (token === null) return { ok: false, status: 401, field: 'token', message: 'アクセストークンが指定されていません。' };
    const rec = this.tokens.get(token);
    if (!rec || (rec.kind === 'primary' && this.primaryRevoked)) {
      return { ok: false, status: 401, field: 'token', message: 'アクセストークンが無効です。' };
    }
    if (rec.expiresAt !== null && this.clock.now() >= rec.expiresAt) {
      return { ok: false, status: 401, field: 'token', message: 'アクセストークンの有効期限が切れています。' };
    }
    if (rec.scopes !== null && !rec.scopes.includes(scope)) {
      return { ok: false, status: 403, field: 'scope', message: `このトークンには ${scope} の権限がありません。` };
    }
    return { ok: true };
  }

  /** Issues a single-use authorization code (valid 10 minutes). */
  createCode(rec: Omit<CodeRecord, 'expiresAt'>): string {
    const code = newToken();
    this.codes.set(code, { ...rec, expiresAt: this.clock.now() + 600_000 });
    return code;
  }

  /** grant_type=authorization_code with PKCE S256 verification. */
  exchangeCode(p: { code: string; clientId: string; redirectUri: string; codeVerifier: string }): OAuthResult {
    const rec = this.codes.get(p.code);
    this.codes.delete(p.code); // single use, even when the attempt fails
    if (!rec) return grantError('認可コードが無効か、既に使用されています。');
    if (this.clock.now() >= rec.expiresAt) return grantError('認可コードの有効期限が切れています。');
    if (rec.clientId !== p.clientId) return grantError('client_id が認可リクエストと一致しません。');
    if (rec.redirectUri !== p.redirectUri) return grantError('redirect_uri が認可リクエストと一致しません。');
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(p.codeVerifier) || s256(p.codeVerifier) !== rec.codeChallenge) {
      return grantError('code_verifier が code_challenge と一致しません。');
    }
    return { ok: true, body: this.issue(rec.clientId, rec.scopes) };
  }

  /** grant_type=refresh_token: rotates the refresh token. */
  refresh(p: { refreshToken: string; clientId: string | null }): OAuthResult {
    const rec = this.refreshTokens.get(p.refreshToken);
    if (!rec) return grantError('リフレッシュトークンが無効です。再認証してください。');
    if (p.clientId !== null && p.clientId !== rec.clientId) return grantError('client_id が一致しません。');
    this.refreshTokens.delete(p.refreshToken);
    return { ok: true, body: this.issue(rec.clientId, rec.scopes) };
  }

  private issue(clientId: string, scopes: string[]): TokenResponse {
    const access = newToken();
    const refresh = newToken();
    this.tokens.set(access, {
      scopes,
      expiresAt: this.clock.now() + this.accessTokenTtlSeconds * 1000,
      kind: 'oauth',
    });
    this.refreshTokens.set(refresh, { clientId, scopes });
    return {
      access_token: access,
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: this.accessTokenTtlSeconds,
      scope: scopes.join(' '),
    };
  }
}

function grantError(description: string): OAuthResult {
  return { ok: false, status: 400, error: 'invalid_grant', description };
}

function bearerOf(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m ? m[1]! : null;
}
