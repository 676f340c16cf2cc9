/** The BCart buyer 売上分析 groups BCart sales by (not the 得意先 billed per 決済方法). */
import { describe, expect, it } from 'vitest';
import { buyerCodeOf, buyerKeyOf as buyerOf, buyerOf as buyerOfMember } from '../../../src-main/core/import/mapping/shipment-draft';

const order = { customerExtId: '', customerId: 42, customerCompName: '', customerName: '' };

describe('buyerOf', () => {
  it('is the 貴社独自会員ID when the member has one (it may be a 得意先コード)', () => {
    expect(buyerOf({ ...order, customerExtId: ' C001 ', customerCompName: '山田商店', customerName: '山田' })).toEqual({ buyerCode: 'C001', buyerName: '山田商店 山田' });
  });
  it('is the BCart 会員ID otherwise', () => {
    expect(buyerOf({ ...order, customerName: '鈴木' })).toEqual({ buyerCode: 'BC会員42', buyerName: '鈴木' });
    expect(buyerOf({ ...order, customerId: null })).toEqual({ buyerCode: 'BC会員不明', buyerName: '' });
  });
});

describe('buyerCodeOf', () => {
  it('derives the analysis key from the member facts the slip keeps, the same as from the order', () => {
    const cases = [
      { ...order, customerExtId: ' 山田商店-001/東京 本店 ', customerCompName: '山田商店' },
      { ...order, customerExtId: '', customerId: 7 },
      { ...order, customerId: null },
    ];
    for (const o of cases) expect(buyerCodeOf(buyerOfMember(o))).toBe(buyerOf({ ...o, customerName: '' }).buyerCode);
    expect(buyerCodeOf({ memberId: 7, extId: '', company: '' })).toBe('BC会員7');
    expect(buyerCodeOf({ memberId: 7, extId: 'C001', company: '' })).toBe('C001');
  });
});
