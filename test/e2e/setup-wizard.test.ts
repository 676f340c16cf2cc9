/**
 * 初期設定 wizard, the manual path, in Chromium: 部門 → 倉庫 → 請求口座 (a mistake shown beside its
 * field) → 商品 → EC連携設定 → 認証 with a pasted token against the simulator, then products and
 * 得意先 from BCart with preview and result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { startE2E, type E2E } from './helpers/harness';

describe('初期設定 wizard, manual path (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ rateLimit: false, orders: 20 });
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
    await sim?.close();
  });

  it('walks every step and ends connected, with products and 得意先 from BCart', async () => {
    const { page } = e;
    const submit = () => page.getByRole('button', { name: '登録して確定' }).click();
    const stepHeading = (n: number) => page.getByRole('heading', { name: new RegExp(`^手順${n}:`) });
    await page.getByRole('link', { name: '初期設定' }).click();
    await submit();
    await expect.poll(() => stepHeading(2).count()).toBe(1);
    await submit();
    await expect.poll(() => stepHeading(3).count()).toBe(1);

    await page.getByLabel('口座番号').fill('12345');
    await submit();
    await expect.poll(() => page.locator('#wiz-bankAccounts-accountNumber-error').textContent()).toContain('7桁');
    expect(await page.locator('#wiz-bankAccounts-bankName-error').textContent()).toContain('銀行名を入力してください');
    await page.getByLabel('銀行名').fill('みずほ銀行');
    await page.getByLabel('支店名').fill('本店');
    await page.getByLabel('口座番号').fill('1234567');
    await page.getByLabel('口座名義').fill('カ）テストシヨウジ');
    await submit();
    await expect.poll(() => stepHeading(4).count()).toBe(1);

    await page.getByRole('button', { name: '送料・手数料と値引・ポイントの商品を作成' }).click();
    await expect.poll(() => stepHeading(5).count()).toBe(1);

    await page.getByLabel('連携部門').selectOption({ index: 1 });
    await page.getByLabel('連携倉庫').selectOption({ index: 1 });
    await page.getByLabel('入金口座').selectOption({ index: 1 });
    await page.getByLabel('標準税区分').selectOption({ label: '標準10% (10%)' });
    await page.getByLabel('軽減税区分').selectOption({ label: '軽減8% (8%)' });
    await page.getByLabel('非課税税区分').selectOption({ label: '非課税0% (0%)' });
    await page.locator('#ec-shippingFeeProductId').selectOption({ label: 'SHIPPING-FEE 送料・手数料' });
    await page.locator('#ec-discountProductId').selectOption({ label: 'DISCOUNT-POINT 値引・ポイント' });
    await page.getByLabel('出荷ワークフロー').selectOption({ label: '出荷管理 [出荷]' });
    await page.getByLabel('請求ワークフロー').selectOption({ label: '請求管理(繰越なし) [請求]' });
    await page.getByLabel('APIのURL').fill(sim.url);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => stepHeading(6).count()).toBe(1);

    await expect.poll(() => page.getByLabel('接続状態').textContent()).toContain('未認証');
    await page.getByLabel('アクセストークン').fill(sim.token);
    await page.getByRole('button', { name: 'トークンを保存' }).click();
    await expect.poll(() => page.getByLabel('接続状態').textContent()).toContain('認証済');
    await page.getByRole('button', { name: '接続テスト' }).click();
    await expect.poll(() => page.getByText(/接続できました/).count()).toBe(1);

    await page.getByRole('button', { name: '商品のプレビュー' }).click();
    const createProducts = page.getByRole('button', { name: /件の商品を作成/ });
    await expect.poll(() => createProducts.textContent()).toBe(`${sim.state.productSets.length}件の商品を作成`);
    await createProducts.click();
    await expect.poll(() => page.getByText(/商品を\d+件作成しました/).textContent()).toContain(`商品を${sim.state.productSets.length}件作成しました`);

    await page.getByRole('button', { name: '得意先のプレビュー' }).click();
    const withExt = sim.state.customers.filter((c) => c.ext_id !== '').length;
    await expect.poll(() => page.getByRole('button', { name: /件の得意先を作成/ }).textContent()).toBe(`${withExt}件の得意先を作成`);
    await page.getByRole('button', { name: /件の得意先を作成/ }).click();
    await expect.poll(() => page.getByText(/得意先を\d+件作成しました/).count()).toBe(1);

    const list = await e.core.dispatch('settings:list', {});
    const rows = list.ok ? (list.value as { rows: { id: number; apiBaseUrl: string }[] }).rows : [];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.apiBaseUrl).toBe(sim.url);
    const n = (sql: string) => (e.core.db.prepare(sql).get() as { n: number }).n;
    expect(n("select count(*) n from partners where kind = '得意先' and confirmed = 1")).toBe(withExt);
    expect(n('select count(*) n from products where confirmed = 1')).toBe(sim.state.productSets.length + 2);
  });
});
