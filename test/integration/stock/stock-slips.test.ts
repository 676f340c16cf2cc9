/**
 * 入荷伝票 / 在庫移動伝票 / 棚卸調整 through IPC on a real core and the simulator: 保存 → 確定 →
 * 確定取消, ledger rows, the outbox queued in the same transaction and pushed as "+N" / "+-N",
 * validation of every field at once, one id space, 在庫一覧 with drill-down, CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockHarness, receipt, type StockHarness } from './stock-fixture';

let h: StockHarness;
beforeAll(async () => {
  h = await stockHarness();
});
afterAll(() => h.close());

const ledger = (sourceType: string, id: number) =>
  h.t.core.db
    .prepare(
      'select warehouse_id as w, product_id as p, quantity as q from stock_ledger where source_type = ? and source_id = ? order by id',
    )
    .all(sourceType, id);
const outbox = () =>
  h.t.core.db.prepare('select product_id as p, delta, status from stock_outbox order by id').all() as {
    p: number;
    delta: number;
    status: string;
  }[];

describe('stock slips', () => {
  it('入荷 確定 writes the ledger and queues "+N" for the 連携倉庫, pushed to BCart; 確定取消 sends it back', async () => {
    const [a, b] = h.managed();
    const pa = h.product(a!.product_no);
    const pb = h.product(b!.product_no);
    const [sa, sb] = [h.stockOf(a!.id)!, h.stockOf(b!.id)!];
    const id = await receipt(h, h.wh, [
      [pa, 5],
      [pb, 2],
      [pa, 1],
    ]);
    const draft = await h.call<{ confirmed: boolean; workflowName: string | null; lines: unknown[] }>('stockSlips:get', { id });
    expect(draft.confirmed).toBe(false);
    expect(draft.workflowName).toBe('入荷管理');
    expect(ledger('receipt', id)).toEqual([]);

    const c = await h.call<{ queued: number; slip: { confirmed: boolean } }>('stockSlips:confirm', { id });
    expect(c.slip.confirmed).toBe(true);
    expect(c.queued).toBe(2);
    expect(ledger('receipt', id)).toEqual([
      { w: h.wh, p: pa, q: 6 },
      { w: h.wh, p: pb, q: 2 },
    ]);
    expect(outbox().map((r) => [r.p, r.delta, r.status])).toEqual([
      [pa, 6, 'pending'],
      [pb, 2, 'pending'],
    ]);
    const pushed = await h.call<{ pending: number; sent: number; busy: number[] }>('stock:push', {});
    expect(pushed).toMatchObject({ pending: 0, sent: 2, busy: [] });
    expect([h.stockOf(a!.id), h.stockOf(b!.id)]).toEqual([sa + 6, sb + 2]);
    const sends = h.sim.state.stock.journal.filter((e) => e.source === 'api');
    expect(sends.map((e) => [e.setId, e.op])).toEqual([
      [a!.id, { kind: 'add', delta: 6 }],
      [b!.id, { kind: 'add', delta: 2 }],
    ]);
    expect(new Set(sends.map((e) => e.requestId)).size).toBe(1);

    // editing or deleting a confirmed slip is refused
    await expect(h.call('stockSlips:delete', { id })).rejects.toMatchObject({ data: { code: 'CONFIRMED_LOCKED' } });

    await h.call('stockSlips:unconfirm', { id });
    expect(ledger('receipt', id)).toEqual([]);
    await h.call('stock:push', {});
    expect([h.stockOf(a!.id), h.stockOf(b!.id)]).toEqual([sa, sb]);
    expect(
      h.sim.state.stock.journal
        .filter((e) => e.source === 'api')
        .slice(-2)
        .map((e) => e.op),
    ).toEqual([
      { kind: 'add', delta: -6 },
      { kind: 'add', delta: -2 },
    ]);
    await h.call('stockSlips:delete', { id });
    await expect(h.call('stockSlips:get', { id })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it('在庫移動 from the 連携倉庫 sends "+-N"; into another warehouse nothing; 確定 and 確定取消 before a push merge to nothing', async () => {
    const a = h.managed()[2]!;
    const pa = h.product(a.product_no);
    const before = h.stockOf(a.id)!;
    const t1 = await h.call<{ id: number }>('stockSlips:create', {
      kind: 'transfer',
      date: '2025-05-02',
      warehouseId: h.wh,
      toWarehouseId: h.wh2,
      lines: [{ productId: pa, quantity: 3 }],
    });
    await h.call('stockSlips:confirm', { id: t1.id });
    expect(ledger('transfer', t1.id)).toEqual([
      { w: h.wh, p: pa, q: -3 },
      { w: h.wh2, p: pa, q: 3 },
    ]);
    await h.call('stock:push', {});
    expect(h.stockOf(a.id)).toBe(before - 3);
    // a receipt into WH-2 only: nothing to push
    const r2 = await receipt(h, h.wh2, [[pa, 4]]);
    expect((await h.call<{ queued: number }>('stockSlips:confirm', { id: r2 })).queued).toBe(0);
    // 確定 then 確定取消 with nothing sent in between: the changes cancel out and nothing is sent
    const r3 = await receipt(h, h.wh, [[pa, 9]]);
    const requests = h.sim.state.requests.length;
    await h.call('stockSlips:confirm', { id: r3 });
    await h.call('stockSlips:unconfirm', { id: r3 });
    await h.call('stock:push', {});
    expect(h.sim.state.requests.length).toBe(requests);
    expect(h.stockOf(a.id)).toBe(before - 3);
  });

  it('棚卸調整: counted − book goes to the ledger and BCart; the book quantity is kept on the line', async () => {
    const a = h.managed()[3]!;
    const pa = h.product(a.product_no);
    const r = await receipt(h, h.wh, [[pa, 10]]);
    await h.call('stockSlips:confirm', { id: r });
    await h.call('stock:push', {});
    const before = h.stockOf(a.id)!;
    const adj = await h.call<{ id: number }>('stockSlips:create', {
      kind: 'adjustment',
      date: '2025-05-03',
      warehouseId: h.wh,
      lines: [{ productId: pa, quantity: 7 }],
    });
    await h.call('stockSlips:confirm', { id: adj.id });
    const d = await h.call<{ lines: { bookQuantity: number; difference: number }[] }>('stockSlips:get', { id: adj.id });
    expect(d.lines[0]).toMatchObject({ quantity: 7, bookQuantity: 10, difference: -3 });
    expect(ledger('adjustment', adj.id)).toEqual([{ w: h.wh, p: pa, q: -3 }]);
    await h.call('stock:push', {});
    expect(h.stockOf(a.id)).toBe(before - 3);
    const list = await h.call<{ rows: { productId: number; warehouseCode: string; quantity: number }[] }>('stock:list', {
      warehouseId: h.wh,
    });
    expect(list.rows.find((x) => x.productId === pa)).toMatchObject({ warehouseCode: 'WH-EC', quantity: 7 });
    const moves = await h.call<{ rows: { sourceType: string; quantity: number; balance: number }[]; quantity: number }>('stock:movements', {
      warehouseId: h.wh,
      productId: pa,
    });
    expect(moves.quantity).toBe(7);
    expect(moves.rows.map((m) => [m.sourceType, m.quantity, m.balance])).toEqual([
      ['adjustment', -3, 7],
      ['receipt', 10, 10],
    ]);
  });

  it('one id space for the three kinds; lists filter by kind', async () => {
    const all = await h.call<{ rows: { id: number; kind: string }[] }>('stockSlips:list', {});
    const ids = all.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(all.rows.map((r) => r.kind))).toEqual(new Set(['receipt', 'transfer', 'adjustment']));
    const transfers = await h.call<{ rows: { kind: string }[] }>('stockSlips:list', { kind: 'transfer' });
    expect(transfers.rows.every((r) => r.kind === 'transfer')).toBe(true);
  });

  it('validation names every problem at once, in Japanese, beside its field; nothing is saved', async () => {
    const fee = (h.t.core.db.prepare("select id from products where code = 'SHIPPING-FEE'").get() as { id: number }).id;
    const before = (await h.call<{ total: number }>('stockSlips:list', {})).total;
    const err = await h
      .call('stockSlips:create', {
        kind: 'transfer',
        date: '2025-02-30',
        warehouseId: h.supplier,
        toWarehouseId: h.supplier,
        supplierId: h.supplier,
        lines: [{ productId: fee, quantity: 0 }],
      })
      .catch((e: { data: { code: string; fields: { path: string; message: string }[] } }) => e.data);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    const paths = (err as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['date', 'warehouseId', 'toWarehouseId', 'supplierId', 'lines.0.productId', 'lines.0.quantity']),
    );
    expect((await h.call<{ total: number }>('stockSlips:list', {})).total).toBe(before);
  });

  it('CSV出力 of slips and 在庫一覧 (UTF-8 with BOM and Shift_JIS)', async () => {
    const slips = await h.call<{ fileName: string; contentBase64: string; rows: number }>('stockSlips:export', { encoding: 'utf-8' });
    const text = Buffer.from(slips.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF伝票番号,伝票種類,日付')).toBe(true);
    expect(text).toContain('棚卸調整');
    expect(slips.fileName).toMatch(/^在庫伝票_\d{8}\.csv$/);
    const list = await h.call<{ fileName: string; contentBase64: string; rows: number }>('stock:export', {
      encoding: 'cp932',
      query: { warehouseId: h.wh },
    });
    expect(list.fileName).toMatch(/_SJIS\.csv$/);
    expect(list.rows).toBeGreaterThan(0);
    const { decode } = await import('iconv-lite');
    expect(decode(Buffer.from(list.contentBase64, 'base64'), 'cp932').split('\r\n')[0]).toBe(
      '倉庫コード,倉庫名,商品コード,SKUコード,商品名,在庫数',
    );
  });
});
