/** The BCart buyer 売上分析 groups BCart sales by (not the 得意先 billed per 決済方法). */
import { describe, expect, it } from 'vitest';
import { buyerKeyOf as buyerOf } from '../../../src-main/core/import/mapping/shipment-draft';

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
