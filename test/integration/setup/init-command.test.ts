/**
 * CLI `init` against the simulator: creates the masters, products, customers and one valid
 * EC連携設定; a second run creates nothing and leaves the database identical; the token lives only in
 * the 0600 token file.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { TOKEN_ARGV_WARNING } from '../../../src-main/cli/token-source';
import { openCliTokenStore } from '../../../src-main/core/file-token-store';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeTestCore } from '../../helpers/core';

function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by 1`).all()]));
  } finally {
    db.close();
  }
}

describe('npm run cli -- init', () => {
  let sim: RunningSimulator;
  const tmp = makeTempDir();
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['init', '--data-dir', tmp.dir, ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  beforeAll(async () => {
    sim = await startSimulator({ rateLimit: false, orders: 20 });
  });
  afterAll(async () => {
    await sim.close();
    tmp.cleanup();
  });

  it('refuses a non-https URL and a bad date before touching anything', async () => {
    expect((await run('--base-url', 'http://example.com/api/v1', '--token', 'x')).code).toBe(2);
    expect((await run('--base-url', sim.url, '--token', 'x', '--from', '2026-02-30')).code).toBe(2);
  });

  it('creates everything once; the second run creates nothing and the database is unchanged', async () => {
    const first = await run('--base-url', sim.url, '--token', sim.token, '--from', '2026-11-01');
    expect(first.err).toBe(TOKEN_ARGV_WARNING); // --token still works, with the warning (cli-secrets.test.ts)
    expect(first.code).toBe(0);
    expect(first.out).toContain('部門: 1件');
    expect(first.out).toContain('倉庫: 1件');
    expect(first.out).toContain('請求口座: 1件');
    expect(first.out).toContain('EC連携設定: 1件');
    expect(first.out).not.toContain(sim.token);
    const dbFile = join(tmp.dir, 'bcart-desk.sqlite3');
    const before = dump(dbFile);

    const second = await run('--base-url', sim.url, '--token', sim.token, '--from', '2026-11-01');
    expect(second.code).toBe(0);
    expect(second.out).toContain('作成したものはありません');
    expect(dump(dbFile)).toBe(before);

    expect(statSync(join(tmp.dir, 'tokens.json')).mode & 0o777).toBe(0o600);
    expect(await openCliTokenStore(tmp.dir).get('bcart:1:access_token')).toBe(sim.token);
    expect(readFileSync(dbFile).includes(Buffer.from(sim.token))).toBe(false);
  });

  it('the created setting is valid, confirmed and complete', async () => {
    const t = await makeTestCore({}, tmp.dir);
    try {
      const s = await t.call<Record<string, unknown>>('settings:get', { id: 1 });
      expect(s).toMatchObject({ name: 'Bカート', importStartDate: '2026-11-01', productLinkSameCode: true, apiBaseUrl: sim.url });
      // saving it unchanged passes every reference check
      const { id: _id, createdAt: _c, updatedAt: _u, ...values } = s;
      await expect(t.call('settings:update', { id: 1, values })).resolves.toMatchObject({ id: 1 });
      const products = t.core.db.prepare('select count(*) n, sum(confirmed) c from products').get() as { n: number; c: number };
      const sets = sim.state.productSets.length;
      expect(products.n).toBe(sets + 2);
      expect(products.c).toBe(products.n);
      const fee = t.core.db.prepare("select inventory_tracked from products where code in ('SHIPPING-FEE','DISCOUNT-POINT')").all() as { inventory_tracked: number }[];
      expect(fee).toEqual([{ inventory_tracked: 0 }, { inventory_tracked: 0 }]);
      const customers = t.core.db.prepare("select code from partners where kind = '得意先' and confirmed = 1 order by code").all() as { code: string }[];
      const withExt = sim.state.customers.filter((c) => c.ext_id !== '').length;
      expect(customers.length).toBe(withExt + 7);
      expect(customers.map((c) => c.code)).toContain('BC_NP-kakebarai');
      const check = await t.call<{ ok: boolean }>('paymentRules:check', { settingId: 1 });
      expect(check.ok).toBe(true);
    } finally {
      t.close();
    }
  });
});
