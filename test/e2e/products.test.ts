/**
 * 商品 end to end in Chromium through the harness: a broken CSV shows its problems as 行/列/内容 and
 * writes nothing; a CP932 CSV is imported through the file button and its rows appear; CSV出力
 * downloads the file; screenshot of the 商品 list. Plus the 取引先 form's customer rules and a CSV出力 limited to the 取引先種別 filter.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { SCREENSHOT_DIR } from './helpers/harness';
import { startE2E, type E2E } from './helpers/harness';

const HEADER = '商品コード,枝番(横),枝番(縦),SKUコード,商品名,計上単位,棚卸対象,税区分コード,単価,JANコード\r\n';

describe('商品 CSV (e2e)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a broken file lists its problems by row and column and imports nothing', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '商品', exact: true }).click();
    const bad = `${HEADER}P001,,,,コーヒー,0,対象,STD10,100,\r\n`;
    await page.getByLabel('商品のCSVファイルを選ぶ').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const problems = page.getByRole('table', { name: 'CSVの誤り' });
    await expect.poll(() => problems.getByRole('row').count()).toBe(2);
    const cells = await problems.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells[0]).toBe('2');
    expect(cells[1]).toBe('計上単位');
    expect(cells[2]).toContain('1以上の整数');
    await e.screenshot('products-csv-errors');
    const list = await e.core.dispatch('products:list', {});
    expect(list.ok && list.value).toMatchObject({ total: 0 });
  });

  it('imports a Shift_JIS file, shows the rows, and exports them', async () => {
    const { page } = e;
    const rows = Array.from({ length: 30 }, (_, i) => `P${String(i + 1).padStart(3, '0')},,,,①㈱髙～商品${i + 1},${i + 1},対象,STD10,${(i + 1) * 100},\r\n`).join('');
    const csv = `${HEADER}${rows}SHIP,,,,送料・手数料,1,対象外,STD10,0,\r\n`;
    await page.getByLabel('商品のCSVファイルを選ぶ').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp932') });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('新規 31件');
    expect(await page.getByRole('status').textContent()).toContain('Shift_JIS');
    await expect.poll(() => page.getByRole('row', { name: /P001/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /P001/ }).textContent()).toContain('①㈱髙～商品1');
    expect(await page.getByText('31件', { exact: true }).count()).toBe(1);
    await e.screenshot('products-list');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^商品_\d{8}\.csv$/);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith(HEADER)).toBe(true);
    expect(text).toContain('P001,,,,①㈱髙～商品1,1,対象,STD10,100,\r\n');
    expect(text).toContain('SHIP,,,,送料・手数料,1,対象外,STD10,0,\r\n');
  });

  it('filtering the list narrows it to the matching products', async () => {
    const { page } = e;
    await page.getByLabel('商品を検索').fill('送料');
    await expect.poll(() => page.getByText('1件', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /SHIP/ }).count()).toBe(1);
  });

  it('取引先: a 締 customer without 締日 shows the message beside 締日', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '取引先', exact: true }).click();
    await page.getByRole('button', { name: '新規' }).click();
    await page.getByLabel('取引先コード').fill('C001');
    await page.getByLabel('取引先名').fill('株式会社テスト');
    await page.getByLabel('請求区分').selectOption('締');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#partners-closingDay-error').textContent()).toContain('締日');
    await page.getByLabel('締日').fill('31');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('row', { name: /C001/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /C001/ }).textContent()).toContain('締 末日');
  });

  // This test once flaked: typing right after 新規 was wiped by the form's reset effect (fixed by one
  // form instance per record; test/renderer/master-form-typing.test.tsx pins it). On failure the page
  // text and the stored partners still go to test-output for diagnosis.
  it('取引先: a 倉庫 hides the billing fields, saves, and the 種別 filter finds it', async () => {
    const { page } = e;
    onTestFailed(async () => {
      await e.screenshot('FAILED-partner-warehouse');
      const stored = await e.core.dispatch('partners:list', {});
      writeFileSync(join(SCREENSHOT_DIR, 'FAILED-partner-warehouse.txt'), `${page.url()}\n${await page.locator('body').innerText()}\n----\n${JSON.stringify(stored)}`);
    });
    await page.getByRole('button', { name: '新規' }).click();
    await page.getByLabel('取引先コード').fill('W001');
    await page.getByLabel('取引先名').fill('本社倉庫');
    await page.locator('#partners-kind').selectOption('倉庫');
    await expect.poll(() => page.getByLabel('請求区分').count()).toBe(0);
    expect(await page.getByLabel('税表示').count()).toBe(0);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('row', { name: /W001/ }).count()).toBe(1);
    await page.getByLabel('取引先種別で絞り込み').selectOption('倉庫');
    await expect.poll(() => page.getByRole('row', { name: /C001/ }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /W001/ }).count()).toBe(1);
    // CSV出力 writes what the filtered list shows: only 倉庫 rows
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力' }).click();
    const text = readFileSync((await (await download).path())!).subarray(3).toString('utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('取引先コード,取引先名,取引先種別,請求区分,締日,税表示,郵便番号,住所1,住所2,電話番号,担当者,登録番号,回収月,回収日,休日の場合,消費税計算単位,消費税端数処理,請求書発行,期首売掛金残高');
    expect(lines.slice(1)).toEqual([`W001,本社倉庫,倉庫${','.repeat(16)}`]);
    expect(text).not.toContain('C001');
  });
});
