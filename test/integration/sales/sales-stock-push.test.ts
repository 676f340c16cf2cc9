/**
 * 在庫反映 of a 売上伝票 (docs/stock-rules.md): its 確定 from the 連携倉庫 queues −quantity per linked
 * product in the stock outbox in the same transaction as its ledger rows, the started pusher sends it
 * at once and the BCart set (the simulator's) goes down by the slip's quantity; 確定取消 queues the
 * opposite and the set comes back. A slip from another warehouse, and a line of a product that is
 * not 棚卸対象, queue nothing. Oracles: the simulator's set stock and plain SQL over stock_outbox.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { stockHarness, type StockHarness } from '../stock/stock-fixture';

let h: StockHarness;
let customer: number;
let fee: number;

beforeAll(async () => {
  h = await stockHarness({ sim: { seed: 23 } });
  const db = h.t.core.db;
  customer = (db.prepare("select id from partners where kind = '得意先' and confirmed = 1 order by id limit 1").get() as { id: number }).id;
  fee = h.product('SHIPPING-FEE');
  h.t.core.services.stock.pusher.start();
});
afterAll(() => h.close());
beforeEach(() => h.sim.faults.clear());

const outbox = (slipId: number) =>
  (
    h.t.core.db.prepare('select product_id as p, delta, status, attempts, sources from stock_outbox order by id').all() as {
      p: number;
      delta: number;
      status: string;
      attempts: number;
      sources: string;
    }[]
  ).filter(
    (r) => (JSON.parse(r.sources) as { kind: string; slipId: number }[]).some((s) => s.kind === 'sales' && s.slipId === slipId),
  );

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The 確定 woke the pusher: without any explicit push its round claims the rows (attempts ≥ 1).
 * Under load the fast test client may time out; a send read back as not applied waits for the
 * pusher's next round (60 s here), so the rest is finished with 今すぐ送信 (stock:push) — it never
 * sends a row twice (the API journal is counted below).
 */
async function sentAfterKick(slipId: number, rows: number): Promise<void> {
  await until('the pusher woken by the commit', () => outbox(slipId).length === rows && outbox(slipId).every((r) => r.attempts >= 1));
  for (let i = 0; i < 20 && !outbox(slipId).every((r) => r.status === 'sent'); i++) {
    await until('the round in flight', () => outbox(slipId).every((r) => r.status !== 'sending'));
    await h.call('stock:push', {});
  }
  expect(outbox(slipId).map((r) => r.status)).toEqual(Array<string>(rows).fill('sent'));
}

const saveAndConfirm = async (warehouseId: number, lines: [number, number][]) => {
  const { slip } = await h.call<SalesWriteResult>('sales:save', {
    customerId: customer,
    warehouseId,
    date: '2025-05-02',
    lines: lines.map(([productId, quantity]) => ({ productId, quantity, unitPrice: 1000 })),
  });
  await h.call<SalesWriteResult>('sales:confirm', { id: slip.id });
  return slip.id;
};

describe('売上伝票 → 在庫反映', () => {
  it('確定 from the 連携倉庫 lowers the BCart set by the quantity; 確定取消 puts it back', async () => {
    const [a, b] = h.managed();
    const before = [h.stockOf(a!.id)!, h.stockOf(b!.id)!];
    const id = await saveAndConfirm(h.wh, [
      [h.product(a!.product_no), 3],
      [h.product(b!.product_no), 2],
      [h.product(a!.product_no), 1],
      [fee, 1],
    ]);
    // queued with the 確定 (per product, the fee is not 棚卸対象), then sent by the kicked pusher
    expect(outbox(id).map((r) => [r.p, r.delta])).toEqual([
      [h.product(a!.product_no), -4],
      [h.product(b!.product_no), -2],
    ]);
    await sentAfterKick(id, 2);
    expect([h.stockOf(a!.id), h.stockOf(b!.id)]).toEqual([before[0]! - 4, before[1]! - 2]);

    await h.call('sales:cancel', { id });
    await sentAfterKick(id, 4);
    expect(outbox(id).map((r) => r.delta)).toEqual([-4, -2, 4, 2]);
    expect([h.stockOf(a!.id), h.stockOf(b!.id)]).toEqual(before);
    // each change reached BCart exactly once
    const api = h.sim.state.stock.journal.filter((e) => e.source === 'api' && (e.setId === a!.id || e.setId === b!.id));
    expect(api).toHaveLength(4);
  });

  it('a slip from a warehouse that is no 連携倉庫 queues nothing and leaves BCart alone', async () => {
    const [, , c] = h.managed();
    const before = h.stockOf(c!.id);
    const id = await saveAndConfirm(h.wh2, [[h.product(c!.product_no), 5]]);
    expect((h.t.core.db.prepare("select count(*) as n from stock_ledger where source_type = 'sales' and source_id = ?").get(id) as { n: number }).n).toBe(1);
    expect(outbox(id)).toEqual([]);
    await h.call('stock:push', {});
    expect(h.stockOf(c!.id)).toBe(before);
  });

  it('a failure writing the outbox rolls the whole 確定 back: no ledger rows, no 請求伝票, still a draft', async () => {
    const [, , , d] = h.managed();
    const db = h.t.core.db;
    const { slip } = await h.call<SalesWriteResult>('sales:save', {
      customerId: customer,
      warehouseId: h.wh,
      date: '2025-05-02',
      lines: [{ productId: h.product(d!.product_no), quantity: 1, unitPrice: 1000 }],
    });
    // the outbox write is the last write of the 確定: if it ran in a transaction of its own, the ledger
    // rows and the 請求伝票 written before it would stay behind
    db.exec("create trigger fail_outbox before insert on stock_outbox begin select raise(abort, 'disk full'); end");
    try {
      const r = await h.t.core.dispatch('sales:confirm', { id: slip.id }, { via: 'test' });
      expect(r.ok).toBe(false);
    } finally {
      db.exec('drop trigger fail_outbox');
    }
    const n = (sql: string) => (db.prepare(sql).get(slip.id) as { n: number }).n;
    expect(n("select count(*) as n from stock_ledger where source_type = 'sales' and source_id = ?")).toBe(0);
    expect(n('select count(*) as n from sales_slips where id = ? and invoice_id is not null')).toBe(0);
    expect((await h.call<{ status: string; slipNo: string | null }>('sales:get', { id: slip.id })).status).toBe('draft');
    // and once the outbox can be written, the same slip confirms and is queued
    await h.call('sales:confirm', { id: slip.id });
    expect(outbox(slip.id).map((r) => r.delta)).toEqual([-1]);
  });
});
