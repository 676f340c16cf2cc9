/**
 * Two BCart shops whose ids collide (docs/import-rules.md#idempotency): two simulators with the
 * same seed serve the same order, logistics and line ids; each has its own EC連携設定. Both import
 * in full, each "already imported" check looks at its own shop, and a re-run creates nothing.
 * Before, the second shop's orders counted as imported (global BCart-id sets) and were skipped,
 * or a race failed on the global UNIQUE indexes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { startImportHarness, FIXED_NOW, type ImportHarness } from './import-harness';

let h: ImportHarness | null = null;
let second: RunningSimulator | null = null;
afterEach(async () => {
  await second?.close();
  await h?.close();
  h = null;
  second = null;
});

describe('two shops with colliding BCart ids', () => {
  it('both import every slip under their own EC連携設定; re-runs create nothing', async () => {
    const opts = { seed: 14, orders: 30, fromDate: '2025-04-25', toDate: '2025-04-30', mode: 'test' as const };
    h = await startImportHarness(opts, '2025-04-25');
    second = await startSimulator({ rateLimit: false, includeUnsupported: false, clock: { now: () => FIXED_NOW }, ...opts });
    const db = h.t.core.db;
    const first = h.books.settingId;
    const other = Number(
      db
        .prepare(
          `insert into ec_settings (name, department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id, shipping_fee_product_id,
             discount_product_id, import_start_date, product_link_same_code, shipment_workflow_id, invoice_workflow_id, api_base_url, created_at, updated_at)
           select '第二店舗', department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id, shipping_fee_product_id,
             discount_product_id, import_start_date, product_link_same_code, shipment_workflow_id, invoice_workflow_id, ?, created_at, updated_at from ec_settings where id = ?`,
        )
        .run(second.url, first).lastInsertRowid,
    );
    await h.t.core.services.bcart.savePersonalToken(other, second.token, second.url);

    const a = await h.catchUp();
    expect(a.at(-1)!.status).toBe('succeeded');
    const runOther = () => h!.t.core.services.imports.run({ settingId: other, dryRun: false, trigger: 'manual', client: { timeoutMs: 5_000 } });
    for (let i = 0; i < 5; i++) if ((await runOther()).caughtUp) break;

    const per = (setting: number) => ({
      shipments: db.prepare('select bcart_logistics_id as id from shipments where ec_setting_id = ? order by 1').pluck().all(setting),
      lines: db.prepare('select count(*) from shipment_lines where ec_setting_id = ?').pluck().get(setting),
      invoices: db.prepare('select bcart_order_id as id from invoices where ec_setting_id = ? order by 1').pluck().all(setting),
    });
    const mine = per(first);
    const theirs = per(other);
    expect(mine.shipments.length).toBeGreaterThan(5);
    expect(mine.invoices.length).toBeGreaterThan(3);
    // the same BCart ids, booked twice: once per shop
    expect(theirs).toEqual(mine);

    // again: nothing new in either shop
    h.setCursor('2025-04-25');
    db.prepare('update ec_settings set import_start_date = ? where id = ?').run('2025-04-25', other);
    await h.catchUp();
    for (let i = 0; i < 5; i++) if ((await runOther()).caughtUp) break;
    expect(per(first)).toEqual(mine);
    expect(per(other)).toEqual(theirs);

    // CLI arguments naming an order take SETTINGID:ORDERCODE: 消込 of the second shop's 請求伝票
    const inv = db
      .prepare('select i.id, i.bcart_order_code as code, i.total, p.code as customer from invoices i join partners p on p.id = i.customer_id where i.ec_setting_id = ? order by i.id limit 1')
      .get(other) as { id: number; code: string; total: number; customer: string };
    expect(db.prepare('select count(*) from invoices where bcart_order_code = ? and customer_id = (select customer_id from invoices where id = ?)').pluck().get(inv.code, inv.id)).toBe(2);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['payment:record', '--data-dir', h.t.dataDir, '--customer', inv.customer, '--date', '2025-05-01', '--amount', String(inv.total), '--invoice', `${other}:${inv.code}:${inv.total}`, '--json'],
      { out: (t) => out.push(t), err: (t) => err.push(t) },
    );
    expect(code, err.join('\n')).toBe(0);
    expect(db.prepare("select debit_id as id, amount from allocations where debit_kind = 'invoice'").all()).toEqual([{ id: inv.id, amount: inv.total }]);
  });
});
