/**
 * A common office laptop window (1024×700): every menu screen — lists, a selected record's detail
 * and its form — keeps every column, button, field and menu item in reach (no sideways scroll, no
 * clipped box, no truncated column header: helpers/reach.ts), shows dates as 2026/12/04 and no
 * ISO dates or internal English codes. Screenshots of each screen at that size go to
 * test-output/screenshots/small-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseSubscriptionCsv } from '../../src-main/core/subscriptions/subscription-csv';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { seedImportBooks } from '../integration/import/import-fixture';
import { makeDataset } from '../integration/tax-update/tax-update-fixture';
import { startE2E, type E2E } from './helpers/harness';
import { outOfReach } from './helpers/reach';

const SMALL = { width: 1024, height: 700 };

/** Text that must never reach a clerk's screen: ISO dates, and the internal words seen before. */
const TAX_CLASS_CODE = /\bSTD10\b/;
const FORBIDDEN = [/\b\d{4}-\d{2}-\d{2}\b/, /\bIMPORTED\b/, TAX_CLASS_CODE, /HH:MM/, /API呼出/, /\bundefined\b/, /\bNaN\b/, /\[object Object\]/];

async function call(e: E2E, channel: string, input: unknown = {}): Promise<unknown> {
  const r = await e.core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/**
 * One record on each list that has none after an import: a confirmed 入荷伝票 (so 在庫一覧 has a row
 * too), a confirmed 売上伝票, a 入金伝票 and a 個別 請求書 of one member 得意先.
 */
async function seedLedgers(e: E2E, warehouseId: number, today: string): Promise<void> {
  const customers = (await call(e, 'partners:listByKind', { kind: '得意先', limit: 500 })) as { rows: { id: number; code: string }[] };
  const customer = customers.rows.find((c) => !c.code.startsWith('BC_'))!;
  const products = (await call(e, 'products:list', { limit: 50 })) as { rows: { id: number; inventoryTracked: boolean }[] };
  const product = products.rows.find((p) => p.inventoryTracked)!;
  e.core.db.prepare("update partners set billing_type = '個別' where id = ?").run(customer.id);
  const slip = (await call(e, 'stockSlips:create', { kind: 'receipt', date: today, warehouseId, lines: [{ productId: product.id, quantity: 24 }] })) as { id: number };
  await call(e, 'stockSlips:confirm', { id: slip.id });
  await call(e, 'sales:saveAndConfirm', { customerId: customer.id, warehouseId, date: today, lines: [{ productId: product.id, quantity: 3, unitPrice: 1500 }] });
  await call(e, 'payments:record', { customerId: customer.id, date: today, lines: [{ kind: '振込', amount: 1000 }] });
  await call(e, 'billing:issue', { date: today });
}

describe('1024×700: every menu screen in reach (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  const today = jstDateOf(Date.now());
  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, orders: 40, fromDate: addDays(today, -6), toDate: today, rateLimit: false, includeUnsupported: false });
    e = await startE2E({ viewport: SMALL });
    const books = await seedImportBooks(e.core.db, e.core.services.bcart, sim, addDays(today, -6));
    const started = (await call(e, 'import:run', { settingId: books.settingId })) as { runId: number };
    for (let waited = 0; ; waited += 100) {
      const history = (await call(e, 'import:history', {})) as { rows: { id: number; status: string }[] };
      const status = history.rows.find((r) => r.id === started.runId)?.status;
      if (status !== undefined && status !== 'running') break;
      if (waited > 60_000) throw new Error(`import did not finish: ${status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const data = makeDataset(3, 12);
    const csv = serialiseSubscriptionCsv(data.apps, { encoding: 'utf-8' });
    if (!csv.ok) throw new Error('fixture CSV');
    await call(e, 'subscriptions:import', { fileName: 's.csv', contentBase64: Buffer.from(csv.bytes).toString('base64') });
    await seedLedgers(e, books.warehouseId, today);
    await call(e, 'schedules:create', { name: '平日の取込', type: 'EC・売上取込処理', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['09:00', '13:00'], skipHolidays: true, enabled: true });
    await e.page.reload();
  }, 120_000);
  afterAll(async () => {
    await e?.close();
    await sim?.close();
  });

  /** checks the screen as it is now and saves its screenshot */
  async function check(name: string, allowed: readonly RegExp[] = []): Promise<void> {
    await e.page.waitForLoadState('networkidle');
    await e.page.waitForTimeout(150);
    await e.screenshot(`small-${name}`);
    expect.soft(await outOfReach(e.page), name).toEqual([]);
    const text = await e.page.locator('main').innerText();
    for (const bad of FORBIDDEN.filter((f) => !allowed.includes(f))) expect.soft(text, `${name}: ${bad}`).not.toMatch(bad);
  }

  it('every menu item, as opened from the menu', async () => {
    const links = e.page.locator('nav a');
    const names = await links.allInnerTexts();
    expect(names.length).toBeGreaterThan(15);
    for (const [i, title] of names.entries()) {
      await links.nth(i).click();
      // the 税区分 master lists its records' own codes (STD10 …); no other screen shows them
      await check(`menu-${String(i).padStart(2, '0')}`, title === '税区分' ? [TAX_CLASS_CODE] : []);
      expect(title).not.toBe('');
    }
  });

  it('lists with a record opened: slips, masters, settings, schedules, 定期申込, stock, sales, receivables', async () => {
    const { page } = e;
    // a record only looked at is no unsaved edit: moving on never asks (a question would be dismissed
    // here and the screenshots would all show the first screen that asked)
    const asked: string[] = [];
    const onDialog = (d: { message: () => string; dismiss: () => Promise<void> }) => {
      asked.push(d.message());
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    const open = async (menu: string, rowRole: 'row' | 'button', shot: string) => {
      await page.getByRole('link', { name: menu, exact: true }).click();
      await expect.poll(() => page.locator('nav a[aria-current=page]').innerText(), { message: `${menu} opens` }).toBe(menu);
      // a list row (VirtualTable), else the first row of a plain table
      const listRow = page.locator('main [role=row][aria-rowindex="2"]').first();
      const tableRow = page.locator('main table.data tbody tr').first();
      await expect.poll(async () => (await listRow.count()) + (await tableRow.count())).toBeGreaterThan(0);
      await ((await listRow.count()) > 0 ? listRow : tableRow).click();
      await check(shot);
      expect(rowRole).toBeTruthy();
    };
    await open('出荷伝票', 'row', 'shipment-detail');
    await open('請求伝票', 'row', 'invoice-detail');
    await open('取引先', 'row', 'partner-form');
    await open('商品', 'row', 'product-form');
    await open('EC連携設定', 'row', 'ec-setting-form');
    await open('バッチスケジュール', 'row', 'schedule-form');
    await open('定期申込', 'row', 'subscription-form');
    await open('入荷・在庫移動', 'row', 'stock-slip-detail');
    await open('在庫一覧', 'row', 'stock-movements');
    await open('売上伝票', 'row', 'sales-detail');
    await open('入金処理', 'row', 'payment-detail');
    await open('請求締め', 'row', 'statement-detail');
    page.off('dialog', onDialog);
    expect(asked).toEqual([]);
  });

  it('the new lists sort, total, export and print like the slip lists', async () => {
    const { page } = e;
    for (const [menu, table] of [
      ['入荷・在庫移動', '在庫伝票一覧'],
      ['在庫一覧', '在庫一覧'],
      ['売上伝票', '売上伝票'],
      ['入金処理', '入金伝票'],
      ['請求締め', '請求書'],
    ] as const) {
      await page.getByRole('link', { name: menu, exact: true }).click();
      const list = page.getByRole('table', { name: table, exact: true });
      await expect.poll(() => list.locator('[role=row][aria-rowindex="2"]').count(), { message: menu }).toBe(1);
      expect.soft(await list.getByRole('row', { name: '合計', exact: true }).textContent(), menu).toMatch(/\d+ (件|行)/);
      expect.soft(await list.locator('[role=columnheader] button').count(), `${menu}: sortable headers`).toBeGreaterThan(2);
      expect.soft(await page.getByRole('button', { name: 'CSV出力', exact: true }).isEnabled(), menu).toBe(true);
      expect.soft(await page.getByRole('button', { name: '印刷', exact: true }).isEnabled(), menu).toBe(true);
      // ↓ then Enter opens the row: its detail appears beside or under the list
      await list.locator('[role=row][aria-rowindex="2"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => list.locator('[role=row][aria-selected=true]').count(), { message: `${menu}: Enter opens` }).toBe(1);
    }
  });
});
