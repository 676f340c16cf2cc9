/**
 * The BCart credentials and client of one EC連携設定, built from its row. One instance per settings
 * id and core, so the OAuth refresh stays single-flight and the rate limiter is shared by every
 * caller (import, stock push, screens). TokenStore keys are `bcart:<settingId>:…`.
 */
import { DEFAULT_OAUTH_CLIENT_ID, settingAuth, settingTokenKeyPrefix, type BcartAuth } from '../bcart/oauth';
import { createBcartClient, type BcartClient, type BcartClientOptions } from '../bcart/client';
import { importLimiter } from '../import/import-limiter';
import type { CoreContext } from '../core-context';
import type { EcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { ecSettingRepository } from './ec-setting-repository';

export { DEFAULT_OAUTH_CLIENT_ID };

export interface BcartSession {
  setting: EcSetting;
  auth: BcartAuth;
  client: BcartClient;
}

const sessions = new WeakMap<CoreContext, Map<number, { stamp: string; session: BcartSession }>>();

/** TokenStore key prefix of a settings row. */
export const tokenKeyPrefix = settingTokenKeyPrefix;

/** Client timing a core may override (tests: short timeouts and backoff). */
export type ClientTiming = Partial<Pick<BcartClientOptions, 'timeoutMs' | 'maxRetries' | 'backoffBaseMs' | 'backoffCapMs' | 'random'>>;

/** Builds the session for a settings row without caching (tests, CLI). */
export function createBcartSession(ctx: CoreContext, setting: EcSetting, timing: ClientTiming = {}): BcartSession {
  // shared with the import: one refresh at a time per settings row (see settingAuth)
  const auth = settingAuth(ctx, setting.id, setting);
  const client = createBcartClient({
    baseUrl: setting.apiBaseUrl,
    getAccessToken: () => auth.getAccessToken(),
    onUnauthorized: () => auth.refreshNow(),
    fetch: ctx.fetch,
    clock: ctx.clock,
    timers: ctx.timers,
    logger: ctx.logger,
    // the import's limiter of this row: BCart's 300 calls / 300 s budget is one for the whole shop
    limiter: importLimiter(ctx, setting.id, setting.rateBudget),
    ...timing,
  });
  return { setting, auth, client };
}

/**
 * The shared session of a settings row; rebuilt when its connection fields changed (URLs, client id, budget),
 * so an edit takes effect at once.
 */
export function getBcartSession(ctx: CoreContext, settingId: number, timing: ClientTiming = {}): BcartSession {
  const setting = ecSettingRepository(ctx).get(settingId);
  let map = sessions.get(ctx);
  if (!map) {
    map = new Map();
    sessions.set(ctx, map);
  }
  // keyed on the connection fields, not updatedAt: two saves within one second share a timestamp
  const stamp = JSON.stringify([setting.apiBaseUrl, setting.oauthAuthorizeUrl, setting.oauthTokenUrl, setting.oauthClientId, setting.rateBudget]);
  const cached = map.get(settingId);
  if (cached && cached.stamp === stamp) return cached.session;
  const session = createBcartSession(ctx, setting, timing);
  map.set(settingId, { stamp, session });
  return session;
}
