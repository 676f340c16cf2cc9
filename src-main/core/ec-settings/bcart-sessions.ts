/**
 * The BCart connections of the core, one per EC連携設定, built once by the composition root: the
 * shared credential manager (single-flight OAuth refresh), the shared rate limiter (BCart's budget of
 * 300 calls / 300 s and a 429 lockout belong to the shop, not to one run) and a client over both.
 * The import, the stock push and the screens all go through here. TokenStore keys are
 * `bcart:<settingId>:…`.
 */
import type { EcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { createBcartClient, type BcartClient, type BcartClientOptions } from '../bcart/client';
import { BCART_DEFAULT_API_BASE_URL, createSettingAuths, type BcartAuth, type SettingOAuthFields } from '../bcart/oauth';
import { createRateLimiter, type RateLimiter } from '../bcart/rate-limiter';
import type { CorePorts } from '../ports';
import type { EcSettingRepository } from './ec-setting-repository';

export interface BcartSession {
  setting: EcSetting;
  auth: BcartAuth;
  client: BcartClient;
}

/** The connection fields of a settings row (what a session is built from). */
export interface BcartConnection extends SettingOAuthFields {
  id: number;
  rateBudget: number;
}

/** Client options a caller may override (timeouts, backoff, another limiter: tests and the benchmark). */
export type ClientOverrides = Partial<Omit<BcartClientOptions, 'baseUrl' | 'getAccessToken'>>;

export interface BcartSessions {
  /** the session of a settings row; rebuilt when its connection fields changed, so an edit takes effect at once */
  session(settingId: number): BcartSession;
  /** the shared credential manager of a settings row */
  auth(connection: Pick<BcartConnection, 'id' | 'apiBaseUrl' | 'oauthAuthorizeUrl' | 'oauthTokenUrl' | 'oauthClientId'>): BcartAuth;
  /** the shared rate limiter of a settings row; rebuilt when the budget changed */
  limiter(settingId: number, budget: number): RateLimiter;
  /** a client over the shared auth and limiter with per-call options (the import's progress) */
  client(connection: BcartConnection, overrides?: ClientOverrides): BcartClient;
  /**
   * Stores a personal access token for a settings row (CLI init, demo, tests), bound to the row's
   * URLs; `apiBaseUrl` binds it when the row does not exist (yet).
   */
  savePersonalToken(settingId: number, token: string, apiBaseUrl?: string): Promise<void>;
}

export function createBcartSessions(
  ports: CorePorts & { extraApiHosts: readonly string[] },
  ecSettings: Pick<EcSettingRepository, 'get' | 'find'>,
): BcartSessions {
  const auths = createSettingAuths(ports);
  const limiters = new Map<number, { budget: number; limiter: RateLimiter }>();
  const sessions = new Map<number, { stamp: string; session: BcartSession }>();

  const auth: BcartSessions['auth'] = (c) => auths.get(c.id, c);
  const limiter: BcartSessions['limiter'] = (settingId, budget) => {
    const found = limiters.get(settingId);
    if (found && found.budget === budget) return found.limiter;
    const created = createRateLimiter({ clock: ports.clock, timers: ports.timers, budget });
    limiters.set(settingId, { budget, limiter: created });
    return created;
  };
  const client: BcartSessions['client'] = (c, overrides = {}) => {
    const a = auth(c);
    return createBcartClient({
      fetch: ports.fetch,
      clock: ports.clock,
      timers: ports.timers,
      logger: ports.logger,
      // BCart's 300 calls / 300 s budget is one for the whole shop: every caller shares the limiter
      limiter: limiter(c.id, c.rateBudget),
      ...overrides,
      baseUrl: c.apiBaseUrl,
      getAccessToken: () => a.getAccessToken(),
      onUnauthorized: () => a.refreshNow(),
    });
  };

  return {
    session(settingId) {
      const setting = ecSettings.get(settingId);
      // keyed on the connection fields, not updatedAt: two saves within one second share a timestamp
      const stamp = JSON.stringify([setting.apiBaseUrl, setting.oauthAuthorizeUrl, setting.oauthTokenUrl, setting.oauthClientId, setting.rateBudget]);
      const cached = sessions.get(settingId);
      if (cached && cached.stamp === stamp) return cached.session;
      const session = { setting, auth: auth(setting), client: client(setting) };
      sessions.set(settingId, { stamp, session });
      return session;
    },
    auth,
    limiter,
    client,
    async savePersonalToken(settingId, token, apiBaseUrl = BCART_DEFAULT_API_BASE_URL) {
      // the row's own credential manager when it exists, so a running refresh is not raced
      const row = ecSettings.find(settingId) ?? { id: settingId, apiBaseUrl, oauthAuthorizeUrl: null, oauthTokenUrl: null, oauthClientId: null };
      await auth(row).savePersonalToken(token);
    },
  };
}
