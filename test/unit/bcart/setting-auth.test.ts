/**
 * The import and the EC連携設定 screens must share one BcartAuth per settings row: two instances
 * would each run their own "single-flight" refresh, and with a rotating refresh token one of the
 * two refreshes ends in invalid_grant (要再認証).
 */
import { describe, expect, it } from 'vitest';
import { settingAuth } from '../../../src-main/core/bcart/oauth';
import { importAuth } from '../../../src-main/core/import/token-key';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import { systemClock, systemTimers } from '../../../src-main/core/ports';

const fields = { apiBaseUrl: 'https://api.bcart.jp/api/v1', oauthAuthorizeUrl: null, oauthTokenUrl: null, oauthClientId: null };

function deps(tokenStore = createMemoryTokenStore()) {
  return { tokenStore, fetch: fetch, clock: systemClock, timers: systemTimers, logger: createMemoryLogger() };
}

describe('settingAuth', () => {
  it('gives the import and the screens the same instance for one settings row and token store', () => {
    const d = deps();
    const screens = settingAuth({ ...d, openExternal: async () => undefined }, 1, fields);
    expect(importAuth(d, 1, fields)).toBe(screens);
    expect(importAuth(d, 2, fields)).not.toBe(screens);
    expect(importAuth(deps(), 1, fields)).not.toBe(screens); // another core (token store) has its own
  });

  it('rebuilds when the OAuth fields of the row change', () => {
    const d = deps();
    const a = settingAuth(d, 1, fields);
    const b = settingAuth(d, 1, { ...fields, oauthClientId: 'registered-app' });
    expect(b).not.toBe(a);
    expect(settingAuth(d, 1, { ...fields, oauthClientId: 'registered-app' })).toBe(b);
  });

  it('a pasted token saved through one owner is what the other reads', async () => {
    const d = deps();
    await importAuth(d, 7, fields).savePersonalToken('pasted-personal-token');
    expect(await settingAuth(d, 7, fields).getAccessToken()).toBe('pasted-personal-token');
  });
});
