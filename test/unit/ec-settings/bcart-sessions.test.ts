/**
 * The import and the EC連携設定 screens must share one BcartAuth (and one rate limiter) per settings
 * row: two instances would each run their own "single-flight" refresh, and with a rotating refresh
 * token one of the two refreshes ends in invalid_grant (要再認証). The sessions live in the core's
 * Services (one registry per core), over the real repository of a real core.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyEcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { makeTestCore, type TestCore } from '../../helpers/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
});

async function coreWithSettings(n: number): Promise<{ t: TestCore; ids: number[] }> {
  const t = await makeTestCore();
  cores.push(t);
  const ids = Array.from({ length: n }, (_, i) => t.core.services.repos.ecSettings.insert({ ...emptyEcSetting('2026-01-01'), name: `店舗${i + 1}` }).id);
  return { t, ids };
}

// the row's own URLs (emptyEcSetting's defaults): the credentials are bound to them
const connection = (id: number) => ({ id, apiBaseUrl: emptyEcSetting('2026-01-01').apiBaseUrl, oauthAuthorizeUrl: null, oauthTokenUrl: null, oauthClientId: null });

describe('BCart sessions of a core', () => {
  it('gives the import and the screens the same credential manager and limiter for one settings row', async () => {
    const { t, ids } = await coreWithSettings(2);
    const bcart = t.core.services.bcart;
    const screens = bcart.session(ids[0]!).auth;
    expect(bcart.auth(connection(ids[0]!))).toBe(screens);
    expect(bcart.auth(connection(ids[1]!))).not.toBe(screens);
    expect(bcart.limiter(ids[0]!, 250)).toBe(bcart.limiter(ids[0]!, 250));
    expect(bcart.limiter(ids[1]!, 250)).not.toBe(bcart.limiter(ids[0]!, 250));
    const other = await coreWithSettings(1);
    expect(other.t.core.services.bcart.auth(connection(other.ids[0]!))).not.toBe(screens); // another core has its own
  });

  it('rebuilds when the OAuth fields or the budget of the row change', async () => {
    const { t, ids } = await coreWithSettings(1);
    const { bcart, repos } = t.core.services;
    const id = ids[0]!;
    const a = bcart.session(id);
    const { id: _i, createdAt: _c, updatedAt: _u, ...values } = repos.ecSettings.get(id);
    repos.ecSettings.update(id, { ...values, oauthClientId: 'registered-app' });
    const b = bcart.session(id);
    expect(b.auth).not.toBe(a.auth);
    expect(bcart.session(id)).toBe(b);
    const limiter = bcart.limiter(id, values.rateBudget);
    expect(bcart.limiter(id, values.rateBudget + 1)).not.toBe(limiter);
  });

  it('a pasted token saved through one owner is what the other reads', async () => {
    const { t, ids } = await coreWithSettings(1);
    await t.core.services.bcart.savePersonalToken(ids[0]!, 'pasted-personal-token');
    expect(await t.core.services.bcart.session(ids[0]!).auth.getAccessToken()).toBe('pasted-personal-token');
    expect(await t.core.services.bcart.auth(connection(ids[0]!)).getAccessToken()).toBe('pasted-personal-token');
  });
});
