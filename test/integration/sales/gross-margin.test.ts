/**
 * 粗利 in 売上分析 on a real SQLite file: the 商品 master's optional 原価 (form/dispatch and CSV),
 * groups whose every line has a 原価 show 原価 and 粗利 (worked out by hand here), a group with one
 * line of a product without 原価 shows none; the CSV export carries 原価 / 粗利 / 粗利率.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src-shared/analysis/sales-analysis';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeSalesFixture, type SalesFixture } from '../../helpers/sales-fixture';

describe('粗利 (売上分析)', () => {
  let t: TestCore;
  let f: SalesFixture;
  const setCost = async (id: number, costPrice: number | null) => {
    const p = await t.call<Record<string, unknown>>('products:get', { id });
    const { code, variationH, variationV, skuCode, name, kana, unitQuantity, inventoryTracked, taxClassId, unitPrice, janCode } = p;
    const values = { code, variationH, variationV, skuCode, name, kana, unitQuantity, inventoryTracked, taxClassId, unitPrice, janCode, costPrice };
    // the clerk's way: 確定取消, edit, 確定 again; a 商品 on confirmed slips stays 確定 and its 原価
    // (which changes no meaning the slips depend on) is edited in place
    const unconfirmed = await t.core.dispatch('products:unconfirm', { id }, { via: 'test' });
    if (!unconfirmed.ok && unconfirmed.error.code !== 'IN_USE') throw new Error(unconfirmed.error.message);
    await t.call('products:update', { id, values });
    if (unconfirmed.ok) await t.call('products:confirm', { id });
  };
  const analysis = (by: string) => t.call<AnalysisResult>('analysis:sales', { by, from: '2026-11-01', to: '2026-11-30' });

  beforeEach(async () => {
    t = await makeTestCore();
    f = await makeSalesFixture(t);
    const sale = (lines: { productId: number; quantity: number; unitPrice: number }[]) =>
      t.call('sales:saveAndConfirm', { customerId: f.customer.net, warehouseId: f.warehouse.w01, date: '2026-11-20', lines });
    await sale([{ productId: f.product.coffee, quantity: 3, unitPrice: 1_200 }]);
    await sale([
      { productId: f.product.coffee, quantity: -1, unitPrice: 1_200 }, // a 返品 takes its cost back too
      { productId: f.product.tea, quantity: 4, unitPrice: 500 },
    ]);
  });
  afterEach(() => t.close());

  it('a product without 原価 has no 粗利, and neither has any group it is part of', async () => {
    await setCost(f.product.coffee, 700);
    const byProduct = await analysis('product');
    // coffee: net 3,600 − 1,200 = 2,400; cost (3 − 1) × 700 = 1,400 → 粗利 1,000
    expect(byProduct.rows.find((r) => r.key === 'SKU-COF')).toMatchObject({ net: 2_400, quantity: 2, cost: 1_400, margin: 1_000 });
    expect(byProduct.rows.find((r) => r.key === 'P002')).toMatchObject({ net: 2_000, quantity: 4, cost: null, margin: null });
    expect((await analysis('month')).rows).toEqual([expect.objectContaining({ key: '2026-11', net: 4_400, cost: null, margin: null })]);
  });

  it('once every product has a 原価 the month shows 粗利; the CSV carries 原価, 粗利, 粗利率', async () => {
    await setCost(f.product.coffee, 700);
    await setCost(f.product.tea, 320);
    // 1,400 + 4 × 320 = 2,680; 粗利 4,400 − 2,680 = 1,720; 粗利率 1,720 / 4,400 = 39.09… → 39.1%
    expect((await analysis('month')).rows).toEqual([expect.objectContaining({ key: '2026-11', net: 4_400, cost: 2_680, margin: 1_720 })]);
    const csv = await t.call<{ contentBase64: string }>('analysis:exportCsv', {
      table: 'groups',
      query: { by: 'month', from: '2026-11-01', to: '2026-11-30' },
      encoding: 'utf-8',
    });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8').slice(1);
    const [head, row] = text.split('\r\n');
    expect(head).toBe('キー,名称,チャネル,税抜売上,数量,前年税抜売上,前年数量,前年差,原価,粗利,粗利率');
    expect(row).toBe('2026-11,2026-11,卸,4400,6,0,0,4400,2680,1720,39.1%');
    // 原価 cleared again (blank in the form): the 粗利 goes away
    await setCost(f.product.tea, null);
    expect((await analysis('month')).rows[0]).toMatchObject({ cost: null, margin: null });
  });

  it('原価 is a column of the 商品 CSV export, blank where there is none', async () => {
    await setCost(f.product.coffee, 700);
    const out = await t.call<{ contentBase64: string }>('csv:export', { master: 'products', encoding: 'utf-8' });
    const text = Buffer.from(out.contentBase64, 'base64').toString('utf8');
    const [head, ...rows] = text.slice(1).split('\r\n');
    expect(head!.split(',')).toContain('原価');
    const col = head!.split(',').indexOf('原価');
    expect(rows.find((r) => r.startsWith('P001,'))!.split(',')[col]).toBe('700');
    expect(rows.find((r) => r.startsWith('P002,'))!.split(',')[col]).toBe('');
  });
});
