/**
 * ホーム, 売上伝票 and 売上分析 end to end in Chromium through the harness: a fresh install's ホーム
 * shows the way to 初期設定 and 「デモデータで試す」; after the demo and one 出荷取込処理 it shows the
 * tiles, each linking to its screen; a 売上伝票 entered and confirmed on screen gets its number and
 * 請求伝票, appears in 売上分析 beside the BCart sales (chart and table), and both tables export as CSV.
 * Screenshots: dashboard-first-run.png, dashboard.png, sales-editor.png, sales-detail.png,
 * sales-analysis.png, sales-analysis-drilldown.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jstDateOf } from '../../src-shared/domain/jst-date';
import { startE2E, type E2E } from './helpers/harness';

async function call<T>(e: E2E, channel: string, input: unknown = {}): Promise<T> {
  const r = await e.core.dispatch(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('ホーム, 売上伝票, 売上分析 (e2e)', () => {
  let e: E2E;
  let wholesaleNet = 0;
  const today = jstDateOf(Date.now());
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    if (e) await e.core.services.demo.stop();
    await e?.close();
  });

  it('a fresh install: ホーム shows the way to 初期設定 and 「デモデータで試す」', async () => {
    const { page } = e;
    const start = page.getByRole('region', { name: 'はじめに' });
    await expect.poll(() => start.textContent()).toContain('まだ何も設定されていません');
    expect(await start.getByRole('button', { name: '初期設定へ' }).count()).toBe(1);
    expect(await start.getByRole('button', { name: 'デモデータで試す' }).count()).toBe(1);
    await e.screenshot('dashboard-first-run');
    await start.getByRole('button', { name: '初期設定へ' }).click();
    await expect.poll(() => page.url()).toContain('#/setup');
    await page.goBack();
    await expect.poll(() => page.getByRole('region', { name: 'はじめに' }).count()).toBe(1);
  });

  it('after the demo and a 出荷取込処理, ホーム shows each area and links to its screen', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    // the demo configured everything: ホーム turns from はじめに into the tiles
    await expect.poll(() => page.getByRole('region', { name: 'Bカート接続' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('region', { name: 'はじめに' }).count()).toBe(0);
    await page.getByRole('link', { name: '出荷取込処理' }).click();
    await expect.poll(() => page.getByLabel('EC連携設定').inputValue()).not.toBe('');
    await page.getByRole('button', { name: '出荷取込処理', exact: true }).click();
    await expect.poll(() => page.locator('section[aria-label="取込結果"]').textContent(), { timeout: 30_000 }).toContain('取込完了');

    await page.getByRole('button', { name: 'BCart Desk' }).click();
    const connection = page.getByRole('region', { name: 'Bカート接続' });
    await expect.poll(() => connection.textContent()).toContain('認証済');
    const imp = page.getByRole('region', { name: /^出荷取込処理: / });
    await expect.poll(() => imp.textContent()).toContain('成功');
    expect(await imp.textContent()).toMatch(/出荷伝票 [\d,]+件/);
    expect(await imp.textContent()).toMatch(/出荷待ち [\d,]+件/);
    // one 7-day window of the demo's 30 days: not caught up yet
    expect(await imp.textContent()).toContain('未取込の期間があります');
    expect(await page.getByRole('region', { name: 'はじめに' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: '売上' }).textContent()).toContain('未確定の売上伝票 0件');
    // 在庫 and 売掛 tiles: 在庫反映 counts, the 連携倉庫 not reconciled yet, 入金予定 this week / overdue
    const push = page.getByRole('region', { name: '在庫反映' });
    await expect.poll(() => push.textContent()).toMatch(/未送信 [\d,]+件・失敗 0件・要確認 0件/);
    const reconcile = page.getByRole('region', { name: '在庫照合' });
    await expect.poll(() => reconcile.textContent()).toContain('まだ照合していません');
    const due = page.getByRole('region', { name: '請求・入金予定' });
    const schedule = await call<{ rows: { amount: number; overdue: boolean }[] }>(e, 'receivables:schedule', {});
    const overdue = schedule.rows.filter((r) => r.overdue).reduce((s, r) => s + r.amount, 0);
    await expect.poll(() => due.textContent()).toMatch(/今週 \(.+ まで\) の入金予定: ¥[\d,]+/);
    expect(await due.textContent()).toContain(overdue > 0 ? `期日超過: ¥${overdue.toLocaleString('ja-JP')}` : '期日超過: なし');
    await e.screenshot('dashboard');
    for (const [tile, hash] of [
      ['在庫反映', '#/stock-push'],
      ['在庫照合', '#/stock-reconcile'],
      ['請求・入金予定', '#/expected-receipts'],
    ] as const) {
      await page.getByRole('region', { name: tile }).getByRole('button').click();
      await expect.poll(() => page.url()).toContain(hash);
      await page.getByRole('button', { name: 'BCart Desk' }).click();
    }
    await imp.getByRole('button', { name: '出荷取込処理を開く →' }).click();
    await expect.poll(() => page.url()).toContain('#/import');
    // 最新まで取込: the remaining windows one after another, then the screen says it caught up
    expect(await page.locator('.toolbar .count').textContent()).toContain('未取込の期間があります');
    await page.getByRole('button', { name: '最新まで取込' }).click();
    const caught = page.getByRole('status', { name: '最新まで取込の結果' });
    await expect.poll(() => caught.textContent(), { timeout: 60_000 }).toContain('最新まで取込済み');
    expect(await caught.textContent()).toMatch(/\d+期間を処理しました/);
    expect(await page.locator('.toolbar .count').textContent()).toContain('（最新まで取込済み）');
    await e.screenshot('import-catch-up');
    await page.getByRole('button', { name: 'BCart Desk' }).click();
    await expect.poll(() => page.getByRole('region', { name: /^出荷取込処理: / }).textContent()).toContain('最新まで取り込み済みです');
    await page.getByRole('button', { name: 'BCart Desk' }).click();
    await page.getByRole('region', { name: '次回の定期実行' }).getByRole('button').click();
    await expect.poll(() => page.url()).toContain('#/schedules');
  });

  it('enters and confirms a 売上伝票: number, 請求伝票, stock; the list shows it', async () => {
    const { page } = e;
    const customers = await call<{ rows: { id: number; code: string; name: string; taxDisplay: string | null }[] }>(e, 'partners:listByKind', { kind: '得意先', limit: 500 });
    const customer = customers.rows.find((c) => !c.code.startsWith('BC_'))!;
    const products = await call<{ rows: { id: number; code: string; name: string; unitPrice: number; inventoryTracked: boolean }[] }>(e, 'products:list', { limit: 50 });
    const product = products.rows.find((p) => p.inventoryTracked)!;
    await page.getByRole('link', { name: '売上伝票' }).click();
    await page.getByRole('button', { name: '新規' }).click();
    const form = page.getByRole('form', { name: '売上伝票の入力' });
    await form.getByLabel('得意先').selectOption(String(customer.id));
    await form.getByLabel('出荷倉庫').selectOption({ index: 1 });
    await form.getByLabel('売上日').fill(today);
    await form.getByLabel('1行目の商品').selectOption(String(product.id));
    await form.getByLabel('1行目の数量').fill('12');
    await form.getByLabel('1行目の単価').fill('1500');
    await form.getByRole('button', { name: '行を追加' }).click();
    await form.getByLabel('2行目の商品').selectOption(String(product.id));
    await form.getByLabel('2行目の数量').fill('-2');
    await form.getByLabel('2行目の単価').fill('1500');
    await e.screenshot('sales-editor');
    // a mistake first: the error is shown beside the field and nothing is saved
    await form.getByLabel('2行目の数量').fill('0');
    await form.getByRole('button', { name: '保存して確定' }).click();
    await expect.poll(() => form.textContent()).toContain('数量は0以外');
    expect((await call<{ total: number }>(e, 'sales:list', {})).total).toBe(0);
    await form.getByLabel('2行目の数量').fill('-2');
    await form.getByRole('button', { name: '保存して確定' }).click();

    const detail = page.locator('[aria-label="売上伝票の詳細"]');
    await expect.poll(() => detail.textContent()).toMatch(/売上伝票 EC-000001/);
    expect(await detail.textContent()).toContain('確定');
    const slip = (await call<{ rows: { id: number; net: number; total: number; status: string; priceMode: string }[] }>(e, 'sales:list', {})).rows[0]!;
    expect(slip.status).toBe('confirmed');
    // 10 units × ¥1,500 as entered: tax-excluded for a 税抜 customer, tax-included for a 税込 one
    expect(slip.priceMode === '税込' ? slip.total : slip.net).toBe(15000);
    wholesaleNet = slip.net;
    const taxTable = detail.getByRole('table', { name: '税率別合計' });
    expect(await taxTable.textContent()).toContain(`¥${slip.total.toLocaleString('ja-JP')}`);
    await e.screenshot('sales-detail');
    // 納品書PDF: refused with what to do until 自社情報 exists, then saved as a PDF
    await detail.getByRole('button', { name: '納品書PDF' }).click();
    await expect.poll(() => detail.textContent()).toContain('自社情報が未登録のため納品書を作れません');
    await call(e, 'company:save', { name: '株式会社デモ商事', postalCode: '150-0002', address1: '東京都渋谷区渋谷2-1-1', address2: '', phone: '', registrationNumber: '', bankAccountIds: [] });
    const note = page.waitForEvent('download');
    await detail.getByRole('button', { name: '納品書PDF' }).click();
    const noteFile = await note;
    expect(noteFile.suggestedFilename()).toMatch(/^納品書_EC-000001_.+\.pdf$/);
    expect(readFileSync((await noteFile.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await expect.poll(() => detail.getByRole('status', { name: '納品書' }).textContent()).toContain('納品書を保存しました');
    expect(await page.getByRole('table', { name: '売上伝票' }).textContent()).toContain('EC-000001');
    // its 請求伝票 opens from the detail
    await detail.getByRole('button', { name: /^#\d+$/ }).click();
    await expect.poll(() => page.url()).toContain('#/invoices/');
  });

  it('売上分析 shows the 卸 sale beside the BCart sales (chart and table), drills down, and exports CSV', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '売上分析' }).click();
    await page.getByLabel('集計単位').selectOption('channel');
    const table = page.getByRole('table', { name: '売上分析表' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.textContent()).toContain('Bカート');
    expect(await table.textContent()).toContain(`¥${wholesaleNet.toLocaleString('ja-JP')}`);
    const bcart = await call<{ rows: { channel: string; net: number }[] }>(e, 'analysis:sales', { by: 'channel', from: `${today.slice(0, 4)}-01-01`, to: today });
    expect(bcart.rows.map((r) => r.channel)).toEqual(['bcart', 'wholesale']);
    expect(bcart.rows[0]!.net).toBeGreaterThan(0);

    await page.getByLabel('集計単位').selectOption('month');
    await expect.poll(() => page.getByRole('img', { name: '月別の売上グラフ' }).count()).toBe(1);
    // the chart really drew: its canvas holds non-blank pixels
    await expect
      .poll(() => page.evaluate<number>("document.querySelector('canvas').toDataURL().length"))
      .toBeGreaterThan(5000);
    expect(await page.getByRole('region', { name: '合計' }).or(page.locator('dl[aria-label="合計"]')).textContent()).toContain('純売上');
    await e.screenshot('sales-analysis');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力', exact: true }).click();
    const text = readFileSync((await (await download).path())!).subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('キー,名称,チャネル,税抜売上,数量,前年税抜売上,前年数量,前年差,原価,粗利,粗利率');
    expect(text).toContain(`${today.slice(0, 7)},${today.slice(0, 7)},卸,${wholesaleNet},10,`);

    await table.getByRole('row', { name: new RegExp(`${today.slice(0, 7)}.*卸`) }).getByRole('button', { name: '明細' }).click();
    const slips = page.getByRole('table', { name: '明細伝票' });
    await expect.poll(() => slips.textContent()).toContain('EC-000001');
    await e.screenshot('sales-analysis-drilldown');
    const slipCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: '明細をCSV出力' }).click();
    expect(readFileSync((await (await slipCsv).path())!).subarray(3).toString('utf8')).toContain('EC-000001');
    await slips.getByRole('button', { name: 'EC-000001' }).click();
    await expect.poll(() => page.url()).toContain('#/sales/');
  });
});
