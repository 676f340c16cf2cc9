/**
 * CLI sales:pdf on a real data folder: the 納品書 of a confirmed 売上伝票 by ID or by 伝票番号 (the same
 * bytes either way), read back with pdftotext against figures worked out by hand; a draft, a 取消 slip,
 * an unknown slip and an unwritable --out are refused in Japanese (exit 1) and leave no file — not even
 * a temporary one — and a file already at --out stays as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSlipRef } from '../../../src-main/cli/sales-pdf-command';
import type { SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { cli } from '../../helpers/cli';
import { saveTestCompany } from '../../helpers/company-fixture';
import { makeTestCore } from '../../helpers/core';
import { makeSalesFixture } from '../../helpers/sales-fixture';
import { makeTempDir } from '../../helpers/temp-dir';

describe('sales:pdf', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let outDir: string;
  const ids = { confirmed: 0, draft: 0, cancelled: 0 };
  beforeAll(async () => {
    tmp = makeTempDir('bcart-sales-pdf-');
    outDir = join(tmp.dir, 'out');
    mkdirSync(outDir);
    const t = await makeTestCore({}, join(tmp.dir, 'data'));
    const f = await makeSalesFixture(t);
    await saveTestCompany(t);
    const input = (date: string) => ({
      customerId: f.customer.net,
      warehouseId: f.warehouse.w01,
      date,
      lines: [
        { productId: f.product.coffee, quantity: 3 },
        { productId: f.product.tea, quantity: 2, unitPrice: 500 },
      ],
    });
    ids.confirmed = (await t.call<SalesWriteResult>('sales:saveAndConfirm', input('2026-11-20'))).slip.id;
    ids.draft = (await t.call<SalesWriteResult>('sales:save', input('2026-11-21'))).slip.id;
    ids.cancelled = (await t.call<SalesWriteResult>('sales:saveAndConfirm', input('2026-11-22'))).slip.id;
    await t.call('sales:cancel', { id: ids.cancelled });
    t.close();
  });
  afterAll(() => tmp.cleanup());
  const data = () => join(tmp.dir, 'data');
  const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

  it('writes the 納品書 of a confirmed slip by 伝票番号 and by ID, the same bytes both ways', async () => {
    const byNo = join(outDir, 'by-no.pdf');
    const r = await cli('sales:pdf', '--data-dir', data(), '--slip', 'D01-000001', '--out', byNo);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('納品書PDF(1ページ)');
    const t = text(byNo);
    expect(t).toContain('伝票番号 D01-000001');
    expect(t).toContain('納品日 2026年11月20日');
    expect(t).toMatch(/山田商店\s+御中/);
    expect(t).toContain('登録番号 T9234567890123');
    // 10 %: 3 × 1,200 = 3,600 → 360; 8 %: 2 × 500 = 1,000 → 80; 4,600 + 440 = 5,040
    expect(t).toMatch(/P001\s+コーヒー豆\s+3\s+1,200\s+¥3,600\s+10%/);
    expect(t).toMatch(/P002\s+緑茶\s+2\s+500\s+¥1,000\s+8%※/);
    expect(t).toMatch(/合計\(税込\)\s+¥5,040/);

    const byId = join(outDir, 'by-id.pdf');
    expect((await cli('sales:pdf', '--data-dir', data(), '--slip', String(ids.confirmed), '--out', byId)).code).toBe(0);
    expect(readFileSync(byId).equals(readFileSync(byNo))).toBe(true);
    expect(readdirSync(outDir).sort()).toEqual(['by-id.pdf', 'by-no.pdf']); // no temporary file left behind
  });

  it('refuses a draft, a 取消 slip and an unknown slip in Japanese, leaving an existing --out untouched', async () => {
    const out = join(outDir, 'kept.pdf');
    writeFileSync(out, 'previous file');
    const draft = await cli('sales:pdf', '--data-dir', data(), '--slip', String(ids.draft), '--out', out);
    expect(draft).toMatchObject({ code: 1, err: expect.stringContaining('未確定のため納品書を作れません') });
    const cancelled = await cli('sales:pdf', '--data-dir', data(), '--slip', 'D01-000002', '--out', out);
    expect(cancelled).toMatchObject({ code: 1, err: expect.stringContaining('売上伝票 D01-000002 は取消のため') });
    const unknown = await cli('sales:pdf', '--data-dir', data(), '--slip', 'D01-000099', '--out', out);
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('売上伝票「D01-000099」が見つかりません') });
    const noId = await cli('sales:pdf', '--data-dir', data(), '--slip', '999', '--out', out);
    expect(noId).toMatchObject({ code: 1, err: expect.stringContaining('「999」が見つかりません') });
    expect(readFileSync(out, 'utf8')).toBe('previous file');
    const usage = await cli('sales:pdf', '--data-dir', data(), '--out', out);
    expect(usage).toMatchObject({ code: 2, err: expect.stringContaining('--slip') });
  });

  it('an unwritable --out (missing folder, a folder in the way) is refused and leaves no file', async () => {
    const missing = join(outDir, 'no-such-folder', 'x.pdf');
    const r = await cli('sales:pdf', '--data-dir', data(), '--slip', 'D01-000001', '--out', missing);
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('に書き込めません') });
    expect(existsSync(join(outDir, 'no-such-folder'))).toBe(false);

    const blocked = join(outDir, 'blocked');
    mkdirSync(join(blocked, 'inner'), { recursive: true }); // rename cannot replace a non-empty folder
    const before = readdirSync(outDir).sort();
    const d = await cli('sales:pdf', '--data-dir', data(), '--slip', 'D01-000001', '--out', blocked);
    expect(d).toMatchObject({ code: 1, err: expect.stringContaining('出力先のフォルダがあるか') });
    expect(readdirSync(outDir).sort()).toEqual(before); // the temporary file was removed
    expect(readdirSync(blocked)).toEqual(['inner']);
  });

  it('help lists the command', async () => {
    const h = await cli('help');
    expect(`${h.out}\n${h.err}`).toContain('sales:pdf --data-dir DIR --slip ID|伝票番号 --out FILE.pdf');
  });
});

describe('resolveSlipRef', () => {
  it('takes an ID or a 伝票番号 and refuses digits naming two different slips', () => {
    const byId = (n: number) => n === 7 || n === 12;
    const bySlipNo = (s: string) => ({ 'D01-000001': [7], '12': [30] })[s] ?? [];
    expect(resolveSlipRef('7', byId, bySlipNo)).toBe(7);
    expect(resolveSlipRef('D01-000001', byId, bySlipNo)).toBe(7);
    expect(() => resolveSlipRef('12', byId, bySlipNo)).toThrow(/複数の売上伝票に当たります \(ID 12、30\)/);
    expect(() => resolveSlipRef('8', byId, bySlipNo)).toThrow(/見つかりません/);
  });
});
