/**
 * Slips keep the BCart buyer beside the payment method's 得意先 (docs/import-rules.md#shipped-shipments-and-slips):
 * a card-paid order books to BC_CreditCard, and before this the slip could not say who bought.
 */
import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import { line, logistics, masters, order, product } from './fixtures';

const a = product(1, 'A');

describe('buyer on slips', () => {
  it('a card payment books to BC_CreditCard but the 出荷伝票 and 請求伝票 name the member (id, 貴社独自会員ID, 会社名, trimmed)', () => {
    const o = order({ id: 61, payment: 'Bカートクレカ決済', customerExtId: ' 山田商店-001/東京 本店 ', lines: [line(611, a)], logistics: [logistics(6101)] });
    o.customerCompName = ' 山田商店 ';
    const plan = mapOrdersForImport([o], masters([a]));
    expect(plan.problems).toEqual([]);
    const buyer = { memberId: 5061, extId: '山田商店-001/東京 本店', company: '山田商店' };
    expect(plan.shipments.map((s) => [s.customerCode, s.buyer])).toEqual([['BC_CreditCard', buyer]]);
    expect(plan.invoices.map((i) => [i.customerCode, i.buyer])).toEqual([['BC_CreditCard', buyer]]);
  });

  it('a member without 貴社独自会員ID or 会員 id keeps what BCart sent: empty text and null', () => {
    const o = order({ id: 62, payment: 'PayPal', customerExtId: '', lines: [line(621, a)], logistics: [logistics(6201)] });
    o.customerId = null;
    const plan = mapOrdersForImport([o], masters([a]));
    expect(plan.shipments[0]!.buyer).toEqual({ memberId: null, extId: '', company: '株式会社サンプル商事' });
  });
});
