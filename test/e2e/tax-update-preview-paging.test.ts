/**
 * The 消費税自動更新 preview pages through the change list that main keeps in its database: with
 * more changes than a page holds, the screen shows one page, 「次の500件」 shows the next one exactly
 * as the pure plan orders it (the oracle: planTaxUpdate over the same applications), and when the
 * data changes between pages the screen says the preview was computed again and shows the new counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productTaxLookupFromDb } from '../../src-main/core/tax-update/product-tax-lookup-db';
import { planTaxUpdate } from '../../src-shared/tax-update/plan';
import { PRESET_2019 } from '../../src-shared/tax-update/types';
import { insertProducts, makeDataset } from '../integration/tax-update/tax-update-fixture';
import { startE2E, type E2E } from './helpers/harness';

describe('消費税自動更新: the preview pages from the database (e2e)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    const data = makeDataset(11, 500);
    insertProducts(e.core.db, data.products);
    e.core.services.repos.subscriptions.replaceAll(data.apps, e.core.services.ports.now());
  });
  afterAll(async () => {
    await e?.close();
  });

  it('one page at a time, in plan order; a change of the data in between is said', async () => {
    const { page } = e;
    const repos = e.core.services.repos;
    const plan = planTaxUpdate(repos.subscriptions.loadAll(), PRESET_2019, productTaxLookupFromDb(repos.products), 'round');
    expect(plan.changes.length).toBeGreaterThan(1000);
    const total = plan.changes.length.toLocaleString('ja-JP');

    await page.getByRole('link', { name: '消費税自動更新', exact: true }).click();
    await page.getByLabel('四捨五入').check();
    await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
    const preview = page.getByRole('region', { name: 'プレビュー' });
    const range = preview.getByLabel('変更の表示範囲').getByRole('status');
    await expect.poll(() => range.textContent()).toBe(`1〜500件目 / 全${total}件`);
    expect(await preview.getByRole('button', { name: '前の500件' }).isDisabled()).toBe(true);

    await preview.getByRole('button', { name: '次の500件' }).click();
    await expect.poll(() => range.textContent()).toBe(`501〜1,000件目 / 全${total}件`);
    const table = preview.getByRole('table', { name: '変更される価格' });
    const firstRow = table.getByRole('row').nth(1);
    const c = plan.changes[500]!;
    await expect.poll(() => firstRow.textContent()).toContain(c.applicationCode);
    expect(await firstRow.textContent()).toContain(c.productCode);

    // the data changes between two pages: main streams the plan again; the screen says so
    const edited = repos.subscriptions.get(plan.salePrices[0]!.applicationCode)!;
    edited.status = '停止';
    repos.subscriptions.save(edited, false, e.core.services.ports.now());
    await preview.getByRole('button', { name: '前の500件' }).click();
    await expect.poll(() => page.getByText(/計算し直しました/).count()).toBe(1);
    await expect.poll(() => range.textContent()).not.toContain(`全${total}件`);
  });
});
