/**
 * ホーム tiles through dispatch on a real SQLite file: a fresh install is a first run; counts of
 * 出荷待ち / 要確認 / the last run / caught-up come from the import's own tables; 未確定 売上伝票 and
 * this month's sales per channel follow the slips (fixed clock).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardImport, DashboardSales, DashboardSetup } from '../../../src-shared/dashboard/dashboard';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { insertEcSetting } from '../../helpers/sales-data';
import { makeSalesFixture } from '../../helpers/sales-fixture';

const NOW = Date.parse('2026-11-20T10:00:00+09:00');

describe('ダッシュボード', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore({ clock: { now: () => NOW } });
  });
  afterEach(() => t.close());

  it('a fresh install is a first run with nothing configured', async () => {
    expect(await t.call<DashboardSetup>('dashboard:setup', {})).toEqual({ departments: 0, customers: 0, warehouses: 0, products: 0, ecSettings: 0, firstRun: true });
    expect(await t.call<DashboardImport>('dashboard:import', {})).toEqual({ today: '2026-11-20', settings: [] });
    expect(await t.call<DashboardSales>('dashboard:sales', {})).toEqual({ drafts: 0, month: '2026-11', bcartNet: 0, wholesaleNet: 0 });
  });

  it('counts 出荷待ち, 要確認 and the last run per EC連携設定, and whether the cursor caught up', async () => {
    const f = await makeSalesFixture(t);
    const db = t.core.db;
    const a = insertEcSetting(db);
    const b = insertEcSetting(db);
    db.prepare('update ec_settings set import_start_date = ? where id = ?').run('2026-11-20', a);
    db.prepare('update ec_settings set import_start_date = ? where id = ?').run('2026-11-01', b);
    const run = (setting: number, status: string, dry: number) =>
      Number(
        db
          .prepare("insert into import_runs (ec_setting_id, trigger, dry_run, status, started_at, finished_at, message) values (?, 'manual', ?, ?, '2026-11-20T09:00:00+09:00', '2026-11-20T09:01:00+09:00', 'm')")
          .run(setting, dry, status).lastInsertRowid,
      );
    run(a, 'succeeded', 0);
    const failed = run(a, 'failed', 0);
    run(a, 'succeeded', 1); // a 取込プレビュー is not the last import
    const log = db.prepare("insert into system_logs (run_id, source, level, order_code, message, created_at) values (?, 'import', ?, ?, 'x', '2026-11-20T09:01:00+09:00')");
    log.run(failed, 'error', 'A1');
    log.run(failed, 'warn', 'A1');
    log.run(failed, 'error', 'A2');
    log.run(failed, 'info', 'A3');
    const watch = db.prepare("insert into import_watch (ec_setting_id, bcart_order_id, bcart_order_code, reason, last_checked_at) values (?, ?, ?, ?, '2026-11-20T09:00:00+09:00')");
    watch.run(a, 1, 'W1', 'partially-shipped');
    watch.run(a, 2, 'W2', 'not-shipped');
    watch.run(a, 3, 'W3', 'not-shipped');
    const r = await t.call<DashboardImport>('dashboard:import', {});
    expect(r.settings).toEqual([
      expect.objectContaining({ settingId: a, caughtUp: true, waitingPartial: 1, waitingNone: 2, needsReview: 2, lastRun: expect.objectContaining({ id: failed, status: 'failed' }) }),
      expect.objectContaining({ settingId: b, caughtUp: false, waitingPartial: 0, waitingNone: 0, needsReview: 0, lastRun: null }),
    ]);
    const setup = await t.call<DashboardSetup>('dashboard:setup', {});
    expect(setup).toMatchObject({ departments: 2, customers: 3, warehouses: 2, products: 4, ecSettings: 2, firstRun: false });

    // 売上: one draft, one confirmed this month, one confirmed last month
    const line = [{ productId: f.product.coffee, quantity: 1, unitPrice: 1000 }];
    await t.call('sales:save', { customerId: f.customer.net, warehouseId: f.warehouse.w01, date: '2026-11-19', lines: line });
    await t.call('sales:saveAndConfirm', { customerId: f.customer.net, warehouseId: f.warehouse.w01, date: '2026-11-02', lines: line });
    await t.call('sales:saveAndConfirm', { customerId: f.customer.net, warehouseId: f.warehouse.w01, date: '2026-10-31', lines: line });
    expect(await t.call<DashboardSales>('dashboard:sales', {})).toEqual({ drafts: 1, month: '2026-11', bcartNet: 0, wholesaleNet: 1000 });
  });
});
