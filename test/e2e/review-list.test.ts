/**
 * 要確認 in Chromium (docs/import-rules.md#review-list): two orders shipped in part, booked, then
 * cancelled in BCart. The screen lists both; the clerk creates the 請求伝票 of one's shipped part
 * and dismisses the other with a reason; the list empties and 処理済みも表示 shows both settled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { seedImportBooks } from '../integration/import/import-fixture';
import { startE2E, type E2E } from './helpers/harness';

describe('要確認 (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  const today = jstDateOf(Date.now());
  const codes: string[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ seed: 4, orders: 0, fromDate: addDays(today, -3), toDate: today, rateLimit: false, includeUnsupported: false });
    e = await startE2E();
    const books = await seedImportBooks(e.core.db, e.core.services.bcart, sim, addDays(today, -3));
    const [s1, s2] = sim.state.productSets.filter((s) => s.tax_type_id === 1);
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const o = sim.state.addOrder({
        orderedAt: `${addDays(today, -2)} 10:0${i}:00`,
        payment: 'PayPal',
        lines: [
          { productSetId: s1!.id, count: 2, logistics: 0 },
          { productSetId: s2!.id, count: 1, logistics: 1 },
        ],
        logistics: [{ status: '発送済', shipmentDate: addDays(today, -1) }, { status: '未発送' }],
      });
      ids.push(o.order.id);
      codes.push(o.order.code);
    }
    const run = () => e.core.services.imports.run({ settingId: books.settingId, dryRun: false, trigger: 'manual' });
    expect((await run()).status).toBe('succeeded');
    for (const id of ids) sim.state.cancelOrder(id);
    expect((await run()).status).toBe('succeeded');
  });
  afterAll(async () => {
    await e?.close();
    await sim?.close();
  });

  it('lists both orders; one is invoiced for its shipped part, the other dismissed with a reason', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '要確認' }).click();
    const table = page.getByRole('table', { name: '要確認一覧' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.textContent()).toContain('一部発送後のキャンセル');
    await e.screenshot('review-list');

    await table.getByRole('row', { name: new RegExp(codes[0]!) }).click();
    const detail = page.locator('section[aria-label="要確認の詳細"]');
    await expect.poll(() => detail.textContent()).toContain(codes[0]!);
    await detail.getByRole('button', { name: '発送済の分の請求伝票を作成' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '請求伝票を作成しました' }).count()).toBe(1);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);

    await table.getByRole('row', { name: new RegExp(codes[1]!) }).click();
    const confirm = detail.getByRole('button', { name: '確認済みにする' });
    expect(await confirm.isDisabled()).toBe(true);
    await detail.getByLabel('確認済みにする理由').fill('発送分は返品済み');
    await confirm.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '確認済みにしました' }).count()).toBe(1);
    await expect.poll(() => table.textContent()).toContain('要確認の注文はありません');

    await page.getByLabel('処理済みも表示').check();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('請求伝票作成済み');
    expect(text).toContain('確認済み');
    await e.screenshot('review-list-settled');
    const invoices = await e.core.dispatch('invoices:list', { search: codes[0] });
    expect(invoices.ok && (invoices.value as { total: number }).total).toBe(1);
  });
});
