/**
 * 要確認 end to end (docs/import-rules.md#review-list): the simulator ships one of two shipments,
 * the import books it, then BCart cancels the order. The next run puts the order on the list (the
 * count channel and `review:list --json` show it), stops watching the 未発送 record, and a clerk
 * settles it: the 請求伝票 of the shipped part (tax once per rate), or a dismissal with a reason.
 * Both are logged. Before, the order silently left the watch list and the shipped goods were
 * never billed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { ReviewRow } from '../../../src-shared/import/import-review';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

/** An order of two goods lines, the first shipped on 04-29, the second not yet. */
function partlyShipped(harness: ImportHarness) {
  const [s1, s2] = harness.sim.state.productSets.filter((s) => s.tax_type_id === 1);
  return harness.sim.state.addOrder({
    orderedAt: '2025-04-28 10:00:00',
    payment: 'PayPal',
    lines: [
      { productSetId: s1!.id, count: 3, logistics: 0 },
      { productSetId: s2!.id, count: 2, logistics: 1 },
    ],
    logistics: [{ status: '発送済', shipmentDate: '2025-04-29' }, { status: '未発送' }],
  });
}

describe('要確認: an order cancelled after a partial shipment', () => {
  it('goes on the list, counts, prints as review:list --json, and its shipped part is invoiced with tax once per rate', async () => {
    h = await startImportHarness({ seed: 11, orders: 2, fromDate: '2025-04-28', toDate: '2025-04-30', mode: 'test' }, '2025-04-28');
    const db = h.t.core.db;
    const stored = partlyShipped(h);
    const order = stored.order;
    expect((await h.catchUp()).at(-1)!.status).toBe('succeeded');
    expect(db.prepare('select count(*) as n from shipments where bcart_order_id = ?').get(order.id)).toEqual({ n: 1 });
    expect(db.prepare('select reason from import_watch where bcart_order_id = ?').get(order.id)).toEqual({ reason: 'partially-shipped' });
    expect(await h.t.call('reviews:count')).toEqual({ open: 0 });

    h.sim.state.cancelOrder(order.id);
    const run = await h.run();
    expect(run.status).toBe('succeeded');
    expect(db.prepare('select count(*) as n from import_watch where bcart_order_id = ?').get(order.id)).toEqual({ n: 0 });
    expect(await h.t.call('reviews:count')).toEqual({ open: 1 });
    const { rows } = await h.t.call<{ rows: ReviewRow[] }>('reviews:list', {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ settingId: h.books.settingId, orderCode: order.code, reason: 'CANCELLED_AFTER_PARTIAL_SHIPMENT', resolution: null });
    expect(rows[0]!.since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+09:00$/);

    // the CLI contract: exactly these four keys
    const listed = await cli(['review:list', '--data-dir', h.t.dataDir, '--json']);
    expect(listed.code, listed.err.join('\n')).toBe(0);
    expect(JSON.parse(listed.out[0]!)).toEqual([{ orderCode: order.code, settingId: h.books.settingId, reason: 'CANCELLED_AFTER_PARTIAL_SHIPMENT', since: rows[0]!.since }]);

    // a later run over the same order does not reopen or duplicate it
    h.setCursor('2025-04-28');
    await h.catchUp();
    expect(db.prepare('select count(*) as n from import_reviews').get()).toEqual({ n: 1 });

    const created = await h.t.call<{ invoiceId: number; total: number; review: ReviewRow }>('reviews:createInvoice', { id: rows[0]!.id });
    expect(created.review.resolution).toBe('invoiced');
    // oracle: the booked shipment's goods (tax-excluded, one rate), tax floored once on their sum
    const goods = (db.prepare('select l.amount, l.tax_rate as rate from shipment_lines l join shipments s on s.id = l.shipment_id where s.bcart_order_id = ?').all(order.id) as { amount: number; rate: number }[]);
    const net = goods.reduce((n, g) => n + g.amount, 0);
    const rate = goods[0]!.rate;
    expect(new Set(goods.map((g) => g.rate)).size).toBe(1);
    const tax = Math.floor((net * rate) / 100);
    expect(created.total).toBe(net + tax);
    expect(db.prepare('select rate, net, tax, gross from invoice_tax_totals where invoice_id = ?').all(created.invoiceId)).toEqual([{ rate, net, tax, gross: net + tax }]);
    expect(db.prepare('select customer_id = (select customer_id from shipments where bcart_order_id = ?) as same, bcart_order_code as code, import_run_id as run from invoices where id = ?').get(order.id, created.invoiceId)).toEqual({ same: 1, code: order.code, run: null });
    expect(await h.t.call('reviews:count')).toEqual({ open: 0 });
    expect((await cli(['review:list', '--data-dir', h.t.dataDir, '--json'])).out[0]).toBe('[]');
    const log = db.prepare("select level, order_code as orderCode, message from system_logs where code = 'REVIEW_INVOICED'").all() as { message: string }[];
    expect(log).toEqual([{ level: 'info', orderCode: order.code, message: expect.stringContaining(`合計 ¥${(net + tax).toLocaleString('en-US')}`) }]);

    // settled once: a second attempt is refused in Japanese, nothing written
    const again = await h.t.call('reviews:createInvoice', { id: rows[0]!.id }).then(
      () => null,
      (e: { data: { code: string; message: string } }) => e.data,
    );
    expect(again).toEqual({ code: 'CONFLICT', message: expect.stringContaining('すでに請求伝票を作成して閉じられています'), retryable: false });
    expect(db.prepare('select count(*) as n from invoices where bcart_order_id = ?').get(order.id)).toEqual({ n: 1 });
  });

  it('is dismissed with a reason through the CLI (SETTINGID:ORDERCODE), logged; an empty reason is refused', async () => {
    h = await startImportHarness({ seed: 12, orders: 1, fromDate: '2025-04-28', toDate: '2025-04-30', mode: 'test' }, '2025-04-28');
    const order = partlyShipped(h).order;
    await h.catchUp();
    h.sim.state.cancelOrder(order.id);
    await h.run();
    const id = h.books.settingId;
    const empty = await h.t.call('reviews:dismiss', { id: 1, note: '  ' }).then(
      () => null,
      (e: { data: { code: string } }) => e.data.code,
    );
    expect(empty).toBe('VALIDATION');

    const wrong = await cli(['review:dismiss', '--data-dir', h.t.dataDir, '--order', `${id + 1}:${order.code}`, '--reason', '返品']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err.join('\n')).toContain(`受注番号 ${id + 1}:${order.code} の未処理の要確認はありません`);

    const ok = await cli(['review:dismiss', '--data-dir', h.t.dataDir, '--order', `${id}:${order.code}`, '--reason', '発送分は返品済み', '--json']);
    expect(ok.code, ok.err.join('\n')).toBe(0);
    expect(JSON.parse(ok.out[0]!)).toEqual({ orderCode: order.code, settingId: id, reason: 'CANCELLED_AFTER_PARTIAL_SHIPMENT', resolution: 'dismissed' });
    const db = h.t.core.db;
    expect(db.prepare('select resolution, resolution_note as note from import_reviews').all()).toEqual([{ resolution: 'dismissed', note: '発送分は返品済み' }]);
    expect(db.prepare("select message from system_logs where code = 'REVIEW_DISMISSED'").get()).toEqual({ message: expect.stringContaining('理由: 発送分は返品済み') });
    expect(db.prepare('select count(*) as n from invoices where bcart_order_id = ?').get(order.id)).toEqual({ n: 0 });
    expect(await h.t.call('reviews:count')).toEqual({ open: 0 });
  });
});
