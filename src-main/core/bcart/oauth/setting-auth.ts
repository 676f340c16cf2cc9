/**
 * One BcartAuth per EC連携設定 and core (the composition root builds one registry). The import, the
 * settings screens' 接続テスト / login and anything else that talks to one shop must share it: each
 * BcartAuth keeps its own single-flight refresh, so two instances could refresh a rotating refresh
 * token at the same moment and one of them would get invalid_grant (要再認証). TokenStore keys are
 * `bcart:<settingId>:…`.
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
  /** opens the browser for 「ECサイト認証」 (only login() uses it; the import never logs in) */
  openExternal: OpenExternal;
  /** developer setting: https hosts besides bcart.jp tokens may be sent to (api-url-policy.ts) */
  extraApiHosts: readonly string[];
}

/** Connection fields of an ec_settings row (null = the documented default). */
export interface SettingOAuthFields {
  /** the tokens are bound to this URL's origin (auth.ts) */
  apiBaseUrl: string;
  oauthAuthorizeUrl: string | null;
  oauthTokenUrl: string | null;
  oauthClientId: string | null;
}

/** The shared credential managers of a core. */
export interface SettingAuths {
  /** the BcartAuth of a settings row; rebuilt only when its URLs or client id change */
  get(settingId: number, fields: SettingOAuthFields): BcartAuth;
}

export function createSettingAuths(deps: SettingAuthDeps): SettingAuths {
  const cache = new Map<number, { stamp: string; auth: BcartAuth }>();
  return {
    get(settingId, fields) {
      const stamp = JSON.stringify([fields.apiBaseUrl, fields.oauthAuthorizeUrl, fields.oauthTokenUrl, fields.oauthClientId]);
      const cached = cache.get(settingId);
      if (cached && cached.stamp === stamp) return cached.auth;
      const auth = createBcartAuth({
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
        openExternal: deps.openExternal,
        keyPrefix: settingTokenKeyPrefix(settingId),
        extraApiHosts: deps.extraApiHosts,
      });
      cache.set(settingId, { stamp, auth });
      return auth;
    },
  };
}
