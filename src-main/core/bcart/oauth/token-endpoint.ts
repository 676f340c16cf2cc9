/**
 * The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and RFC 6749 §6): form-urlencoded POSTs that exchange an
 * authorization code (with the PKCE verifier) or a refresh token for tokens. `invalid_grant` means the
 * refresh token is dead: the caller must log in again (REAUTH_REQUIRED), never retry in a loop.
 * Tokens appear in request bodies only — never in URLs, logs or error details.
 */
import { AppError } from '../../../../src-shared/errors';
import { failureKind, isRedirectRefused } from '../../errors/classify-error';
import { BodyTooLargeError, formatBytes, jsonNestingExceeds, MAX_ERROR_JSON_DEPTH, MAX_TOKEN_RESPONSE_BYTES, readCappedText } from '../../http/bounded-response';
import type { Clock, Fetch } from '../../ports';

export interface TokenEndpointOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  fetch: Fetch;
  clock: Clock;
  timeoutMs?: number;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** epoch ms, null when the server gave no expires_in */
  expiresAt: number | null;
  scopes: string[];
}

async function post(opts: TokenEndpointOptions, params: Record<string, string>, requestedScopes: string[]): Promise<TokenSet> {
  const form = new URLSearchParams({ ...params, client_id: opts.clientId });
  if (opts.clientSecret) form.set('client_secret', opts.clientSecret);
  let res: Response;
  let text: string;
  try {
    res = await opts.fetch(opts.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      // a redirect would resend the code / refresh token (307/308 keep the body) to another server
      redirect: 'error',
    });
    text = await readCappedText(res, MAX_TOKEN_RESPONSE_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      throw new AppError(
        'OAUTH_FAILED',
        `Bカートの認証サーバーからの応答が大きすぎるため (上限 ${formatBytes(err.limitBytes)})、読み込みを中止しました。EC連携設定のトークンURLが正しいか確認してください。`,
        { details: { grant: params['grant_type'], reason: 'too_large' }, retryable: false },
      );
    }
    if (isRedirectRefused(err)) {
      throw new AppError(
        'OAUTH_FAILED',
        'Bカートの認証サーバーから別のURLへの転送 (リダイレクト) が返されたため、安全のため中止しました (認証情報は転送先に送っていません)。EC連携設定のトークンURLが正しいか確認してください。',
        { details: { grant: params['grant_type'], reason: 'redirect' }, retryable: false },
      );
    }
    const timedOut = failureKind(err) === 'timeout' || (err instanceof Error && err.name === 'AbortError');
    throw new AppError(
      timedOut ? 'TIMEOUT' : 'NETWORK',
      timedOut
        ? 'Bカートの認証サーバーから応答がありませんでした。時間をおいて「ECサイト認証」をもう一度実行してください。'
        : 'Bカートの認証サーバーに接続できませんでした。インターネット接続とEC連携設定のトークンURLを確認してください。',
      { details: { grant: params['grant_type'] }, retryable: true },
    );
  }
  let body: Record<string, unknown> = {};
  try {
    // only the top level is read, but a deep error body is not worth parsing at all
    const parsed: unknown = jsonNestingExceeds(text, MAX_ERROR_JSON_DEPTH) ? null : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    /* non-JSON: handled below by status / missing fields */
  }
  if (!res.ok || typeof body['access_token'] !== 'string') {
    // an RFC 6749 §5.2 error code is a short ASCII word; anything else is not shown or logged as is
    const error = typeof body['error'] === 'string' && /^[\x21-\x7e]{1,64}$/.test(body['error']) ? body['error'] : `http_${res.status}`;
    if (error === 'invalid_grant') {
      throw new AppError(
        'REAUTH_REQUIRED',
        'Bカートのログイン状態の有効期限が切れました。EC連携設定の「ECサイト認証」からもう一度ログインしてください。',
        { details: { grant: params['grant_type'], error, status: res.status }, retryable: false },
      );
    }
    throw new AppError(
      'OAUTH_FAILED',
      `Bカートの認証サーバーがトークンの発行を拒否しました（${error}）。EC連携設定のクライアントID・クライアントシークレット・トークンURLを確認して、もう一度「ECサイト認証」を実行してください。`,
      { details: { grant: params['grant_type'], error, status: res.status }, retryable: res.status >= 500 },
    );
  }
  const expiresIn = Number(body['expires_in']);
  const scope = typeof body['scope'] === 'string' ? body['scope'].split(/[\s,]+/).filter((s) => s !== '') : requestedScopes;
  return {
    accessToken: body['access_token'] as string,
    refreshToken: typeof body['refresh_token'] === 'string' ? body['refresh_token'] : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? opts.clock.now() + expiresIn * 1000 : null,
    scopes: scope,
  };
}

/** Exchanges an authorization code (+ PKCE verifier) for tokens. */
export function exchangeCode(
  opts: TokenEndpointOptions & { code: string; redirectUri: string; codeVerifier: string; scopes: string[] },
): Promise<TokenSet> {
  return post(
    opts,
    { grant_type: 'authorization_code', code: opts.code, redirect_uri: opts.redirectUri, code_verifier: opts.codeVerifier },
    opts.scopes,
  );
}

/** Uses a refresh token; keeps the old refresh token when the server does not rotate it. */
export async function refreshTokens(opts: TokenEndpointOptions & { refreshToken: string; scopes: string[] }): Promise<TokenSet> {
  const t = await post(opts, { grant_type: 'refresh_token', refresh_token: opts.refreshToken }, opts.scopes);
  return { ...t, refreshToken: t.refreshToken ?? opts.refreshToken };
}

/** The same function under the shorter name the OAuth callers use. */
export const refresh = refreshTokens;
