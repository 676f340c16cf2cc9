/**
 * 出荷取込処理 against the BCart simulator (real client over HTTP, real SQLite): a full import, the
 * cursor, idempotence over re-runs and overlapping windows, partial shipments over two runs, the
 * watch list, cancelled orders and all-or-nothing on one bad order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeImportPlan } from '../../../src-main/core/import/write-import-plan';
import { bookCounts, booksSnapshot } from './import-fixture';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const shop = { seed: 11, orders: 60, fromDate: '2025-04-01', toDate: '2025-05-01' };

describe('出荷取込処理 against the simulator', () => {
  it('imports every shipped logistics record and fully shipped order, 7 days per run, until caught up', async () => {
    h = await startImportHarness(shop);
    const runs = await h.catchUp();
    expect(runs.map((r) => r.status)).toEqual(runs.map(() => 'succeeded'));
    expect(runs.map((r) => r.window)).toEqual([
      { from: '2025-04-01', to: '2025-04-07' },
      { from: '2025-04-08', to: '2025-04-14' },
      { from: '2025-04-15', to: '2025-04-21' },
      { from: '2025-04-22', to: '2025-04-28' },
      { from: '2025-04-29', to: '2025-05-01' },
    ]);
    // the cursor never passes today, so orders placed later today are still fetched
    expect(h.cursor()).toBe('2025-05-01');

    const live = h.sim.state.orders.filter((o) => o.order.status !== 'キャンセル');
    const shipped = live.flatMap((o) => o.logistics.filter((l) => l.status === '発送済'));
    const complete = live.filter((o) => o.logistics.every((l) => l.status === '発送済'));
    const db = h.t.core.db;
    const counts = bookCounts(db);
    expect(counts.shipments).toBe(shipped.length);
    expect(counts.invoices).toBe(complete.length);
    expect(counts.watch).toBe(live.length - complete.length);
    // every invoice is exactly what BCart charged
    const totals = db.prepare('select bcart_order_id as id, total from invoices').all() as { id: number; total: number }[];
    for (const t of totals) expect(t.total).toBe(Number(h.sim.state.getOrder(t.id)!.order.final_price));
    // stock went down by the shipped sets of inventory-tracked products
    const shippedSets = live
      .flatMap((o) => o.products.filter((p) => p.item_type === 'product' && o.logistics.some((l) => l.id === p.logistics_id && l.status === '発送済')))
      .reduce((n, p) => n + Number(p.order_pro_count), 0);
    const stock = db.prepare('select coalesce(sum(quantity), 0) as q from stock_ledger').get() as { q: number };
    expect(stock.q).toBe(-shippedSets);
    // the run record and the system log
    const last = runs.at(-1)!;
    const run = db.prepare('select status, shipments_created as s from import_runs where id = ?').get(last.runId) as { status: string; s: number };
    expect(run).toEqual({ status: 'succeeded', s: last.counts.shipments });
    const info = db.prepare("select message from system_logs where run_id = ? and level = 'info'").all(last.runId) as { message: string }[];
    expect(info.some((l) => l.message.includes('取り込みました'))).toBe(true);
  });

  it('is idempotent: the same window twice and overlapping windows create nothing new, totals unchanged', async () => {
    h = await startImportHarness(shop);
    await h.catchUp();
    const before = booksSnapshot(h.t.core.db, h.books.settingId);
    const again = await h.run(); // today's window again
    expect(again.status).toBe('succeeded');
    expect(again.counts.shipments + again.counts.invoices).toBe(0);
    h.setCursor('2025-04-03'); // overlaps every earlier window
    const runs = await h.catchUp();
    expect(runs.every((r) => r.status === 'succeeded' && r.counts.shipments === 0 && r.counts.invoices === 0)).toBe(true);
    expect(booksSnapshot(h.t.core.db, h.books.settingId)).toBe(before);
  });

  it('imports a partial shipment over two runs (second logistics shipped through the simulator admin between runs)', async () => {
    h = await startImportHarness({ ...shop, mode: 'test', orders: 5, fromDate: '2025-04-28' });
    const order = h.sim.state.addOrder({
      orderedAt: '2025-05-01 09:00:00',
      payment: 'Bカート掛け払い',
      lines: [
        { productNo: h.sim.state.productSets[0]!.product_no, count: 2, logistics: 0 },
        { productNo: h.sim.state.productSets[5]!.product_no, count: 1, logistics: 1 },
      ],
      logistics: [{ status: '発送済', shipmentDate: '2025-04-30' }, { status: '未発送' }],
    });
    await h.catchUp();
    const db = h.t.core.db;
    const slips = () => db.prepare('select bcart_logistics_id as l from shipments where bcart_order_id = ? order by 1').all(order.order.id) as { l: number }[];
    expect(slips().map((s) => s.l)).toEqual([order.logistics[0]!.id]);
    expect(db.prepare('select count(*) as n from invoices where bcart_order_id = ?').get(order.order.id)).toEqual({ n: 0 });
    expect(db.prepare('select reason from import_watch where bcart_order_id = ?').get(order.order.id)).toEqual({ reason: 'partially-shipped' });

    const res = await fetch(`${h.sim.origin}/__admin/logistics/${order.logistics[1]!.id}/ship`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ shipment_date: '2025-05-01' }),
    });
    expect(res.status).toBe(200);
    const second = await h.run();
    expect(second.status).toBe('succeeded');
    expect(slips().map((s) => s.l)).toEqual(order.logistics.map((l) => l.id));
    const inv = db.prepare('select total, date from invoices where bcart_order_id = ?').get(order.order.id) as { total: number; date: string };
    expect(inv).toEqual({ total: Number(order.order.final_price), date: '2025-05-01' });
    expect(db.prepare('select count(*) as n from import_watch where bcart_order_id = ?').get(order.order.id)).toEqual({ n: 0 });
  });

  it('imports an order shipped after its window passed (watch list), and drops a cancelled one', async () => {
    h = await startImportHarness({ ...shop, orders: 5, fromDate: '2025-04-20' }, '2025-04-10');
    const late = h.sim.state.addOrder({ orderedAt: '2025-04-11 10:00:00', payment: '代金引換', logistics: [{ status: '未発送' }] });
    const cancel = h.sim.state.addOrder({ orderedAt: '2025-04-12 10:00:00', payment: 'PayPal', logistics: [{ status: '未発送' }] });
    await h.catchUp();
    const db = h.t.core.db;
    const watched = () => (db.prepare('select bcart_order_id as id from import_watch order by 1').all() as { id: number }[]).map((r) => r.id);
    expect(watched()).toEqual(expect.arrayContaining([late.order.id, cancel.order.id]));
    expect(h.cursor()).toBe('2025-05-01'); // the window of 04-11 is long gone

    h.sim.state.shipLogistic(late.logistics[0]!.id, { shipmentDate: '2025-05-01' });
    cancel.order.status = 'キャンセル';
    const o = await h.run();
    expect(o.status).toBe('succeeded');
    expect(db.prepare('select count(*) as n from shipments where bcart_order_id = ?').get(late.order.id)).toEqual({ n: 1 });
    expect(db.prepare('select total from invoices where bcart_order_id = ?').get(late.order.id)).toEqual({ total: Number(late.order.final_price) });
    expect(watched()).not.toContain(late.order.id);
    expect(watched()).not.toContain(cancel.order.id);
    expect(db.prepare('select count(*) as n from shipments where bcart_order_id = ?').get(cancel.order.id)).toEqual({ n: 0 });
  });

  it('all or nothing: one order with an unknown product → nothing written, cursor unchanged, the log names the order and the fix', async () => {
    h = await startImportHarness({ ...shop, orders: 30, fromDate: '2025-04-25' });
    const set = h.sim.state.productSets[3]!;
    h.t.core.db.prepare('update products set confirmed = 0 where code = ?').run(set.product_no);
    const bad = h.sim.state.addOrder({ orderedAt: '2025-04-26 10:00:00', payment: 'PayPal', lines: [{ productNo: set.product_no, count: 1 }], logistics: [{ status: '発送済', shipmentDate: '2025-04-27' }] });
    const before = booksSnapshot(h.t.core.db, h.books.settingId);
    const o = await h.run();
    expect(o.status).toBe('failed');
    expect(o.committed).toBe(false);
    expect(booksSnapshot(h.t.core.db, h.books.settingId)).toBe(before);
    expect(h.cursor()).toBe('2025-04-25');
    const logs = h.t.core.db.prepare("select order_code as orderCode, code, message from system_logs where run_id = ? and level = 'error'").all(o.runId) as {
      orderCode: string | null;
      code: string;
      message: string;
    }[];
    const line = logs.find((l) => l.orderCode === bad.order.code);
    expect(line?.code).toBe('UNKNOWN_PRODUCT');
    expect(line?.message).toContain(bad.order.code);
    expect(line?.message).toContain(set.product_no);
    expect(logs.some((l) => l.code === 'IMPORT_FAILED' && l.message.includes('何も取り込んでいません'))).toBe(true);
    // after the fix the same run imports everything
    h.t.core.db.prepare('update products set confirmed = 1 where code = ?').run(set.product_no);
    expect((await h.run()).status).toBe('succeeded');
    expect(h.t.core.db.prepare('select count(*) as n from shipments where bcart_order_id = ?').get(bad.order.id)).toEqual({ n: 1 });
  });

  it('取込プレビュー shows the plan and writes nothing but the run record', async () => {
    h = await startImportHarness({ ...shop, orders: 20, fromDate: '2025-04-26' });
    const before = booksSnapshot(h.t.core.db, h.books.settingId);
    const p = await h.run({ dryRun: true });
    expect(p.status).toBe('succeeded');
    expect(p.committed).toBe(false);
    expect(p.plan!.shipments.length).toBeGreaterThan(0);
    expect(booksSnapshot(h.t.core.db, h.books.settingId)).toBe(before);
    const r = await h.run();
    expect(r.counts.shipments).toBe(p.counts.shipments);
    expect(r.counts.amount).toBe(p.counts.amount);
  });

  it('a constraint violation inside the write transaction rolls back every row of the plan', async () => {
    h = await startImportHarness({ ...shop, orders: 20, fromDate: '2025-04-26' });
    const p = await h.run({ dryRun: true });
    const plan = p.plan!;
    expect(plan.shipments.length).toBeGreaterThan(2);
    const before = booksSnapshot(h.t.core.db, h.books.settingId);
    // the last shipment repeats the first one's logistics id, as a concurrent import would have inserted it
    const broken = { ...plan, shipments: [...plan.shipments, { ...plan.shipments[0]!, lines: [] }] };
    const runId = h.t.core.services.repos.importRuns.createRun({ settingId: h.books.settingId, trigger: 'manual', dryRun: false, windowFrom: null, windowTo: null, startedAt: h.t.core.services.ports.now() });
    expect(() =>
      writeImportPlan(h!.t.core.services.repos, { settingId: h!.books.settingId, runId, plan: broken, cursor: '2025-05-01', now: h!.t.core.services.ports.now(), apiCalls: 0, logs: [] }),
    ).toThrow(/UNIQUE/);
    expect(booksSnapshot(h.t.core.db, h.books.settingId)).toBe(before);
    expect(h.t.core.db.prepare('select status from import_runs where id = ?').get(runId)).toEqual({ status: 'running' });
  });
});
