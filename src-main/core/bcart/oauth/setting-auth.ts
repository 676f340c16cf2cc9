/**
 * One BcartAuth per (token store, EC連携設定). The import, the settings screens' 接続テスト / login and
 * anything else that talks to one shop must share it: each BcartAuth keeps its own single-flight
 * refresh, so two instances could refresh a rotating refresh token at the same moment and one of
 * them would get invalid_grant (要再認証). TokenStore keys are `bcart:<settingId>:…`.
 */
import type { Clock, Fetch, Logger, OpenExternal, Timers, TokenStore } from '../../ports';
import { createBcartAuth, type BcartAuth } from './auth';
import { BCART_DEFAULT_AUTHORIZE_URL, BCART_DEFAULT_SCOPES, BCART_DEFAULT_TOKEN_URL } from './defaults';

/** client_id used when the settings leave it empty (a registered app id replaces it). */
export const DEFAULT_OAUTH_CLIENT_ID = 'bcart-desk';

/** TokenStore key prefix of the BCart credentials of EC連携設定 `settingId`. */
export function settingTokenKeyPrefix(settingId: number): string {
  return `bcart:${settingId}`;
}

export interface SettingAuthDeps {
  tokenStore: TokenStore;
  fetch: Fetch;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** only callers that may start a browser login pass one (the import never does) */
  openExternal?: OpenExternal;
  /** developer setting: https hosts besides bcart.jp (a CoreContext carries it) */
  extraApiHosts?: readonly string[];
}

/** Connection fields of an ec_settings row (null = the documented default). */
export interface SettingOAuthFields {
  /** the tokens are bound to this URL's origin (auth.ts) */
  apiBaseUrl: string;
  oauthAuthorizeUrl: string | null;
  oauthTokenUrl: string | null;
  oauthClientId: string | null;
}

interface Entry {
  stamp: string;
  auth: BcartAuth;
  openExternal: OpenExternal | null;
}

const cache = new WeakMap<TokenStore, Map<number, Entry>>();

/** The shared credential manager of a settings row; rebuilt only when its OAuth fields change. */
export function settingAuth(deps: SettingAuthDeps, settingId: number, fields: SettingOAuthFields): BcartAuth {
  let perStore = cache.get(deps.tokenStore);
  if (!perStore) {
    perStore = new Map();
    cache.set(deps.tokenStore, perStore);
  }
  const stamp = JSON.stringify([fields.apiBaseUrl, fields.oauthAuthorizeUrl, fields.oauthTokenUrl, fields.oauthClientId]);
  const cached = perStore.get(settingId);
  if (cached && cached.stamp === stamp) {
    if (deps.openExternal) cached.openExternal = deps.openExternal;
    return cached.auth;
  }
  const entry: Entry = { stamp, auth: null as unknown as BcartAuth, openExternal: deps.openExternal ?? null };
  entry.auth = createBcartAuth({
    settings: {
      apiBaseUrl: fields.apiBaseUrl,
      authorizeUrl: fields.oauthAuthorizeUrl ?? BCART_DEFAULT_AUTHORIZE_URL,
      tokenUrl: fields.oauthTokenUrl ?? BCART_DEFAULT_TOKEN_URL,
      clientId: fields.oauthClientId ?? DEFAULT_OAUTH_CLIENT_ID,
      scopes: [...BCART_DEFAULT_SCOPES],
    },
    tokenStore: deps.tokenStore,
    fetch: deps.fetch,
    clock: deps.clock,
    timers: deps.timers,
    logger: deps.logger,
    openExternal: async (url) => {
      if (!entry.openExternal) throw new Error('no browser available to this caller');
      await entry.openExternal(url);
    },
    keyPrefix: settingTokenKeyPrefix(settingId),
    extraApiHosts: deps.extraApiHosts ?? [],
  });
  perStore.set(settingId, entry);
  return entry.auth;
}
