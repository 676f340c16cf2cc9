/**
 * 消費税自動更新 end to end in Chromium through the harness: import a 定期申込 CSV (Shift_JIS),
 * 受付停止, preview (screenshot), download the backup, tick every 確認事項 one by one (screenshot),
 * execute, see the 処理履歴 with its change list, restore behind its confirmation, 受付再開.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionApplication } from '../../src-shared/tax-update/types';
import { serialiseSubscriptionCsv } from '../../src-main/core/subscriptions/subscription-csv';
import { TAX_UPDATE_CHECKLIST, FINISHED_TEXT, UNDERSTOOD_TEXT } from '../../src-shared/tax-update/checklist';
import { insertProducts, makeDataset } from '../integration/tax-update/tax-update-fixture';
import { SCREENSHOT_DIR, startE2E, type E2E } from './helpers/harness';

describe('消費税自動更新 (e2e)', () => {
  let e: E2E;
  const data = makeDataset(5, 12);
  beforeAll(async () => {
    e = await startE2E();
    insertProducts(e.core.db, data.products);
    // the 定期申込 form refuses an 得意先コード that is no 得意先 of the 取引先 master
    for (const code of new Set(data.apps.map((a) => a.customerCode))) {
      const created = await e.core.dispatch('partners:create', { code, name: `得意先${code}`, kind: '得意先', billingType: '個別', taxDisplay: '税込' }, { via: 'test' });
      if (!created.ok) throw new Error(created.error.message);
      const confirmed = await e.core.dispatch('partners:confirm', { id: (created.value as { id: number }).id }, { via: 'test' });
      if (!confirmed.ok) throw new Error(confirmed.error.message);
    }
  });
  afterAll(async () => {
    await e?.close();
  });

  it('imports the 定期申込 CSV and lists it', async () => {
    const { page } = e;
    const csv = serialiseSubscriptionCsv(data.apps, { encoding: 'cp932' });
    if (!csv.ok) throw new Error('fixture');
    await page.getByRole('link', { name: '定期申込', exact: true }).click();
    await page.getByLabel('定期申込のCSVファイルを選ぶ').setInputFiles({ name: 'subs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.bytes) });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('申込 12件');
    expect(await page.getByRole('status').first().textContent()).toContain('Shift_JIS');
    await expect.poll(() => page.getByRole('row', { name: /S00000/ }).count()).toBe(1);
    await page.getByRole('row', { name: /S00001/ }).click();
    await expect.poll(() => page.getByLabel('申込コード').inputValue()).toBe('S00001');
    expect(await page.getByLabel('商品1の商品番号').inputValue()).toBe(data.apps[1]!.items[0]!.productCode);
    expect(await page.getByLabel('商品1の税込区分').inputValue()).toBe(String(data.apps[1]!.items[0]!.taxIncluded));
    await e.screenshot('subscriptions-list');
    // edit one price in the form: saved through main with the same schema
    await page.getByLabel('商品1の初回価格').fill('1234');
    await page.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => {
        const r = await e.core.dispatch('subscriptions:get', { code: 'S00001' });
        return r.ok ? (r.value as SubscriptionApplication).items[0]!.firstPrice : null;
      })
      .toBe(1234);
    data.apps[1]!.items[0]!.firstPrice = 1234;
    await page.getByLabel('状態で絞り込み').selectOption('継続中');
    const continuing = data.apps.filter((a) => a.status === '継続中').length;
    await expect.poll(() => page.getByText(`${continuing}件`, { exact: true }).count()).toBe(1);
  });

  it('受付停止, preview, backup, checklist, execute, history, 受付再開', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '消費税自動更新', exact: true }).click();
    const run = page.getByRole('button', { name: '処理を実行する' });
    // the checklist's 受付停止 item can be ticked only while 受付停止 is on
    const storeItem = page.getByLabel(TAX_UPDATE_CHECKLIST.find((c) => c.id === 'store-closed')!.text);
    expect(await storeItem.isDisabled()).toBe(true);
    // 受付停止 asks first and lists what it stops; declining changes nothing
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: '受付停止' }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain('出荷取込処理');
    expect(questions[0]).toContain('定期申込の登録・編集・CSV取込');
    expect(await page.getByText('受付停止中です。').count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '受付停止' }).click();
    await expect.poll(() => page.getByText('受付停止中です。').count()).toBe(1);
    await expect.poll(() => storeItem.isDisabled()).toBe(false);
    // ticked, then 受付再開: the tick goes and the item locks again; 受付停止 once more for the run
    await storeItem.check();
    await page.getByRole('button', { name: '受付再開' }).click();
    await expect.poll(() => storeItem.isChecked()).toBe(false);
    expect(await storeItem.isDisabled()).toBe(true);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '受付停止' }).click();
    await expect.poll(() => storeItem.isDisabled()).toBe(false);

    await page.getByLabel('四捨五入').check();
    await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
    const preview = page.getByRole('region', { name: 'プレビュー' });
    await expect.poll(() => preview.getByText(/対象の申込/).count()).toBe(1);
    const summary = await preview.getByText(/対象の申込/).textContent();
    const targets = data.apps.filter((a) => a.status === '継続中' && !a.orderProcessed && a.standardRate === 8).length;
    expect(summary).toContain(`対象の申込 ${targets}件`);
    expect(await preview.getByRole('row').count()).toBeGreaterThan(2);
    await preview.screenshot({ path: join(SCREENSHOT_DIR, 'tax-update-preview.png') });
    expect(await run.isDisabled()).toBe(true);

    // the backup item cannot be ticked before the download
    const backupItem = page.getByLabel(TAX_UPDATE_CHECKLIST.find((c) => c.id === 'backup-downloaded')!.text);
    expect(await backupItem.isDisabled()).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '申込データをダウンロード' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^定期申込_自動更新対象_jp-2019-10-01_\d{8}\.csv$/);
    const text = readFileSync((await file.path())!).toString('utf8');
    expect(text).toContain('行種別,申込コード');

    for (const item of TAX_UPDATE_CHECKLIST) {
      await page.getByLabel(item.text).check();
      // every box counts: not yet runnable until the last one and the confirmation
      expect(await run.isDisabled()).toBe(true);
    }
    await page.getByLabel(UNDERSTOOD_TEXT).check();
    expect(await run.isDisabled()).toBe(false);
    await page.getByRole('region', { name: '確認事項' }).screenshot({ path: join(SCREENSHOT_DIR, 'tax-update-checklist.png') });

    await run.click();
    // (the progress notice quotes the message too: wait for the finished notice itself)
    await expect.poll(() => page.locator('strong', { hasText: FINISHED_TEXT }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('処理が終了しました。忘れずに「受付再開」を押してください。').count()).toBe(1);
    expect(await run.isDisabled()).toBe(true);

    await page.getByRole('button', { name: '処理履歴を見る' }).click();
    const runRow = page.getByRole('table', { name: '処理履歴' }).getByRole('row', { name: /四捨五入/ });
    await expect.poll(() => runRow.count()).toBe(1);
    expect(await runRow.textContent()).toContain(String(targets));
    await runRow.click();
    await expect.poll(() => page.getByRole('table', { name: '変更一覧' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('table', { name: '管理者ログ' }).textContent()).toContain('消費税自動更新');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'tax-update-history.png') });

    // restore behind its own confirmation: back to the data before the run
    await page.getByRole('button', { name: 'バックアップから復元…' }).click();
    const restore = page.getByRole('button', { name: '復元を実行する' });
    expect(await restore.isDisabled()).toBe(true);
    await page.getByLabel('上記を理解の上、復元します。').check();
    await restore.click();
    // an explicit undo: the screen says the run may be done again, and the 管理者ログ records it
    const undone = page.getByText('実行前の状態に復元し、この実行を取り消しました。', { exact: false });
    await expect.poll(() => undone.count()).toBe(1);
    expect(await undone.textContent()).toContain('この税率改定の自動更新はもう一度実行できます。');
    await expect.poll(() => runRow.textContent()).toContain('復元済み');
    await expect.poll(() => page.getByRole('table', { name: '管理者ログ' }).textContent()).toContain('を取り消し、実行前の自動バックアップ');
    const restored = await e.core.dispatch('subscriptions:get', { code: 'S00001' });
    expect(restored.ok && restored.value).toEqual(data.apps[1]);

    await page.getByRole('button', { name: '受付再開' }).click();
    await expect.poll(() => page.getByText('受付停止中です。').count()).toBe(0);
    const history = await e.core.dispatch('taxUpdate:history', {});
    expect(history.ok && (history.value as { runs: unknown[] }).runs.length).toBe(1);
    expect(existsSync(join(SCREENSHOT_DIR, 'tax-update-checklist.png'))).toBe(true);
  });
});
