/**
 * CLI: products:import, subscriptions:import, tax-update:preview --json and tax-update:apply
 * (refused without --confirm, outside 受付停止 and on a second run); the applied data equals the
 * preview's changes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { openCliCore } from '../../../src-main/cli/cli-core';
import { serialiseSubscriptionCsv } from '../../../src-main/core/subscriptions/subscription-csv';
import { toPlainApplication } from '../../../src-main/core/subscriptions/subscription-repository';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeDataset } from './tax-update-fixture';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

interface PreviewJson {
  targets: number;
  changes: { applicationCode: string; productCode: string; variation: string; field: string; old: number | string; new: number | string }[];
  totals: { changedPrices: number };
}

describe('tax-update CLI', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());
  const data = makeDataset(11, 40);
  const dir = join(tmp.dir, 'data');

  it('imports, previews, refuses, applies once; the result equals the preview', async () => {
    const products = join(tmp.dir, 'products.csv');
    writeFileSync(
      products,
      ['商品コード,枝番横,枝番縦,商品名,税率区分', ...data.products.map((p) => `${p.code},${p.h},${p.v},商品${p.code},${p.type}`)].join(
        '\r\n',
      ),
    );
    const subs = join(tmp.dir, 'subs.csv');
    const csv = serialiseSubscriptionCsv(data.apps, { encoding: 'utf-8' });
    if (!csv.ok) throw new Error('fixture');
    writeFileSync(subs, csv.bytes);

    const p = await cli(['products:import', '--data-dir', dir, '--file', products]);
    expect(p.code, p.err.join('\n')).toBe(0);
    expect(p.out[0]).toContain(`新規 ${data.products.length}件`);
    const s = await cli(['subscriptions:import', '--data-dir', dir, '--file', subs]);
    expect(s.code, s.err.join('\n')).toBe(0);
    expect(s.out[0]).toContain('申込 40件');

    const bad = join(tmp.dir, 'bad.csv');
    writeFileSync(bad, '行種別,申込コード\r\n商品,X\r\n');
    const b = await cli(['subscriptions:import', '--data-dir', dir, '--file', bad]);
    expect(b.code).toBe(1);
    expect(b.err.join('\n')).toContain('CSV_INVALID');

    const pr = await cli(['tax-update:preview', '--data-dir', dir, '--rounding', 'floor', '--json']);
    expect(pr.code, pr.err.join('\n')).toBe(0);
    const preview = JSON.parse(pr.out[0]!) as PreviewJson;
    expect(preview.targets).toBeGreaterThan(0);
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(Object.keys(preview.changes[0]!).sort()).toEqual(['applicationCode', 'field', 'new', 'old', 'productCode', 'variation']);

    expect((await cli(['tax-update:apply', '--data-dir', dir, '--rounding', 'floor'])).code).toBe(1);
    const open = await cli(['tax-update:apply', '--data-dir', dir, '--rounding', 'floor', '--confirm']);
    expect(open.code).toBe(1);
    expect(open.err.join('\n')).toContain('STORE_NOT_CLOSED');
    expect((await cli(['tax-update:apply', '--data-dir', dir, '--rounding', 'sideways', '--confirm'])).code).toBe(2);

    const ok = await cli(['tax-update:apply', '--data-dir', dir, '--rounding', 'floor', '--confirm', '--close-store']);
    expect(ok.code, ok.err.join('\n')).toBe(0);
    expect(ok.out.join('\n')).toContain('消費税額自動更新処理が終了しました。');
    const twice = await cli(['tax-update:apply', '--data-dir', dir, '--rounding', 'floor', '--confirm']);
    expect(twice.code).toBe(1);
    expect(twice.err.join('\n')).toContain('ALREADY_APPLIED');

    // every previewed price is now in the database
    const core = await openCliCore(dir);
    try {
      const apps = new Map(core.services.repos.subscriptions.loadAll().map((a) => [a.code, toPlainApplication(a)]));
      for (const c of preview.changes) {
        const app = apps.get(c.applicationCode)!;
        if (c.field === 'standardRate' || c.field === 'reducedRate') expect(app[c.field]).toBe(c.new);
        else if (c.field === 'firstPrice' || c.field === 'regularPrice' || c.field === 'lastPrice' || c.field === 'taxRateType') {
          expect(app.items.some((i) => i.productCode === c.productCode && i[c.field as 'firstPrice'] === c.new)).toBe(true);
        }
      }
    } finally {
      core.close();
    }
    const reopen = await cli(['store:open', '--data-dir', dir]);
    expect(reopen.code).toBe(0);
  });
});
