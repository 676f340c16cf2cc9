/** Onboarding plans: products from BCart sets and 得意先 from members (pure). */
import { describe, expect, it } from 'vitest';
import type { BcartCustomer, BcartProductSet } from '../../../src-main/core/bcart/model';
import { planCustomersFromMembers, planProductsFromSets, setPrice, setQuantity } from '../../../src-main/core/setup/onboarding-plan';
import { validatePaymentRules } from '../../../src-main/core/ec-settings/payment-rule-service';
import { orderSetRows, suggestProducts } from '../../../src-main/core/ec-settings/product-link-service';

const set = (over: Partial<BcartProductSet>): BcartProductSet => ({
  id: 1, productId: 7, productNo: 'TEA-100', janCode: '4900000000001', name: '単品', unitPrice: '160', quantity: '1',
  stock: 10, stockFlag: 1, taxTypeId: 2, setFlag: '', updatedAt: null, ...over,
});
const member = (over: Partial<BcartCustomer>): BcartCustomer => ({ id: 1, extId: 'C0001', compName: '株式会社テスト', name: '山田', email: '', tel: '', payment: '', status: null, ...over });

describe('planProductsFromSets', () => {
  it('code = 品番, 計上単位 = 入数, price per set, tax from tax_type_id', () => {
    const rows = planProductsFromSets(
      [set({}), set({ id: 2, productNo: 'CUP-200-C20', quantity: '20', unitPrice: '30', taxTypeId: 1, name: 'ケース(20入)', productId: 8 })],
      [{ id: 7, mainNo: 'TEA-100', name: '煎茶' }, { id: 8, mainNo: 'CUP-200', name: '紙コップ' }],
      new Set(),
    );
    expect(rows).toEqual([
      { code: 'TEA-100', name: '煎茶 単品', unitQuantity: 1, taxKind: '軽減', janCode: '4900000000001', unitPrice: 160, status: 'new', reason: null },
      { code: 'CUP-200-C20', name: '紙コップ ケース(20入)', unitQuantity: 20, taxKind: '標準', janCode: '4900000000001', unitPrice: 600, status: 'new', reason: null },
    ]);
  });

  it('existing codes are skipped; bad 入数, bad codes and duplicates are invalid', () => {
    const rows = planProductsFromSets(
      [set({}), set({ id: 2, productNo: 'X 1' }), set({ id: 3, productNo: 'B', quantity: '2.5' }), set({ id: 4, productNo: 'C' }), set({ id: 5, productNo: 'C' })],
      [],
      new Set(['TEA-100']),
    );
    expect(rows.map((r) => r.status)).toEqual(['exists', 'invalid', 'invalid', 'new', 'invalid']);
    expect(rows[2]?.reason).toContain('入数');
  });

  it('入数 and prices are exact', () => {
    expect(setQuantity('100')).toBe(100);
    expect(setQuantity('')).toBeNull();
    expect(setQuantity('0')).toBeNull();
    expect(setPrice('12.5', 20)).toBe(250);
    expect(setPrice('12.5', 1)).toBeNull();
    expect(setPrice('0.1', 3)).toBe(null);
    expect(setPrice('0.1', 30)).toBe(3);
    // a price no yen amount can be never becomes Infinity in the 商品 master
    expect(setPrice(`1${'0'.repeat(400)}`, 1)).toBeNull();
    expect(setPrice('999999999999999', 1_000_000)).toBeNull();
  });
});

describe('planCustomersFromMembers', () => {
  it('only members with a 貴社独自会員ID; existing 得意先 skipped; other kinds reported', () => {
    const rows = planCustomersFromMembers(
      [member({}), member({ id: 2, extId: '' }), member({ id: 3, extId: 'C0002', compName: '' }), member({ id: 4, extId: 'WH-1' }), member({ id: 5, extId: 'C0001' })],
      new Map([['C0002', '得意先'], ['WH-1', '倉庫']]),
    );
    expect(rows.map((r) => [r.code, r.status])).toEqual([
      ['C0001', 'new'],
      ['C0002', 'exists'],
      ['WH-1', 'invalid'],
      ['C0001', 'invalid'],
    ]);
    expect(rows[0]?.name).toBe('株式会社テスト');
    expect(rows[1]?.name).toBe('山田');
  });
});

describe('EC連携商品 suggestions and order', () => {
  const local = [
    { id: 1, code: 'TEA-100', skuCode: null, name: '煎茶', unitQuantity: 1, janCode: null, confirmed: true },
    { id: 2, code: 'P2', skuCode: 'TEA-100-B10', name: '煎茶10', unitQuantity: 10, janCode: '4900000000001', confirmed: true },
    { id: 3, code: 'TEA-100', skuCode: null, name: '未確定', unitQuantity: 1, janCode: null, confirmed: false },
  ];
  it('suggests by 品番 (SKU first, else code) before JAN; never unconfirmed products', () => {
    expect(suggestProducts({ productNo: 'TEA-100', janCode: '4900000000001' }, local).map((s) => [s.productId, s.reason])).toEqual([
      [1, 'code'],
      [2, 'jan'],
    ]);
    expect(suggestProducts({ productNo: 'TEA-100-B10', janCode: '' }, local).map((s) => s.productId)).toEqual([2]);
  });
  it('lists unmapped sets of recent orders first', () => {
    const row = (setId: number, inRecentOrders: boolean, linkedProductId: number | null) => ({
      setId, productNo: '', janCode: '', quantity: 1, name: '', inRecentOrders, linkedProductId, suggestions: [],
    });
    expect(orderSetRows([row(1, true, 5), row(2, false, null), row(3, true, null), row(4, true, null)]).map((r) => r.setId)).toEqual([3, 4, 2, 1]);
  });
});

describe('validatePaymentRules', () => {
  it('needs names, no duplicates, and a code for customer rules', () => {
    const p = validatePaymentRules([
      { paymentName: 'PayPal', ruleKind: 'customer', customerCode: 'BC_PayPal' },
      { paymentName: ' PayPal ', ruleKind: 'unsupported', customerCode: null },
      { paymentName: '', ruleKind: 'member-ext-id', customerCode: null },
      { paymentName: '代金引換', ruleKind: 'customer', customerCode: '' },
    ]);
    expect(p.map((x) => x.path)).toEqual(['rules.1.paymentName', 'rules.2.paymentName', 'rules.3.customerCode']);
  });
});
