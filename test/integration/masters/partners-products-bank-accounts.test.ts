/**
 * 取引先 / 商品 / 請求口座 through the real dispatch and SQLite: create, search, sort, 確定 lock,
 * the unique keys reported on the right field (商品: code + 枝番, and SKU code), validation errors
 * from main, and the 取引先種別 filter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../src-shared/errors';
import { makeTestCore, type TestCore } from '../../helpers/core';

const product = { code: 'P001', name: 'コーヒー', unitQuantity: 12, inventoryTracked: true, unitPrice: 1200 };

describe('partners, products and bank accounts (dispatch + SQLite)', () => {
  let t: TestCore;
  const fail = async (channel: string, input: unknown): Promise<AppErrorData> => {
    const r = await t.core.dispatch(channel, input, { via: 'test' });
    if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return r.error;
  };
  beforeEach(async () => {
    t = await makeTestCore();
  });
  afterEach(() => t.close());

  it('商品: the same code with other 枝番 is a new product; the same code+枝番 or SKU is refused on its field', async () => {
    const tax = (await t.call<{ rows: { id: number; code: string }[] }>('taxClasses:list', {})).rows.find((r) => r.code === 'RED08')!;
    const p = await t.call<{ id: number; taxClassId: number | null; skuCode: string | null; variationH: string }>('products:create', {
      ...product,
      skuCode: 'SKU-1',
      taxClassId: tax.id,
    });
    expect(p).toMatchObject({ taxClassId: tax.id, skuCode: 'SKU-1', variationH: '' });
    await t.call('products:create', { ...product, variationH: 'RED', variationV: 'M' });
    const dupKey = await fail('products:create', { ...product, variationH: 'RED', variationV: 'M' });
    expect(dupKey).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'code', message: expect.stringContaining('枝番') }] });
    const dupSku = await fail('products:create', { ...product, code: 'P002', skuCode: 'SKU-1' });
    expect(dupSku).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'skuCode', message: expect.stringContaining('SKUコード') }] });
    // several products without a SKU code are fine (NULLs are distinct)
    await t.call('products:create', { ...product, code: 'P003' });
    await t.call('products:create', { ...product, code: 'P004' });
    const bySku = await t.call<{ rows: { code: string }[] }>('products:list', { query: 'SKU-1' });
    expect(bySku.rows.map((r) => r.code)).toEqual(['P001']);
    const byPrice = await t.call<{ rows: { code: string }[] }>('products:list', { sortKey: 'unitPrice', sortDir: 'desc', limit: 2 });
    expect(byPrice.rows).toHaveLength(2);
  });

  it('商品: main returns the field rules in Japanese (JAN, 計上単位, 単価)', async () => {
    const e = await fail('products:create', { ...product, unitQuantity: 0, unitPrice: -1, janCode: '123' });
    expect(e.code).toBe('VALIDATION');
    const paths = Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]));
    expect(paths.unitQuantity).toContain('1以上の整数');
    expect(paths.unitPrice).toContain('0以上の整数');
    expect(paths.janCode).toContain('8桁または13桁');
  });

  it('商品: a confirmed product is locked until 確定取消', async () => {
    const p = await t.call<{ id: number }>('products:create', product);
    await t.call('products:confirm', { id: p.id });
    expect((await fail('products:update', { id: p.id, values: { ...product, name: '変更' } })).code).toBe('CONFIRMED_LOCKED');
    await t.call('products:unconfirm', { id: p.id });
    expect(await t.call('products:update', { id: p.id, values: { ...product, name: '変更' } })).toMatchObject({ name: '変更' });
  });

  it('取引先: customer rules come back per field; listByKind filters and still searches', async () => {
    const e = await fail('partners:create', { code: 'W1', name: '倉庫', kind: '倉庫', billingType: '締', closingDay: 20 });
    expect((e.fields ?? []).map((f) => f.path).sort()).toEqual(['billingType', 'closingDay']);
    await t.call('partners:create', { code: 'W1', name: '本社倉庫', kind: '倉庫' });
    await t.call('partners:create', { code: 'W2', name: '大阪倉庫', kind: '倉庫' });
    await t.call('partners:create', { code: 'C1', name: '本社商事', kind: '得意先', billingType: '個別', taxDisplay: '税込' });
    const warehouses = await t.call<{ rows: { code: string }[]; total: number }>('partners:listByKind', { kind: '倉庫', query: '本社' });
    expect(warehouses).toMatchObject({ total: 1, rows: [{ code: 'W1' }] });
    expect((await t.call<{ total: number }>('partners:list', { query: '本社' })).total).toBe(2);
    const dup = await fail('partners:create', { code: 'W1', name: 'x', kind: '倉庫' });
    expect(dup.fields?.[0]).toMatchObject({ path: 'code', message: expect.stringContaining('取引先コード') });
    expect((await fail('partners:listByKind', { kind: '顧客' })).code).toBe('VALIDATION');
  });

  it('請求口座: create, search by holder, unique code', async () => {
    const a = { code: 'B1', bankName: 'みずほ銀行', branchName: '渋谷支店', accountType: '普通', accountNumber: '1234567', holder: 'カ）ビーカート' };
    await t.call('bankAccounts:create', a);
    expect((await t.call<{ total: number }>('bankAccounts:list', { query: 'ビーカート' })).total).toBe(1);
    const dup = await fail('bankAccounts:create', a);
    expect(dup.fields?.[0]).toMatchObject({ path: 'code', message: expect.stringContaining('口座コード') });
    const bad = await fail('bankAccounts:create', { ...a, code: 'B2', accountNumber: '12', holder: 'やまだ' });
    expect((bad.fields ?? []).map((f) => f.path).sort()).toEqual(['accountNumber', 'holder']);
  });
});
