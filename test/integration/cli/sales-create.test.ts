/**
 * CLI sales:create on a real data folder: the flags and JSON shape
 * {"slipId","slipNo","net","tax","total"} exactly, --confirm in one transaction, stock going
 * negative as a warning on stderr, and Japanese errors (exit 2 usage, 1 refused) writing nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { makeTestCore } from '../../helpers/core';
import { makeSalesFixture } from '../../helpers/sales-fixture';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');

describe('sales:create', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const rows = (sql: string) => {
    const db = new Database(join(tmp.dir, DB_FILE_NAME), { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  beforeEach(async () => {
    tmp = makeTempDir();
    const t = await makeTestCore({}, tmp.dir);
    await makeSalesFixture(t);
    t.close();
  });
  afterEach(() => tmp.cleanup());

  it('--confirm --json prints exactly {slipId, slipNo, net, tax, total}; SKU or product code; 税抜 prices', async () => {
    const base = ['--data-dir', tmp.dir, '--customer', 'C002', '--warehouse', 'W01', '--date', '2026-11-30'];
    const r = await cli('sales:create', ...base, '--line', 'SKU-COF:2:1000', '--line', 'P002:3:500', '--line', 'P001:-1:1000', '--confirm', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['slipId', 'slipNo', 'net', 'tax', 'total']);
    // 10 %: (2 − 1) × 1000 = 1000 → 100; 8 %: 1500 → 120. UNITPRICE is tax-excluded even for the 税込 customer C002.
    expect(json).toEqual({ slipId: 1, slipNo: 'D01-000001', net: 2500, tax: 220, total: 2720 });
    expect(r.err).toContain('警告'); // stock went negative (nothing was received)
    expect(rows("select source_type as t, sum(quantity) as q from stock_ledger group by source_type")).toEqual([{ t: 'sales', q: -4 }]);
    expect(rows('select total from invoices')).toEqual([{ total: 2720 }]);

    const draft = await cli('sales:create', ...base, '--line', 'P001:1:1000', '--json');
    expect(JSON.parse(draft.out)).toEqual({ slipId: 2, slipNo: '', net: 1000, tax: 100, total: 1100 });
    expect(rows("select status from sales_slips where id = 2")).toEqual([{ status: 'draft' }]);
  });

  it('refusals: unknown codes exit 1, bad flags exit 2, each with a Japanese message, and nothing is written', async () => {
    const base = ['--data-dir', tmp.dir, '--warehouse', 'W01', '--date', '2026-11-30'];
    const noCustomer = await cli('sales:create', ...base, '--customer', 'NOPE', '--line', 'P001:1:10');
    expect(noCustomer).toMatchObject({ code: 1, err: expect.stringContaining('得意先コード「NOPE」') });
    const noProduct = await cli('sales:create', ...base, '--customer', 'C001', '--line', 'P001:1:10', '--line', 'ZZZ:1:10', '--confirm');
    expect(noProduct).toMatchObject({ code: 1, err: expect.stringContaining('「ZZZ」') });
    const unconfirmed = await cli('sales:create', ...base, '--customer', 'C009', '--line', 'P999:1:10', '--confirm');
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain('未確定商事');
    expect(unconfirmed.err).toContain('P999');
    const badLine = await cli('sales:create', ...base, '--customer', 'C001', '--line', 'P001:0:10');
    expect(badLine).toMatchObject({ code: 2, err: expect.stringContaining('0以外') });
    const badDate = await cli('sales:create', ...base.slice(0, 4), '--date', '2026-02-30', '--customer', 'C001', '--line', 'P001:1:10');
    expect(badDate).toMatchObject({ code: 2, err: expect.stringContaining('--date') });
    const noLine = await cli('sales:create', ...base, '--customer', 'C001');
    expect(noLine).toMatchObject({ code: 2, err: expect.stringContaining('--line') });
    expect(rows('select * from sales_slips')).toEqual([]);
    expect(rows('select * from stock_ledger')).toEqual([]);
  });

  it('as a real process, stdout holds only the JSON', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src-main/cli.ts', 'sales:create', '--data-dir', tmp.dir, '--customer', 'C001', '--warehouse', 'W02', '--date', '2026-12-01', '--line', 'P002:10:540', '--confirm', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ slipId: 1, slipNo: 'D01-000001', net: 5400, tax: 432, total: 5832 });
  }); // the project's 120 s for process tests: a cold `npx tsx` start took over 30 s at a load of 15 on 2 cores
});
