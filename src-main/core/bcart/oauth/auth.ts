/**
 * BCart credentials for one shop: OAuth login (RFC 8252: system browser, loopback redirect, PKCE S256,
 * fresh state) or a pasted personal access token, stored only through the TokenStore port.
 *
 * getAccessToken() refreshes an OAuth token shortly before it expires, with a single flight: however
 * many calls arrive at once, one refresh request goes out and everyone awaits it. A rejected refresh
 * token (invalid_grant) puts the shop into 要再認証 and every later call fails fast with
 * REAUTH_REQUIRED until the user logs in again — no retry loop against the token endpoint.
 *
 * Tokens are bound to the servers they were issued for: the stored metadata records the origin of
 * the API and of the token endpoint. When the settings now point elsewhere, the tokens are deleted
 * before anything could send them there and the shop is 要再認証 (a changed API URL would otherwise
 * receive the Bearer token, a changed token URL the refresh token). No token is released for a URL
 * outside api-url-policy.ts either (a row written before that rule, or by hand).
 */
import { AppError } from '../../../../src-shared/errors';
import { toJstIso } from '../../../../src-shared/domain/jst-date';
import { isAllowedApiUrl, urlOrigin } from '../../../../src-shared/ec-settings/api-url-policy';
import type { Clock, Fetch, Logger, OpenExternal, Timers, TokenStore } from '../../ports';
import { scopesFromJwt } from '../jwt-scopes';
import { OAUTH_REFRESH_SKEW_MS } from './defaults';
import { startLoopbackListener } from './loopback-listener';
import { createPkcePair, createState } from './pkce';
import { exchangeCode, refreshTokens, type TokenSet } from './token-endpoint';

export interface BcartOAuthSettings {
  /** the API the access token is sent to (its origin is recorded with the tokens) */
  apiBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  scopes: string[];
}

export type AuthStatus = '未認証' | '認証済' | '要再認証';
export type AuthMethod = 'oauth' | 'personal_token';

export interface AuthState {
  status: AuthStatus;
  /** ISO-8601 (+09:00) expiry of the access token, null when unknown / not applicable */
  expiresAt: string | null;
  scopes: string[];
  method: AuthMethod | null;
}

export interface BcartAuthOptions {
  settings: BcartOAuthSettings;
  tokenStore: TokenStore;
  fetch: Fetch;
  clock: Clock;
  openExternal: OpenExternal;
  logger: Logger;
  /** namespace of this shop's keys in the TokenStore, e.g. "bcart:1" */
  keyPrefix: string;
  /** developer setting: https hosts besides bcart.jp tokens may be sent to (api-url-policy.ts) */
  extraApiHosts?: readonly string[];
  /** loopback listener wait (default 5 min) and its timers */
  listenerTimeoutMs?: number;
  timers?: Timers;
  callbackPath?: string;
}

export interface BcartAuth {
  /** Runs the browser login; resolves with the new state. */
  login(): Promise<AuthState>;
  /** Stores a personal access token (private app) instead of OAuth. */
  savePersonalToken(token: string): Promise<AuthState>;
  /** A valid access token, refreshed when it expires within 60 s. */
  getAccessToken(): Promise<string>;
  /**
   * For the client's onUnauthorized: refreshes once (shared with concurrent callers); true when a new
   * token is available, false for a personal token (nothing to refresh).
   */
  refreshNow(): Promise<boolean>;
  state(): Promise<AuthState>;
  logout(): Promise<void>;
}

/** Non-secret metadata kept next to the tokens. */
interface AuthMeta {
  method: AuthMethod;
  expiresAt: number | null;
  scopes: string[];
  needsReauth: boolean;
  /** origins the tokens were issued for; absent in metadata written before tokens were bound */
  apiOrigin?: string;
  tokenOrigin?: string;
  /** why needsReauth is set, when the message should say more than "expired" */
  reauthReason?: 'origin_changed';
}

interface Loaded {
  meta: AuthMeta;
  /** null once deleted because the settings moved to another origin (meta says 要再認証) */
  access: string | null;
  refresh: string | null;
}

function notConnected(): AppError {
  return new AppError(
    'NOT_CONNECTED',
    'Bカートに接続されていません。EC連携設定の「ECサイト認証」でログインするか、アクセストークンを登録してください。',
    { retryable: false },
  );
}

function reauthRequired(meta?: AuthMeta): AppError {
  if (meta?.reauthReason === 'origin_changed') {
    return new AppError(
      'REAUTH_REQUIRED',
      'EC連携設定のURLが別のサーバーに変更されたため、保存していたBカートの認証情報を削除しました。EC連携設定の「ECサイト認証」でログインし直すか、アクセストークンを登録し直してください。',
      { details: { reason: 'origin_changed' }, retryable: false },
    );
  }
  return new AppError(
    'REAUTH_REQUIRED',
    'Bカートのログイン状態の有効期限が切れました。EC連携設定の「ECサイト認証」からもう一度ログインしてください。',
    { retryable: false },
  );
}

/** The settings fields a URL comes from, with their screen labels. */
const URL_FIELDS = { apiBaseUrl: 'APIのURL', oauthAuthorizeUrl: '認証URL', oauthTokenUrl: 'トークンURL' } as const;

function urlRefused(path: keyof typeof URL_FIELDS, url: string): AppError {
  const label = URL_FIELDS[path];
  return new AppError(
    'SETTINGS_INVALID',
    `EC連携設定の${label} (${urlOrigin(url) ?? url.slice(0, 80)}) はBカートのURLではないため、認証情報を送信しませんでした。EC連携設定で${label}を https://api.bcart.jp で始まるURLに直して保存してください。`,
    { fields: [{ path, message: `${label}はBカート (bcart.jp) のURLにしてください。` }], retryable: false },
  );
}

/** Creates the credential manager of one BCart shop. */
export function createBcartAuth(opts: BcartAuthOptions): BcartAuth {
  const keys = {
    access: `${opts.keyPrefix}:access_token`,
    refresh: `${opts.keyPrefix}:refresh_token`,
    meta: `${opts.keyPrefix}:meta`,
  };
  const log = opts.logger.child('bcart-auth');
  const extraHosts = opts.extraApiHosts ?? [];
  /** where this instance's settings send the tokens */
  const bound = { apiOrigin: urlOrigin(opts.settings.apiBaseUrl) ?? '', tokenOrigin: urlOrigin(opts.settings.tokenUrl) ?? '' };
  let cache: Loaded | null | undefined; // undefined = not read yet
  let inflight: Promise<string> | null = null;
  let lastRefreshAt = -Infinity;

  async function load(): Promise<Loaded | null> {
    if (cache !== undefined) return cache;
    const [metaRaw, access, refresh] = await Promise.all([
      opts.tokenStore.get(keys.meta),
      opts.tokenStore.get(keys.access),
      opts.tokenStore.get(keys.refresh),
    ]);
    let meta: AuthMeta | null = null;
    try {
      meta = metaRaw ? (JSON.parse(metaRaw) as AuthMeta) : null;
    } catch {
      meta = null;
    }
    if (!meta || (!access && !meta.needsReauth)) return (cache = null);
    if (meta.apiOrigin === undefined) {
      // written before tokens were bound: they were used with these settings, so bind them to them
      meta = { ...meta, ...bound };
      await opts.tokenStore.set(keys.meta, JSON.stringify(meta));
    } else if (meta.apiOrigin !== bound.apiOrigin || meta.tokenOrigin !== bound.tokenOrigin) {
      return (cache = await unbind(meta));
    }
    return (cache = { meta, access, refresh });
  }

  /** The settings now point to another server: the tokens go, the shop is 要再認証. */
  async function unbind(old: AuthMeta): Promise<Loaded> {
    await opts.tokenStore.delete(keys.access);
    await opts.tokenStore.delete(keys.refresh);
    const meta: AuthMeta = { method: old.method, expiresAt: null, scopes: [], needsReauth: true, reauthReason: 'origin_changed', ...bound };
    await opts.tokenStore.set(keys.meta, JSON.stringify(meta));
    log.warn('bcart tokens deleted: settings point to another server', { apiFrom: old.apiOrigin, apiTo: bound.apiOrigin, endpointFrom: old.tokenOrigin, endpointTo: bound.tokenOrigin });
    return { meta, access: null, refresh: null };
  }

  async function save(loaded: Loaded & { access: string }): Promise<void> {
    await opts.tokenStore.set(keys.access, loaded.access);
    if (loaded.refresh) await opts.tokenStore.set(keys.refresh, loaded.refresh);
    else await opts.tokenStore.delete(keys.refresh);
    const meta: AuthMeta = { ...loaded.meta, ...bound };
    await opts.tokenStore.set(keys.meta, JSON.stringify(meta));
    cache = { ...loaded, meta };
  }

  /** Marks the stored tokens 要再認証 (kept, e.g. for the message; never sent again). */
  async function markReauth(cur: Loaded): Promise<void> {
    const meta: AuthMeta = { ...cur.meta, needsReauth: true };
    await opts.tokenStore.set(keys.meta, JSON.stringify(meta));
    cache = { ...cur, meta };
  }

  async function saveTokens(t: TokenSet): Promise<void> {
    await save({
      access: t.accessToken,
      refresh: t.refreshToken,
      meta: { method: 'oauth', expiresAt: t.expiresAt, scopes: t.scopes, needsReauth: false },
    });
  }

  function assertAllowed(path: keyof typeof URL_FIELDS, url: string): void {
    if (!isAllowedApiUrl(url, extraHosts)) throw urlRefused(path, url);
  }

  const endpoint = () => ({
    tokenUrl: opts.settings.tokenUrl,
    clientId: opts.settings.clientId,
    clientSecret: opts.settings.clientSecret,
    fetch: opts.fetch,
    clock: opts.clock,
  });

  function refreshOnce(): Promise<string> {
    if (inflight) return inflight;
    inflight = (async () => {
      const cur = await load();
      if (!cur) throw notConnected();
      if (cur.meta.needsReauth) throw reauthRequired(cur.meta);
      if (!cur.refresh) {
        await markReauth(cur);
        throw reauthRequired();
      }
      assertAllowed('oauthTokenUrl', opts.settings.tokenUrl);
      try {
        const t = await refreshTokens({ ...endpoint(), refreshToken: cur.refresh, scopes: cur.meta.scopes });
        await saveTokens(t);
        lastRefreshAt = opts.clock.now();
        log.info('bcart token refreshed', { expiresAt: t.expiresAt });
        return t.accessToken;
      } catch (err) {
        if (err instanceof AppError && err.code === 'REAUTH_REQUIRED') {
          await markReauth(cur);
          log.warn('bcart refresh token rejected; re-login required');
        }
        throw err;
      }
    })().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  async function state(): Promise<AuthState> {
    const cur = await load();
    if (!cur) return { status: '未認証', expiresAt: null, scopes: [], method: null };
    const expired = cur.meta.method === 'oauth' && cur.meta.expiresAt !== null && cur.meta.expiresAt <= opts.clock.now() && !cur.refresh;
    return {
      status: cur.meta.needsReauth || expired ? '要再認証' : '認証済',
      expiresAt: cur.meta.expiresAt === null ? null : toJstIso(cur.meta.expiresAt),
      scopes: cur.meta.scopes,
      method: cur.meta.method,
    };
  }

  return {
    async login() {
      const s = opts.settings;
      assertAllowed('oauthAuthorizeUrl', s.authorizeUrl);
      assertAllowed('oauthTokenUrl', s.tokenUrl);
      const pkce = createPkcePair();
      const expectedState = createState();
      const listener = await startLoopbackListener({
        expectedState,
        timeoutMs: opts.listenerTimeoutMs,
        timers: opts.timers,
        callbackPath: opts.callbackPath,
      });
      try {
        const url = new URL(s.authorizeUrl);
        url.searchParams.set('response_type', 'code');
        url.searchParams.set('client_id', s.clientId);
        url.searchParams.set('redirect_uri', listener.redirectUri);
        url.searchParams.set('scope', s.scopes.join(' '));
        url.searchParams.set('state', expectedState);
        url.searchParams.set('code_challenge', pkce.challenge);
        url.searchParams.set('code_challenge_method', 'S256');
        try {
          await opts.openExternal(url.toString());
        } catch (err) {
          throw new AppError(
            'OAUTH_FAILED',
            'ブラウザでBカートのログイン画面を開けませんでした。EC連携設定の認証URLを確認して、もう一度「ECサイト認証」を実行してください。',
            { details: { reason: 'open_external' }, retryable: false, cause: err },
          );
        }
        const { code } = await listener.result;
        const tokens = await exchangeCode({ ...endpoint(), code, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier, scopes: s.scopes });
        await saveTokens(tokens);
        log.info('bcart oauth login completed', { scopes: tokens.scopes, expiresAt: tokens.expiresAt });
        return state();
      } finally {
        await listener.close();
      }
    },
    async savePersonalToken(token) {
      const t = token.trim();
      if (t === '' || /\s/.test(t)) {
        throw new AppError('VALIDATION', 'アクセストークンが正しくありません。Bカートで発行したトークンを空白や改行を含めずに貼り付けてください。', {
          fields: [{ path: 'token', message: 'トークンを貼り付けてください。' }],
        });
      }
      // a PAT's exp claim is not enforced by BCart (docs/bcart-api.md#authentication-and-scopes), so no expiry is tracked
      await save({ access: t, refresh: null, meta: { method: 'personal_token', expiresAt: null, scopes: scopesFromJwt(t) ?? [], needsReauth: false } });
      log.info('bcart personal access token saved');
      return state();
    },
    async getAccessToken() {
      const cur = await load();
      if (!cur) throw notConnected();
      if (cur.meta.needsReauth || cur.access === null) throw reauthRequired(cur.meta);
      assertAllowed('apiBaseUrl', opts.settings.apiBaseUrl);
      if (cur.meta.method === 'personal_token') return cur.access;
      if (cur.meta.expiresAt !== null && cur.meta.expiresAt - opts.clock.now() <= OAUTH_REFRESH_SKEW_MS) return refreshOnce();
      return cur.access;
    },
    async refreshNow() {
      const cur = await load();
      if (!cur || cur.meta.method !== 'oauth') return false;
      if (cur.meta.needsReauth) throw reauthRequired(cur.meta);
      if (inflight) {
        await inflight;
        return true;
      }
      // several requests that failed with the same old token share the refresh that just happened
      if (opts.clock.now() - lastRefreshAt < 5_000) return true;
      await refreshOnce();
      return true;
    },
    state,
    async logout() {
      await Promise.all([opts.tokenStore.delete(keys.access), opts.tokenStore.delete(keys.refresh), opts.tokenStore.delete(keys.meta)]);
      cache = null;
      log.info('bcart logged out');
    },
  };
}
