/**
 * Issue: BCart calls used Node's fetch, which ignores the PC's proxy / PAC settings and its
 * certificate store, so offices behind a proxy or TLS inspection could not connect. The shell
 * injects electron.net.fetch (Chromium's network stack) as the core's Fetch port. Here Node's
 * global fetch is replaced by one that fails: 接続テスト and an import against the simulator must
 * still work, every request going through the fake's net.fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { seedImportBooks } from '../import/import-fixture';

let started: TestShell | null = null;
let sim: RunningSimulator | null = null;
const original = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = original;
  await started?.cleanup();
  await sim?.close();
  started = null;
  sim = null;
});

describe('BCart calls go through electron.net.fetch', () => {
  it('接続テスト and 出荷取込処理 work with Node’s fetch unusable, every request through net.fetch', async () => {
    sim = await startSimulator({
      mode: 'test',
      orders: 10,
      fromDate: '2025-04-28',
      toDate: '2025-05-01',
      rateLimit: false,
      includeUnsupported: false,
    });
    started = await startTestShell();
    const { shell, fake } = started;
    const books = await seedImportBooks(shell.core.db, shell.core.services.bcart, sim, '2025-04-28');
    const direct: string[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      direct.push(String(input instanceof Request ? input.url : input));
      throw new TypeError('fetch failed (Node’s own fetch: no system proxy)');
    }) as typeof fetch;

    expect(await fake.invoke('connection:test', { settingId: books.settingId })).toMatchObject({ ok: true });
    const finished = new Promise<{ status: string }>((resolve) => {
      const off = shell.core.events.subscribe((event, payload) => {
        if (event === 'import:finished') {
          off();
          resolve(payload as { status: string });
        }
      });
    });
    expect(await fake.invoke('import:run', { settingId: books.settingId })).toMatchObject({ ok: true });
    expect(await finished).toMatchObject({ status: 'succeeded' });

    expect(direct).toEqual([]);
    // 接続テスト's probe, then the import's order pages
    expect(fake.calls.netFetch[0]).toBe(`${sim.url}/orders?limit=1&offset=0`);
    expect(fake.calls.netFetch.slice(1).some((u) => u.startsWith(`${sim!.url}/orders?complete=1`))).toBe(true);
    for (const url of fake.calls.netFetch) expect(url.startsWith(sim.origin)).toBe(true);
  });
});
