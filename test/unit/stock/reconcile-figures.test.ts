import { describe, expect, it } from 'vitest';
import type { BcartOrder, BcartOrderProduct } from '../../../src-main/core/bcart/model';
import {
  migrationFigures,
  reconcileFigures,
  unimportedOf,
  unimportedQuantities,
} from '../../../src-main/core/stock/rules/reconcile-figures';

let lineId = 1;
const line = (setId: number | null, no: string, count: number, logisticsId: number | null, itemType = 'product'): BcartOrderProduct => ({
  id: lineId++,
  orderId: 0,
  logisticsId,
  productId: null,
  mainNo: '',
  productNo: no,
  janCode: '',
  productName: '',
  productSetId: setId,
  setName: '',
  unitPrice: '1',
  setQuantity: '1',
  orderProCount: count,
  taxRate: '0.1',
  taxTypeId: 1,
  taxIncl: 0,
  itemType,
});
const order = (orderedAt: string, status: string, lines: BcartOrderProduct[]): BcartOrder =>
  ({
    id: lineId++,
    code: '',
    orderedAt: `${orderedAt}T10:00:00+09:00`,
    status,
    orderProducts: lines,
    logistics: [],
  }) as unknown as BcartOrder;

describe('not yet imported', () => {
  const orders = [
    order('2025-04-10', '新規注文', [line(3010, 'TEA-100', 2, null), line(3020, 'TEA-200', 1, 501)]),
    order('2025-04-11', '完了', [line(3010, 'TEA-100', 5, 502), line(null, '', 1, null, 'shipping')]),
    order('2025-04-11', 'キャンセル', [line(3010, 'TEA-100', 7, null)]),
    order('2025-04-09', '新規注文', [line(3010, 'TEA-100', 11, null)]), // before the first 出荷取込開始日
    order('2025-04-12', 'カスタム2', [line(3010, 'TEA-100', 13, null)]), // a renamed cancel status
  ];
  const q = unimportedQuantities(orders, {
    since: '2025-04-10',
    cancelStatuses: ['キャンセル', 'カスタム2'],
    importedLogistics: new Set([502]),
  });

  it('counts unshipped lines and shipped lines not imported; skips imported shipments, cancelled orders, older orders and non-goods rows', () => {
    expect(unimportedOf(q, { by: 'set', setId: 3010 })).toBe(2);
    expect(unimportedOf(q, { by: 'no', productNo: 'TEA-100' })).toBe(2);
    expect(unimportedOf(q, { by: 'set', setId: 3020 })).toBe(1); // shipped as 501, not imported yet
    expect(unimportedOf(q, { by: 'set', setId: 9999 })).toBe(0);
  });
});

describe('cancelled statuses agree with the import', () => {
  it('a status with stray spaces, in BCart or in the setting, is still cancelled (the import compares trimmed too)', () => {
    const orders = [order('2025-04-12', ' キャンセル ', [line(3010, 'TEA-100', 7, null)]), order('2025-04-12', 'カスタム2', [line(3010, 'TEA-100', 13, null)])];
    const q = unimportedQuantities(orders, { since: '2025-04-10', cancelStatuses: ['キャンセル', ' カスタム2'], importedLogistics: new Set() });
    expect(unimportedOf(q, { by: 'set', setId: 3010 })).toBe(0);
  });
});

describe('figures', () => {
  it('expected = local − not yet imported; drift = BCart − expected; null for unmanaged sets', () => {
    expect(reconcileFigures(60, 4, 56)).toEqual({ expected: 56, drift: 0 });
    expect(reconcileFigures(60, 4, 50)).toEqual({ expected: 56, drift: -6 });
    expect(reconcileFigures(0, 3, 0)).toEqual({ expected: -3, drift: 3 });
    expect(reconcileFigures(5, 0, null)).toEqual({ expected: 5, drift: null });
  });

  it('在庫移行: target = BCart + not yet imported, opening = target − current; then 在庫照合 shows no drift', () => {
    for (const [bcart, unimported, current] of [
      [40, 3, 0],
      [0, 0, 12],
      [7, 2, 9],
    ] as const) {
      const { target, opening } = migrationFigures(bcart, unimported, current);
      expect(target).toBe(bcart + unimported);
      expect(reconcileFigures(current + opening, unimported, bcart).drift).toBe(0);
    }
  });
});
