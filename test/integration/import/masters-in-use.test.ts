/**
 * Masters in use (docs/import-rules.md#masters-in-use): after an import, the 連携倉庫, a product on
 * confirmed slips and the setting's 税区分 cannot be 確定取消'd, and the fields their users depend on
 * cannot change — each refusal names the users; a name still changes while they stay 確定. The
 * import re-checks the setting's masters before fetching. Before, 確定取消 was always allowed and
 * a 軽減税区分 edited to 10 % was used as is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Err = { data: { code: string; message: string; fields?: { path: string; message: string }[] } };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Err) => e.data,
  );
/** the editable values of a master row as its form sends them */
const valuesOf = (row: Record<string, unknown>) => {
  const { id: _i, confirmed: _c, createdAt: _a, updatedAt: _u, ...values } = row;
  return values;
};

describe('masters in use', () => {
  it('確定取消 and meaning-changing edits are refused naming the users; free fields stay editable; unused masters are unaffected', async () => {
    h = await startImportHarness({ seed: 5, orders: 12, fromDate: '2025-04-26', toDate: '2025-04-30', mode: 'test' }, '2025-04-26');
    expect((await h.catchUp()).at(-1)!.status).toBe('succeeded');
    const db = h.t.core.db;
    const shipped = (db.prepare('select count(*) as n from shipments').get() as { n: number }).n;
    expect(shipped).toBeGreaterThan(0);

    // the 連携倉庫: named by the setting and by every 出荷伝票
    const wh = h.books.warehouseId;
    const whErr = await failure(h.t.call('partners:unconfirm', { id: wh }));
    expect(whErr).toMatchObject({ code: 'IN_USE' });
    expect(whErr!.message).toContain('EC連携設定「テスト」の連携倉庫');
    expect(whErr!.message).toContain(`確定済みの出荷伝票 ${shipped} 件`);
    expect(db.prepare('select confirmed from partners where id = ?').get(wh)).toEqual({ confirmed: 1 });

    // a product on confirmed slips: the name changes while it stays 確定, 計上単位 does not
    const used = db.prepare('select product_id as id from shipment_lines limit 1').get() as { id: number };
    const product = await h.t.call<Record<string, unknown>>('products:get', { id: used.id });
    const renamed = await h.t.call<Record<string, unknown>>('products:update', { id: used.id, values: { ...valuesOf(product), name: '新しい商品名' } });
    expect(renamed).toMatchObject({ name: '新しい商品名', confirmed: true });
    const unitErr = await failure(h.t.call('products:update', { id: used.id, values: { ...valuesOf(product), unitQuantity: Number(product.unitQuantity) + 1 } }));
    expect(unitErr).toMatchObject({ code: 'IN_USE', fields: [{ path: 'unitQuantity', message: '使用中のため計上単位は変更できません。' }] });
    expect(unitErr!.message).toMatch(/確定済みの出荷伝票 \d+ 件/);
    expect(await failure(h.t.call('products:unconfirm', { id: used.id }))).toMatchObject({ code: 'IN_USE' });

    // the 標準税区分 of the setting: its rate is what the import maps 10 % to
    const std = db.prepare("select id from tax_classes where kind = '標準' order by id").get() as { id: number };
    const tax = await h.t.call<Record<string, unknown>>('taxClasses:get', { id: std.id });
    const rateErr = await failure(h.t.call('taxClasses:update', { id: std.id, values: { ...valuesOf(tax), rate: 8 } }));
    expect(rateErr).toMatchObject({ code: 'IN_USE' });
    expect(rateErr!.message).toContain('税率は変更できません');
    expect(rateErr!.message).toContain('EC連携設定「テスト」の標準税区分');

    // a confirmed master nobody uses: 確定取消 as before, and editing a 確定 one still needs it
    const spare = Number(db.prepare("insert into departments (code, name, confirmed, created_at, updated_at) values ('SPARE', '予備', 1, 'x', 'x')").run().lastInsertRowid);
    expect(await failure(h.t.call('departments:update', { id: spare, values: { code: 'SPARE', name: '予備2' } }))).toMatchObject({ code: 'CONFIRMED_LOCKED' });
    expect(await h.t.call('departments:unconfirm', { id: spare })).toMatchObject({ confirmed: false });
  });

  it('the import re-checks the setting masters before fetching: a 確定取消 or a wrong rate refuses the run, nothing fetched', async () => {
    h = await startImportHarness({ seed: 6, orders: 4, fromDate: '2025-04-28', toDate: '2025-04-30', mode: 'test' }, '2025-04-28');
    const db = h.t.core.db;
    // as an older version or a direct edit could have left it
    const reduced = db.prepare('select reduced_tax_class_id as id, warehouse_id as wh from ec_settings').get() as { id: number; wh: number };
    db.prepare('update tax_classes set rate = 10 where id = ?').run(reduced.id);
    db.prepare('update partners set confirmed = 0 where id = ?').run(reduced.wh);
    const requests = h.sim.state.requests.length;
    const o = await h.run();
    expect(o.status).toBe('failed');
    expect(o.message).toContain('軽減税区分「');
    expect(o.message).toContain('の税率が10%です（8%の税区分を選んでください）');
    expect(o.message).toContain('連携倉庫が確定されていません');
    expect(h.sim.state.requests.length).toBe(requests);
    expect(db.prepare('select count(*) as n from shipments').get()).toEqual({ n: 0 });
  });
});
