/**
 * 「EC・売上取込処理」 for real: 今すぐ実行 of a job runs 出荷取込処理 against the simulator over
 * HTTP for every EC連携設定, one after another; the run records the import run ids (their
 * システムログ) and the counts; a setting that fails does not stop the next one, and the job's
 * message is the first problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, type ImportHarness } from '../import/import-harness';
import { makeTestCore } from '../../helpers/core';

let h: ImportHarness;
const job = { name: '取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

beforeAll(async () => {
  h = await startImportHarness({ seed: 5, orders: 30, fromDate: '2025-04-28', toDate: '2025-05-01' });
});
afterAll(() => h.close());

describe('EC・売上取込処理 job', () => {
  it('imports every setting in turn and records the import runs and counts', async () => {
    // a second setting with no token: it fails, the first one still imports
    h.t.core.db
      .prepare(
        `insert into ec_settings (name, department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id,
           shipping_fee_product_id, discount_product_id, import_start_date, shipment_workflow_id, invoice_workflow_id, api_base_url, created_at, updated_at)
         select '未認証の店', department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id,
           shipping_fee_product_id, discount_product_id, import_start_date, shipment_workflow_id, invoice_workflow_id, api_base_url, created_at, updated_at
         from ec_settings where id = ?`,
      )
      .run(h.books.settingId);
    const created = await h.t.call<{ id: number }>('schedules:create', job);
    const ran: Record<string, unknown>[] = [];
    h.t.core.events.subscribe((event, payload) => {
      if (event === 'schedule:ran') ran.push(payload as Record<string, unknown>);
    });
    await h.t.call('schedules:runNow', { id: created.id });
    await h.t.core.services.schedules.scheduler.whenIdle();

    const history = await h.t.call<{ rows: { id: number; settingId: number; status: string; trigger: string; shipmentsCreated: number }[] }>('import:history', {});
    const bySetting = [...history.rows].sort((a, b) => a.id - b.id);
    expect(bySetting.map((r) => [r.settingId, r.status, r.trigger])).toEqual([
      [h.books.settingId, 'succeeded', 'manual'],
      [h.books.settingId + 1, 'failed', 'manual'],
    ]);
    expect(bySetting[0]!.shipmentsCreated).toBeGreaterThan(0);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ status: 'failed', importRunIds: bySetting.map((r) => r.id) });
    expect(String(ran[0]!['message'])).toMatch(/^EC連携設定「未認証の店」: .*未認証/);
    const list = await h.t.call<{ rows: { lastRun: { status: string; importRunIds: number[] } }[] }>('schedules:list');
    expect(list.rows[0]!.lastRun).toMatchObject({ status: 'failed', importRunIds: bySetting.map((r) => r.id) });

    // once the second shop has its token the job succeeds, with the counts in its summary
    await h.t.core.services.bcart.savePersonalToken(h.books.settingId + 1, h.sim.token, h.sim.url);
    await h.t.call('schedules:runNow', { id: created.id });
    await h.t.core.services.schedules.scheduler.whenIdle();
    expect(ran[1]).toMatchObject({ status: 'succeeded', message: expect.stringMatching(/^EC連携設定 2 件の出荷取込処理が完了しました（注文 \d+ 件、出荷伝票 \d+ 件/) });
  });

  it("the tray's 今すぐ取込 of a job records its import runs with trigger 'tray'; the screen's stays 'manual'", async () => {
    const created = await h.t.call<{ id: number }>('schedules:create', { ...job, name: 'トレイから' });
    const lastId = async () => Math.max(0, ...(await h.t.call<{ rows: { id: number }[] }>('import:history', {})).rows.map((r) => r.id));
    const before = await lastId();
    const svc = h.t.core.services.schedules;
    const runId = svc.runNow(created.id, 'tray');
    await svc.scheduler.whenIdle();
    const history = await h.t.call<{ rows: { id: number; trigger: string; status: string }[] }>('import:history', {});
    const fromTray = history.rows.filter((r) => r.id > before);
    expect(fromTray.length).toBeGreaterThan(0);
    expect(fromTray.every((r) => r.trigger === 'tray' && r.status === 'succeeded')).toBe(true);
    // the schedule's own history still calls it 今すぐ実行 (trigger manual)
    const runs = await h.t.call<{ rows: { runId: number; trigger: string; importRunIds: number[] }[] }>('schedules:runs', { id: created.id });
    expect(runs.rows[0]).toMatchObject({ runId, trigger: 'manual', importRunIds: fromTray.map((r) => r.id).sort((x, y) => x - y) });

    const afterTray = await lastId();
    await h.t.call('schedules:runNow', { id: created.id });
    await svc.scheduler.whenIdle();
    const again = (await h.t.call<{ rows: { id: number; trigger: string }[] }>('import:history', {})).rows.filter((r) => r.id > afterTray);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((r) => r.trigger === 'manual')).toBe(true);
  });

  it('fails with a Japanese message when there is no EC連携設定', async () => {
    const t = await makeTestCore();
    const created = await t.call<{ id: number }>('schedules:create', job);
    await t.call('schedules:runNow', { id: created.id });
    await t.core.services.schedules.scheduler.whenIdle();
    const list = await t.call<{ rows: { lastRun: { status: string; message: string } }[] }>('schedules:list');
    expect(list.rows[0]!.lastRun).toMatchObject({ status: 'failed', message: expect.stringContaining('EC連携設定が登録されていない') });
    t.close();
  });
});
