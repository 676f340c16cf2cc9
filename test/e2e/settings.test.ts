/**
 * EC連携設定 end to end in Chromium through the harness: an invalid form shows every problem beside
 * its field and saves nothing; the 初期設定 wizard's 「デモデータで試す」 ends with a valid saved
 * EC連携設定 connected to the built-in simulator; EC連携商品 lists BCart sets with suggestions.
 * Screenshots: settings-detail.png, product-links.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopDemoSimulator } from '../../src-main/core/settings/demo-service';
import { startE2E, type E2E } from './helpers/harness';

describe('EC連携設定 (e2e)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    if (e) await stopDemoSimulator(e.core.ctx);
    await e?.close();
  });

  it('an invalid settings form shows every problem beside its field and writes nothing', async () => {
    const { page } = e;
    await page.getByRole('link', { name: 'EC連携設定' }).click();
    await page.getByRole('button', { name: '新規' }).click();
    await page.getByLabel('設定名').fill('');
    await page.getByLabel('出荷取込開始日').fill('2099-12-31');
    await page.getByLabel('APIのURL').fill('http://api.bcart.jp/api/v1');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#ec-departmentId-error').textContent()).toContain('連携部門を選択してください');
    const expected: Record<string, string> = {
      name: '設定名を入力してください',
      warehouseId: '連携倉庫を選択してください',
      bankAccountId: '入金口座を選択してください',
      standardTaxClassId: '標準税区分を選択してください',
      reducedTaxClassId: '軽減税区分を選択してください',
      exemptTaxClassId: '非課税税区分を選択してください',
      shippingFeeProductId: '送料・手数料の商品を選択してください',
      discountProductId: '値引・ポイントの商品を選択してください',
      shipmentWorkflowId: '出荷ワークフローを選択してください',
      invoiceWorkflowId: '請求ワークフローを選択してください',
      importStartDate: '未来の日付',
      apiBaseUrl: 'https://',
    };
    for (const [field, text] of Object.entries(expected)) {
      expect(await page.locator(`#ec-${field}-error`).textContent(), field).toContain(text);
    }
    expect(await page.getByRole('alert').first().textContent()).toContain('EC連携設定に不備があります');
    const list = await e.core.dispatch('settings:list', {});
    expect(list.ok && list.value).toEqual({ rows: [] });
  });

  it('the wizard demo path ends with a valid, saved, connected EC連携設定', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '初期設定' }).click();
    await page.getByRole('button', { name: 'デモデータで試す' }).click();
    const result = page.getByRole('status', { name: 'デモの結果' });
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    expect(await result.textContent()).toContain('EC連携設定 1件');

    await page.getByRole('button', { name: 'EC連携設定を開く' }).click();
    await expect.poll(() => page.getByLabel('接続状態').textContent()).toContain('認証済');
    // the selects show the saved references (options may arrive after the values)
    await expect.poll(() => page.locator('#ec-departmentId option:checked').textContent()).toBe('EC EC事業部');
    expect(await page.locator('#ec-shippingFeeProductId option:checked').textContent()).toBe('SHIPPING-FEE 送料・手数料');
    // saving the demo settings unchanged passes every reference check
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByText('保存しました。').count()).toBe(1);
    await page.getByRole('button', { name: '接続テスト' }).click();
    await expect.poll(() => page.getByText(/接続できました/).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: '決済方法と得意先の対応' }).getByRole('row').count()).toBe(15);
    await e.screenshot('settings-detail');

    // 決済方法ごとの得意先: a new method pointing to a customer that does not exist yet
    const table = page.getByRole('table', { name: '決済方法と得意先の対応' });
    await page.getByRole('button', { name: '行を追加' }).click();
    await table.getByLabel('15行目の決済方法').fill('後払い.com');
    await table.getByLabel('15行目の得意先コード').fill('BC_Atobarai');
    await page.getByRole('button', { name: '対応表を保存' }).click();
    await expect.poll(() => table.getByRole('row').nth(15).textContent()).toContain('未登録');
    await page.getByRole('button', { name: '不足している得意先を作成 (1)' }).click();
    await expect.poll(() => page.getByText('作成 1件、確定 0件。').count()).toBe(1);
    await expect.poll(() => table.getByRole('row').nth(15).textContent()).toContain('登録済');

    const list = await e.core.dispatch('settings:list', {});
    const rows = list.ok ? (list.value as { rows: { id: number; apiBaseUrl: string }[] }).rows : [];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const check = await e.core.dispatch('paymentRules:check', { settingId: rows[0]!.id });
    expect(check).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
  });

  it('EC連携商品: 取得 lists BCart sets with suggestions; the ticked ones are registered in bulk', async () => {
    const { page } = e;
    await page.getByRole('link', { name: 'EC連携商品' }).click();
    await page.getByRole('button', { name: '取得' }).click();
    const sets = page.getByRole('table', { name: 'Bカートの商品セット' });
    await expect.poll(() => sets.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(50);
    expect(await sets.getByRole('row').nth(1).textContent()).toContain('最近の注文');
    await e.screenshot('product-links');
    await page.getByRole('button', { name: /選択したセットを登録/ }).click();
    await expect.poll(() => page.getByText(/件のEC連携商品を登録しました/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: '登録済みのEC連携商品' }).getByRole('row').count()).toBeGreaterThan(50);
    await page.getByRole('button', { name: '取得' }).click();
    await expect.poll(() => sets.getByText('連携済').count()).toBeGreaterThan(50);
    expect(await sets.getByRole('row').nth(1).textContent()).not.toContain('最近の注文');
  });
});
