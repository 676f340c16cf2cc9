/**
 * EC連携設定 end to end in Chromium through the harness: an invalid form shows every problem beside
 * its field and saves nothing; the 初期設定 wizard's 「デモデータで試す」 ends with a valid saved
 * EC連携設定 connected to the built-in simulator; EC連携商品 lists BCart sets with suggestions, and a
 * set is linked to a product found with 商品を検索 (a different 計上単位 is refused).
 * Screenshots: settings-detail.png, product-links.png, product-links-search.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './helpers/harness';

describe('EC連携設定 (e2e)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    if (e) await e.core.services.demo.stop();
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
    // the outcome and the fields to fix are beside 保存, and focus is on the first field in error
    const summary = page.getByRole('alert', { name: '保存できませんでした' });
    expect(await summary.textContent()).toContain('EC連携設定に不備があります');
    expect(await summary.getByRole('link').count()).toBeGreaterThan(5);
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('ec-name');
    const list = await e.core.dispatch('settings:list', {});
    expect(list.ok && list.value).toEqual({ rows: [] });
  });

  it('the wizard demo path ends with a valid, saved, connected EC連携設定', async () => {
    const { page } = e;
    // the unsaved form of the previous test: leaving it asks first
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.getByRole('link', { name: '初期設定' }).click();
    expect(asked[0]).toContain('EC連携設定(新規)の変更が保存されていません');
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
    await expect.poll(() => page.getByRole('table', { name: '決済方法と得意先の対応' }).getByRole('row').count()).toBe(16);
    // the demo shop's own payment method, booked to its customer by the demo's 初期設定
    expect(await page.getByRole('table', { name: '決済方法と得意先の対応' }).getByRole('row').nth(15).textContent()).toContain('登録済');
    await e.screenshot('settings-detail');

    // 決済方法ごとの得意先: a new method pointing to a customer that does not exist yet
    const table = page.getByRole('table', { name: '決済方法と得意先の対応' });
    await page.getByRole('button', { name: '行を追加' }).click();
    await table.getByLabel('16行目の決済方法').fill('後払い.com');
    await table.getByLabel('16行目の得意先コード').fill('BC_Atobarai');
    await page.getByRole('button', { name: '対応表を保存' }).click();
    await expect.poll(() => table.getByRole('row').nth(16).textContent()).toContain('未登録');
    await page.getByRole('button', { name: '不足している得意先を作成 (1)' }).click();
    await expect.poll(() => page.getByText('作成 1件、確定 0件。').count()).toBe(1);
    await expect.poll(() => table.getByRole('row').nth(16).textContent()).toContain('登録済');

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
    // 同じコード mode (the demo's setting): the sets found by code are counted, only the exceptions listed
    const sameCode = page.getByRole('note', { name: '同じコードで取り込めるセット' }).or(page.locator('[aria-label="同じコードで取り込めるセット"]'));
    await expect.poll(() => sameCode.textContent(), { timeout: 15_000 }).toMatch(/\d+件のセットは品番と同じコードの商品があり/);
    await page.getByRole('button', { name: 'すべてのセットを表示' }).click();
    await expect.poll(() => sets.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(50);
    // every unlinked set with a suggestion starts ticked; the count on the button follows the ticks
    const register = page.getByRole('button', { name: /選択したセットを登録/ });
    const before = Number(/\((\d+)\)/.exec((await register.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(50);
    await page.getByLabel('未連携のセットをすべて選択').uncheck();
    await expect.poll(() => register.textContent()).toContain('(0)');
    expect(await register.isDisabled()).toBe(true);
    await page.getByLabel('未連携のセットをすべて選択').check();
    await expect.poll(() => register.textContent()).toContain(`(${before})`);
    expect(await sets.getByRole('row').nth(1).textContent()).toContain('最近の注文');
    await e.screenshot('product-links');
    await page.getByRole('button', { name: /選択したセットを登録/ }).click();
    await expect.poll(() => page.getByText(/件のEC連携商品を登録しました/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: '登録済みのEC連携商品' }).getByRole('row').count()).toBeGreaterThan(50);
    await page.getByRole('button', { name: '取得' }).click();
    await expect.poll(() => sets.getByText('連携済').count()).toBeGreaterThan(50);
    expect(await sets.getByRole('row').nth(1).textContent()).not.toContain('最近の注文');
  });

  it('EC連携商品: an unlinked set is linked to a product found by search; a different 計上単位 is refused', async () => {
    const { page } = e;
    const registered = page.getByRole('table', { name: '登録済みのEC連携商品' });
    const first = registered.getByRole('row').nth(1).getByRole('cell');
    const setId = Number(await first.nth(0).textContent());
    const qty = Number(await first.nth(3).textContent());
    expect(Number.isInteger(setId) && Number.isInteger(qty) && qty > 0).toBe(true);
    // unlink it, so the set is 未連携 again
    await page.getByRole('button', { name: `セット${setId}の連携を削除` }).click();
    await expect.poll(() => page.getByRole('button', { name: `セット${setId}の連携を削除` }).count(), { timeout: 15_000 }).toBe(0);
    // two confirmed products no set suggests: one with BCart's 入数 as 計上単位, one without
    const ids: Record<string, number> = {};
    for (const [code, unitQuantity] of [['ZLINK-OK', qty], ['ZLINK-NG', qty + 1]] as const) {
      const created = await e.core.dispatch('products:create', { code, name: `検索で連携${code}`, unitQuantity, inventoryTracked: true, unitPrice: 100 });
      if (!created.ok) throw new Error(JSON.stringify(created));
      ids[code] = (created.value as { id: number }).id;
      expect(await e.core.dispatch('products:confirm', { id: ids[code] })).toMatchObject({ ok: true });
    }

    await page.getByRole('button', { name: '取得' }).click();
    const search = page.getByRole('searchbox', { name: `セット${setId}の商品を検索` });
    await expect.poll(() => search.count(), { timeout: 15_000 }).toBe(1);
    await search.fill('ZLINK');
    const results = page.getByRole('list', { name: `セット${setId}の商品検索結果` });
    await expect.poll(() => results.getByRole('button').count(), { timeout: 15_000 }).toBe(2);
    expect(await results.getByRole('listitem').filter({ hasText: 'ZLINK-NG' }).textContent()).toContain(`入数 ${qty} と違う`);
    await e.screenshot('product-links-search');

    // the wrong 計上単位: warned beside the choice, and main refuses the link
    await results.getByRole('button', { name: /ZLINK-NG/ }).click();
    const choice = page.getByRole('combobox', { name: `セット${setId}の連携商品` });
    expect(await choice.inputValue()).toBe(String(ids['ZLINK-NG']));
    await expect.poll(() => page.getByText(`商品「ZLINK-NG」の計上単位 ${qty + 1} が違うため登録できません`).count()).toBe(1);
    await page.getByRole('button', { name: /選択したセットを登録/ }).click();
    const refused = page.getByRole('list', { name: '登録できなかったEC連携商品' });
    await expect.poll(() => refused.count(), { timeout: 15_000 }).toBe(1);
    expect(await refused.textContent()).toContain(`Bカートの入数 ${qty} と商品「ZLINK-NG」の計上単位 ${qty + 1} が違います`);
    expect(await page.getByRole('button', { name: `セット${setId}の連携を削除` }).count()).toBe(0);

    // the right one links
    await search.fill('ZLINK-OK');
    await expect.poll(() => results.getByRole('button').count(), { timeout: 15_000 }).toBe(1);
    await results.getByRole('button', { name: /ZLINK-OK/ }).click();
    expect(await choice.inputValue()).toBe(String(ids['ZLINK-OK']));
    await page.getByRole('button', { name: /選択したセットを登録/ }).click();
    await expect.poll(() => page.getByText('1件のEC連携商品を登録しました。').count(), { timeout: 15_000 }).toBe(1);
    const row = registered.getByRole('row').filter({ has: page.getByRole('button', { name: `セット${setId}の連携を削除` }) });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain('ZLINK-OK');
  });
});
