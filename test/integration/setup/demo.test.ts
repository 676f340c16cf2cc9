/**
 * 「デモデータで試す」: the simulator starts once per core; after an app restart (new simulator, new
 * port, new token) the same demo settings row gets the new URL and token, and nothing is duplicated.
 */
import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

interface Started {
  url: string;
  settingId: number;
  created: Record<string, string[]>;
}

describe('demo:start', () => {
  it('sets up a shop whose 出荷取込処理 succeeds at once (only orders the import can take)', async () => {
    const t = await makeTestCore();
    try {
      const started = await t.call<Started>('demo:start', {});
      const finished = new Promise<Record<string, unknown>>((resolve) => {
        t.core.events.subscribe((event, payload) => {
          if (event === 'import:finished') resolve(payload as Record<string, unknown>);
        });
      });
      const { runId } = await t.call<{ runId: number }>('import:run', { settingId: started.settingId });
      const result = await finished;
      expect(result).toMatchObject({ runId, status: 'succeeded' });
      const shipments = await t.call<{ total: number }>('shipments:list', {});
      expect(shipments.total).toBeGreaterThan(0);
    } finally {
      await t.core.services.demo.stop();
      t.close();
    }
  }, 60_000);

  it('is idempotent within a run and re-points the demo settings after a restart', async () => {
    const tmp = makeTempDir();
    try {
      const a = await makeTestCore({}, tmp.dir);
      const first = await a.call<Started>('demo:start', {});
      const again = await a.call<Started>('demo:start', {});
      expect(again.url).toBe(first.url);
      expect(Object.values(again.created).flat()).toEqual([]);
      expect(await a.call('connection:test', { settingId: first.settingId })).toMatchObject({ ok: true });
      await a.core.services.demo.stop();
      a.close();

      // a restarted app keeps its token store (safeStorage); the new simulator has a new token
      const b = await makeTestCore({ tokenStore: a.core.options.tokenStore }, tmp.dir);
      try {
        expect(await b.call('connection:test', { settingId: first.settingId }).catch((e: { data: { code: string } }) => e.data.code)).toBe('NETWORK');
        const restarted = await b.call<Started>('demo:start', {});
        expect(restarted.settingId).toBe(first.settingId);
        expect(restarted.url).not.toBe(first.url);
        expect(await b.call('settings:list', {})).toMatchObject({ rows: [{ id: first.settingId, apiBaseUrl: restarted.url }] });
        expect(await b.call('connection:test', { settingId: first.settingId })).toMatchObject({ ok: true });
      } finally {
        await b.core.services.demo.stop();
        b.close();
      }
    } finally {
      tmp.cleanup();
    }
  }, 30_000);
});
