/**
 * 出荷取込処理 end to end in Chromium: on the demo shop (simulator), 取込プレビュー then
 * 出荷取込処理 with the result on screen, then a 出荷伝票 and its 請求伝票 with the BCart ids and
 * per-rate totals. Screenshots in test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { seedImportBooks } from '../integration/import/import-fixture';
import { startE2E, type E2E } from './helpers/harness';

async function list<T>(e: E2E, channel: string): Promise<T> {
  const r = await e.core.dispatch(channel, {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('出荷取込処理 (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  const today = jstDateOf(Date.now());
  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, orders: 60, fromDate: addDays(today, -6), toDate: today, rateLimit: false, includeUnsupported: false });
    e = await startE2E();
    await seedImportBooks(e.core.db, e.core.services.bcart, sim, addDays(today, -6));
  });
  afterAll(async () => {
    await e?.close();
    await sim?.close();
  });

  it('取込プレビュー then 出荷取込処理 show the plan, progress result and history', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '出荷取込処理' }).click();
    await expect.poll(() => page.getByLabel('EC連携設定').inputValue()).not.toBe('');
    await page.getByRole('button', { name: '取込プレビュー' }).click();
    const result = page.getByRole('region', { name: '取込結果' }).or(page.locator('section[aria-label="取込結果"]'));
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('取込プレビュー');
    expect(await result.textContent()).toContain('まだ何も取り込んでいません');
    await expect.poll(() => page.getByRole('table', { name: '作成される出荷伝票' }).count()).toBe(1);
    await e.screenshot('import-preview');
    expect((await list<{ total: number }>(e, 'shipments:list')).total).toBe(0);

    await page.getByRole('button', { name: '出荷取込処理', exact: true }).click();
    await expect.poll(() => page.locator('section[aria-label="取込結果"]').textContent(), { timeout: 20_000 }).toContain('取込完了');
    await e.screenshot('import-done');
    expect((await list<{ total: number }>(e, 'shipments:list')).total).toBeGreaterThan(0);
    // both runs are in the history
    await expect.poll(() => page.getByRole('table', { name: '取込履歴' }).getByRole('row').count()).toBe(3);
  });

  it('opens a 出荷伝票 and its 請求伝票 with the BCart ids and per-rate totals', async () => {
    const { page } = e;
    const invoices = await list<{ rows: { bcartOrderCode: string | null; bcartOrderId: number | null; total: number }[] }>(e, 'invoices:list');
    const inv = invoices.rows[0]!;
    await page.getByRole('link', { name: '出荷伝票' }).click();
    await page.getByRole('searchbox', { name: '受注番号・得意先で検索' }).fill(inv.bcartOrderCode!);
    const row = page.getByRole('row', { name: new RegExp(inv.bcartOrderCode!) }).first();
    await row.click();
    const detail = page.locator('section[aria-label="出荷伝票の詳細"]');
    await expect.poll(() => detail.textContent()).toContain(String(inv.bcartOrderId));
    expect(await detail.textContent()).toContain('Bカート発送ID');
    // the shared facts: a 出荷伝票 names its 倉庫 beside the 部門, a 請求伝票 only the 部門
    expect(await detail.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['出荷日', '得意先', '部門 / 倉庫', 'Bカート受注番号', 'Bカート受注ID']));
    await e.screenshot('import-shipment-detail');

    await detail.getByRole('button', { name: /請求伝票 #\d+ を開く/ }).click();
    const invDetail = page.locator('section[aria-label="請求伝票の詳細"]');
    await expect.poll(() => invDetail.textContent()).toContain(inv.bcartOrderCode!);
    const invFacts = await invDetail.locator('dt').allTextContents();
    expect(invFacts).toEqual(expect.arrayContaining(['請求日', '得意先', '部門', 'Bカート受注ID', '出荷伝票']));
    expect(invFacts).not.toContain('部門 / 倉庫');
    const totals = page.getByRole('table', { name: '税率別合計' });
    expect(await totals.textContent()).toContain(`¥${inv.total.toLocaleString('ja-JP')}`);
    await e.screenshot('import-invoice-detail');
  });

  it('システムログ lists the runs and filters by level', async () => {
    const { page } = e;
    await page.getByRole('link', { name: 'システムログ' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'システムログ' }).textContent()).toContain('取り込みました');
    await page.getByLabel('区分').selectOption('error');
    await expect.poll(() => page.getByRole('table', { name: 'システムログ' }).textContent()).toContain('ログはありません');
    await e.screenshot('import-system-log');
  });

  it('a run with one bad order writes nothing and lists the order with the fix', async () => {
    const { page } = e;
    const set = sim.state.productSets[2]!;
    e.core.db.prepare('update products set confirmed = 0 where code = ?').run(set.product_no);
    const bad = sim.state.addOrder({ payment: 'PayPal', lines: [{ productNo: set.product_no, count: 1 }], logistics: [{ status: '発送済' }] });
    const before = await list<{ total: number }>(e, 'shipments:list');
    await page.getByRole('link', { name: '出荷取込処理' }).click();
    await page.getByRole('button', { name: '出荷取込処理', exact: true }).click();
    const result = page.locator('section[aria-label="取込結果"]');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('失敗（何も取り込んでいません）');
    const problems = page.getByRole('table', { name: 'エラーと注意' });
    expect(await problems.textContent()).toContain(bad.order.code);
    expect(await problems.textContent()).toContain('商品マスタにこのコードの商品を登録して確定してください');
    expect((await list<{ total: number }>(e, 'shipments:list')).total).toBe(before.total);
    await e.screenshot('import-failed');
  });
});
