/**
 * 在庫 end to end in Chromium through the harness, against the simulator: a 入荷伝票 entered on the
 * screen and 確定 moves BCart's stock at once and 確定取消 moves it back; a push BCart refuses shows
 * as 失敗 on 在庫反映状況 and on the dashboard, and 再送 sends it; 在庫照合 shows a drift made in the
 * simulator and corrects it; 在庫一覧 with its movements. Screenshots test-output/screenshots/stock-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { seedImportBooks } from '../integration/import/import-fixture';
import { startE2E, type E2E } from './helpers/harness';

describe('在庫 (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  const today = jstDateOf(Date.now());
  const managed = () => sim.state.productSets.filter((s) => s.stock !== null && s.stock_flag === 0);
  async function call<T>(channel: string, input?: unknown): Promise<T> {
    const r = await e.core.dispatch(channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  }
  const productId = (code: string) => (e.core.db.prepare('select id from products where code = ?').get(code) as { id: number }).id;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, orders: 0, rateLimit: false, includeUnsupported: false });
    e = await startE2E();
    await seedImportBooks(e.core.db, e.core.services.bcart, sim, addDays(today, -3));
    e.core.services.stock.pusher.start();
    await e.page.reload();
  });
  afterAll(async () => {
    await e?.core.services.stock.pusher.stop();
    await e?.close();
    await sim?.close();
  });

  it('入荷伝票 entered on the screen: 確定 moves BCart’s stock, 確定取消 moves it back', async () => {
    const { page } = e;
    const set = managed()[0]!;
    const before = set.stock!;
    await page.getByRole('link', { name: '入荷・在庫移動' }).click();
    await page.getByRole('button', { name: '入荷伝票を作成' }).click();
    const form = page.getByRole('region', { name: '入荷伝票の新規作成' });
    await form.getByLabel('入荷日').fill(today);
    await form.getByLabel('入荷先倉庫').selectOption({ label: 'WH-EC Bカート連携倉庫' });
    await form.getByLabel('1行目の商品', { exact: true }).fill(set.product_no);
    await form
      .getByRole('list', { name: '1行目の商品の候補' })
      .getByRole('button', { name: new RegExp(`^${set.product_no} `) })
      .click();
    await form.getByLabel('1行目の数量').fill('12');
    await e.screenshot('stock-receipt-form');
    await form.getByRole('button', { name: '保存' }).click();
    const detail = page.getByRole('region', { name: '入荷伝票の詳細' });
    await expect.poll(() => detail.textContent()).toContain('未確定');
    await detail.getByRole('button', { name: '確定', exact: true }).click();
    await expect.poll(() => detail.getByRole('status').textContent()).toContain('Bカートへの在庫反映 1 件');
    await expect.poll(() => sim.state.getSet(set.id)!.stock).toBe(before + 12);
    await e.screenshot('stock-receipt-confirmed');

    await detail.getByRole('button', { name: '確定取消' }).click();
    await expect.poll(() => detail.getByRole('status').textContent()).toContain('確定取消しました');
    await expect.poll(() => sim.state.getSet(set.id)!.stock).toBe(before);
    const sends = sim.state.stock.journal.filter((j) => j.source === 'api' && j.setId === set.id).map((j) => j.op);
    expect(sends).toEqual([
      { kind: 'add', delta: 12 },
      { kind: 'add', delta: -12 },
    ]);
  });

  it('a push BCart refuses shows as 失敗 on 在庫反映状況 and the dashboard; 再送 sends it', async () => {
    const { page } = e;
    const set = managed()[1]!;
    const before = set.stock!;
    sim.state.stock.refused.add(set.id);
    const slip = await call<{ id: number }>('stockSlips:create', {
      kind: 'receipt',
      date: today,
      warehouseId: e.core.db.prepare("select id from partners where code = 'WH-EC'").pluck().get(),
      lines: [{ productId: productId(set.product_no), quantity: 4 }],
    });
    await call('stockSlips:confirm', { id: slip.id });
    await expect.poll(async () => (await call<{ failed: number }>('stock:counts', {})).failed).toBe(1);

    await page.getByRole('link', { name: '在庫反映状況' }).click();
    const table = page.getByRole('table', { name: '在庫反映の一覧' });
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: `${set.product_no} / ${set.id}`, exact: true }) });
    await expect.poll(() => row.textContent()).toContain('失敗');
    expect(await row.textContent()).toContain('このセットの在庫は現在更新できません');
    await e.screenshot('stock-push-failed');

    await page.getByRole('button', { name: 'BCart Desk' }).click();
    const card = page.getByRole('region', { name: '在庫反映' });
    await expect.poll(() => card.textContent()).toContain('失敗 1');
    await e.screenshot('stock-dashboard');

    sim.state.stock.refused.delete(set.id);
    await card.getByRole('button', { name: '在庫反映状況で確認する' }).click();
    await page
      .getByRole('table', { name: '在庫反映の一覧' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: `${set.product_no} / ${set.id}`, exact: true }) })
      .getByRole('button', { name: '再送' })
      .click();
    await expect.poll(() => sim.state.getSet(set.id)!.stock).toBe(before + 4);
    await expect.poll(() => page.getByLabel('在庫反映の件数').textContent()).toContain('失敗 0');
  });

  it('在庫移行 takes BCart’s stock as the opening stock once', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '在庫移行' }).click();
    await page.getByRole('button', { name: 'プレビュー' }).click();
    const preview = page.getByRole('table', { name: '在庫移行のプレビュー' });
    await expect.poll(() => preview.getByRole('row').count()).toBe(managed().length + 1);
    await page.getByLabel('在庫移行は一度だけ行えることを理解しました').check();
    await e.screenshot('stock-migration-preview');
    await page.getByRole('button', { name: '在庫移行を実行する' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('在庫移行を実行しました');
    await expect.poll(() => page.getByText(/在庫移行は .* に実行済みです/).count()).toBe(1);
  });

  it('在庫照合 shows a drift made in BCart and corrects it', async () => {
    const { page } = e;
    const set = managed()[2]!;
    // someone lowers the stock by hand in BCart's admin screen
    sim.state.stock.adminSet(set, { stock: set.stock! - 5 });
    await page.getByRole('link', { name: '在庫照合' }).click();
    await page.getByRole('button', { name: '照合する' }).click();
    const table = page.getByRole('table', { name: '在庫照合の結果' });
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: `${set.product_no} / ${set.id}`, exact: true }) });
    await expect.poll(() => row.textContent()).toContain('−5');
    expect(await table.getByRole('row').count()).toBe(2); // header + the drifting set only
    await e.screenshot('stock-reconcile-drift');
    const target = set.stock! + 5;
    await page.getByRole('button', { name: /選択したセットを補正/ }).click();
    const dialog = page.getByRole('dialog', { name: '補正の確認' });
    expect(await dialog.textContent()).toContain('+5');
    await dialog.getByRole('button', { name: '補正を送信する' }).click();
    await expect.poll(() => sim.state.getSet(set.id)!.stock).toBe(target);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('1セットを補正しました');
    await expect.poll(() => page.getByText('差異はありません。').count()).toBe(1);
    await e.screenshot('stock-reconcile-corrected');
    const log = e.core.db.prepare("select message from system_logs where code = 'STOCK_CORRECTED'").all() as { message: string }[];
    expect(log).toHaveLength(1);
  });

  it('在庫一覧 lists stock per warehouse and product and drills down to the movements', async () => {
    const { page } = e;
    const set = managed()[1]!;
    await page.getByRole('link', { name: '在庫一覧' }).click();
    await page.getByRole('searchbox', { name: '商品コード・名称で検索' }).fill(set.product_no);
    const row = page
      .getByRole('table', { name: '在庫一覧' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: set.product_no, exact: true }) });
    const expected = (
      e.core.db
        .prepare(
          "select sum(quantity) from stock_ledger l join partners w on w.id = l.warehouse_id where w.code = 'WH-EC' and l.product_id = ?",
        )
        .pluck()
        .get(productId(set.product_no)) as number
    ).toLocaleString('ja-JP');
    await expect.poll(() => row.textContent()).toContain(expected);
    await row.click();
    const moves = page.getByRole('table', { name: '入出庫明細の一覧' });
    await expect.poll(() => moves.textContent()).toContain('入荷伝票');
    await e.screenshot('stock-list');
  });
});
