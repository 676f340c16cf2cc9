/**
 * Credentials of an EC連携設定 for the import. The TokenStore layout is the OAuth module's
 * (`<prefix>:access_token`, `:refresh_token`, `:meta`) under the prefix `bcart:<settingId>`, the
 * same one the EC連携設定 screens use, so a login or a pasted token there is what the import uses
 * (with refresh before expiry and once on a 401).
 */
import { BCART_DEFAULT_AUTHORIZE_URL, BCART_DEFAULT_SCOPES, BCART_DEFAULT_TOKEN_URL, createBcartAuth, type BcartAuth } from '../bcart/oauth';
import type { Clock, Fetch, Logger, Timers, TokenStore } from '../ports';

/** TokenStore key prefix of the BCart credentials of EC連携設定 `settingId`. */
export function bcartTokenKeyPrefix(settingId: number): string {
  return `bcart:${settingId}`;
}

/** What building the credential manager needs. */
export interface ImportAuthDeps {
  tokenStore: TokenStore;
  fetch: Fetch;
  clock: Clock;
  timers: Timers;
  logger: Logger;
}

/** OAuth fields of the ec_settings row (null = documented default). */
export interface ImportAuthSettings {
  oauthAuthorizeUrl: string | null;
  oauthTokenUrl: string | null;
  oauthClientId: string | null;
}

/** The credential manager of one setting (never opens a browser: the import cannot log in). */
export function importAuth(deps: ImportAuthDeps, settingId: number, s: ImportAuthSettings): BcartAuth {
  return createBcartAuth({
    settings: {
      authorizeUrl: s.oauthAuthorizeUrl ?? BCART_DEFAULT_AUTHORIZE_URL,
      tokenUrl: s.oauthTokenUrl ?? BCART_DEFAULT_TOKEN_URL,
      clientId: s.oauthClientId ?? 'bcart-desk',
      scopes: [...BCART_DEFAULT_SCOPES],
    },
    tokenStore: deps.tokenStore,
    fetch: deps.fetch,
    clock: deps.clock,
    timers: deps.timers,
    logger: deps.logger,
    openExternal: async () => {
      throw new Error('the import never opens a browser');
    },
    keyPrefix: bcartTokenKeyPrefix(settingId),
  });
}

/** Stores a personal access token for a setting (CLI, demo, tests). */
export async function savePersonalToken(deps: ImportAuthDeps, settingId: number, token: string): Promise<void> {
  await importAuth(deps, settingId, { oauthAuthorizeUrl: null, oauthTokenUrl: null, oauthClientId: null }).savePersonalToken(token);
}
