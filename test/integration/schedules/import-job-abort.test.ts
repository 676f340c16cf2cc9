/**
 * Quitting during a scheduled 出荷取込処理: the scheduler's stop() aborts the job's signal, which
 * now reaches the import: the pending BCart call is cancelled, the run ends as a clean failed run
 * (中止, nothing written, cursor unchanged) well inside the shell's grace period, and settings not
 * started yet are not started. The schedule's run is recorded failed, not left "interrupted".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImportHarness, type ImportHarness } from '../import/import-harness';

let h: ImportHarness;
const job = { name: '取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

beforeAll(async () => {
  h = await startImportHarness({ seed: 7, orders: 20, fromDate: '2025-04-28', toDate: '2025-05-01' });
});
afterAll(() => h.close());

const count = (table: string): number => (h.t.core.db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('EC・売上取込処理 job aborted by quitting', () => {
  it('stop() ends the running import as a rolled-back run and starts no further setting', async () => {
    // a second shop, connected: it would run after the first one
    h.t.core.db
      .prepare(
        `insert into ec_settings (name, department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id,
           shipping_fee_product_id, discount_product_id, import_start_date, shipment_workflow_id, invoice_workflow_id, api_base_url, created_at, updated_at)
         select '二号店', department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id,
           shipping_fee_product_id, discount_product_id, import_start_date, shipment_workflow_id, invoice_workflow_id, api_base_url, created_at, updated_at
         from ec_settings where id = ?`,
      )
      .run(h.books.settingId);
    await h.t.core.services.bcart.savePersonalToken(h.books.settingId + 1, h.sim.token, h.sim.url);
    const cursor = h.cursor();
    h.sim.faults.set([{ kind: 'latency', delayMs: 5_000, count: -1 }]);
    const created = await h.t.call<{ id: number }>('schedules:create', job);
    const svc = h.t.core.services.schedules;
    const before = h.sim.requestCount();
    svc.runNow(created.id);
    const deadline = Date.now() + 10_000;
    while (h.sim.requestCount() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(h.sim.requestCount()).toBeGreaterThan(before);

    const t0 = Date.now();
    await svc.stop();
    // the slow answer (5 s) was not waited for: the shell's grace period is enough
    expect(Date.now() - t0).toBeLessThan(3_000);
    h.sim.faults.clear();

    const history = await h.t.call<{ rows: { id: number; settingId: number; status: string; message: string }[] }>('import:history', {});
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({ settingId: h.books.settingId, status: 'cancelled', message: expect.stringMatching(/^出荷取込処理を中止しました/) });
    expect(count('shipments')).toBe(0);
    expect(count('invoices')).toBe(0);
    expect(h.cursor()).toBe(cursor);

    const runs = await h.t.call<{ rows: { status: string; message: string; importRunIds: number[] }[] }>('schedules:runs', { id: created.id });
    // the schedule run is 中止 too (not 失敗); its message names the setting
    expect(runs.rows[0]).toMatchObject({
      status: 'cancelled',
      importRunIds: [history.rows[0]!.id],
      message: expect.stringMatching(/^EC連携設定「[^」]+」の出荷取込処理を中止しました/),
    });
    expect(runs.rows[0]!.message).not.toContain('失敗');

    // the next run (after restart) imports normally
    const next = await h.run();
    expect(next.status).toBe('succeeded');
    expect(next.counts.shipments).toBeGreaterThan(0);
  });
});
