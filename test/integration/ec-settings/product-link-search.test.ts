/**
 * EC連携商品 linked by product search: a BCart set is linked through `productLinks:accept` to a
 * product found with `products:list` (the master search) that is not among its suggestions; a
 * product whose 計上単位 differs from BCart's 入数 is refused and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSettingsFixture, type SettingsFixture } from './settings-fixture';

type Err = Error & { data: { code: string; message: string; fields?: { path: string; message: string }[] } };
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Err).data;
  }
  throw new Error('expected a failure');
};

interface SetRow {
  setId: number;
  productNo: string;
  janCode: string;
  quantity: number | null;
  name: string;
  linkedProductId: number | null;
  suggestions: { productId: number }[];
}
interface ProductRow {
  id: number;
  code: string;
  unitQuantity: number;
  confirmed: boolean;
}

describe('EC連携商品: link a set to a product found by search', () => {
  let f: SettingsFixture;
  beforeAll(async () => {
    f = await startSettingsFixture({ orders: 10 });
  });
  afterAll(async () => {
    await f?.close();
  });

  /** creates and confirms a product no set suggests (its code, SKU and JAN match nothing in BCart) */
  async function confirmedProduct(code: string, unitQuantity: number): Promise<number> {
    const p = await f.t.call<{ id: number }>('products:create', {
      code,
      name: `検索連携テスト${code}`,
      unitQuantity,
      inventoryTracked: true,
      unitPrice: 500,
    });
    await f.t.call('products:confirm', { id: p.id });
    return p.id;
  }

  it('links by search when 入数 = 計上単位; refuses a different 計上単位 and writes nothing', async () => {
    const { sets } = await f.t.call<{ sets: SetRow[] }>('productLinks:fetchBcart', { settingId: f.settingId });
    const set = sets.find((s) => s.linkedProductId === null && s.quantity !== null)!;
    expect(set).toBeDefined();
    const qty = set.quantity!;
    const okId = await confirmedProduct('ZSEARCH-OK', qty);
    const ngId = await confirmedProduct('ZSEARCH-NG', qty + 1);

    // the search the screen runs: confirmed products matching the typed text
    const found = await f.t.call<{ rows: ProductRow[] }>('products:list', {
      query: 'ZSEARCH',
      confirmed: 'confirmed',
      limit: 20,
      sortKey: 'code',
    });
    expect(found.rows.map((r) => [r.code, r.unitQuantity])).toEqual([
      ['ZSEARCH-NG', qty + 1],
      ['ZSEARCH-OK', qty],
    ]);
    const refetched = (await f.t.call<{ sets: SetRow[] }>('productLinks:fetchBcart', { settingId: f.settingId })).sets.find(
      (s) => s.setId === set.setId,
    )!;
    expect(refetched.suggestions.map((g) => g.productId)).not.toContain(okId);

    const link = (productId: number) => ({
      settingId: f.settingId,
      links: [
        {
          bcartSetId: set.setId,
          productId,
          bcartProductNo: set.productNo,
          bcartSetName: set.name,
          bcartJanCode: set.janCode,
          bcartQuantity: qty,
        },
      ],
    });
    const before = (f.t.core.db.prepare('select count(*) n from product_links').get() as { n: number }).n;
    const err = await failure(f.t.call('productLinks:accept', link(ngId)));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toEqual([
      { path: 'links.0.productId', message: expect.stringContaining(`入数 ${qty} と商品「ZSEARCH-NG」の計上単位 ${qty + 1} が違います`) },
    ]);
    expect((f.t.core.db.prepare('select count(*) n from product_links').get() as { n: number }).n).toBe(before);

    expect(await f.t.call('productLinks:accept', link(okId))).toEqual({ saved: 1 });
    const list = await f.t.call<{ rows: { bcartSetId: number; productCode: string; productUnitQuantity: number }[] }>('productLinks:list', {
      settingId: f.settingId,
    });
    expect(list.rows.find((r) => r.bcartSetId === set.setId)).toMatchObject({ productCode: 'ZSEARCH-OK', productUnitQuantity: qty });
    const after = (await f.t.call<{ sets: SetRow[] }>('productLinks:fetchBcart', { settingId: f.settingId })).sets.find(
      (s) => s.setId === set.setId,
    )!;
    expect(after.linkedProductId).toBe(okId);
  });
});
