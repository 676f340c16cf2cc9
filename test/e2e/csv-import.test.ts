/**
 * CSV取込 bounds in Chromium through the harness: a file above the limit is refused on screen with
 * its size and never reaches main; a large 商品 file shows its progress while main reads it, and
 * 中止 stops it with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './helpers/harness';

// In-page scripts are strings: tsx would rewrite a function's helpers, and the page has no Node.
/** 76 MB of zeros made in the page, chosen in the 商品 file input: the browser knows its size without reading it */
const MAKE_HUGE_FILE = `(() => {
  const input = document.querySelector('input[aria-label="商品のCSVファイルを選ぶ"]');
  const transfer = new DataTransfer();
  transfer.items.add(new File([new Uint8Array(76000000)], 'huge.csv', { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
})()`;

/**
 * Clicks 中止 as soon as it shows, noting the progress line it saw. Done in the page: Playwright's
 * own round trips share this test process with the core, which is busy reading the file.
 */
const CANCEL_WHEN_SHOWN = `(() => {
  const observer = new MutationObserver(() => {
    const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === '中止');
    if (!cancel) return;
    observer.disconnect();
    window.__csvProgressSeen = {
      text: document.querySelector('.csv-progress')?.textContent ?? '',
      value: document.querySelector('progress[aria-label="CSV取込の進み具合"]')?.getAttribute('value') ?? null,
    };
    cancel.click();
  });
  observer.observe(document.body, { subtree: true, childList: true });
})()`;

const HEADER = '商品コード,枝番(横),枝番(縦),SKUコード,商品名,計上単位,棚卸対象,税区分コード,単価,JANコード\r\n';

describe('CSV取込 bounds (e2e)', () => {
  let e: E2E;
  const imports: string[] = [];
  beforeAll(async () => {
    e = await startE2E();
    // every call that reaches main: a refused file must not be one of them
    e.page.on('request', (r) => {
      if (r.url().includes('/__ipc/csv%3Aimport') || r.url().includes('/__ipc/csv:import')) imports.push(r.url());
    });
    await e.page.getByRole('link', { name: '商品', exact: true }).click();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a file above 75MB is refused with its size before it is read; nothing is sent', async () => {
    const { page } = e;
    await page.evaluate(MAKE_HUGE_FILE);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('CSVファイルが大きすぎます');
    expect(await alert.textContent()).toContain('ファイル「huge.csv」は76.0MBあり');
    expect(imports).toEqual([]);
  });

  it('a large file shows its progress while main reads it, and 中止 stops it with nothing written', async () => {
    const { page } = e;
    let csv = HEADER;
    for (let i = 0; i < 60_000; i++) csv += `P${String(i).padStart(6, '0')},,,,進み具合を見る商品${i},1,対象,STD10,${i % 9000},\r\n`;
    // the clerk clicks 中止 as soon as it shows
    await page.evaluate(CANCEL_WHEN_SHOWN);
    await page.getByLabel('商品のCSVファイルを選ぶ').setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'CSV取込を中止しました' }).count(), { timeout: 60_000 }).toBe(1);
    const seen = (await page.evaluate('window.__csvProgressSeen')) as { text: string; value: string | null };
    expect(seen.text).toMatch(/ファイルの内容を確認しています\([\d,]+行\)中止/);
    expect(Number(seen.value)).toBeGreaterThan(0);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'CSV取込' }).isEnabled()).toBe(true);
    const list = await e.core.dispatch('products:list', {});
    expect(list.ok && list.value).toMatchObject({ total: 0 });
    // this file did reach main (the request watch of the first test sees imports)
    expect(imports).toHaveLength(1);
  });
});
