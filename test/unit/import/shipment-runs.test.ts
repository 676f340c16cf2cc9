import { describe, expect, it } from 'vitest';
import { hasImportErrors, mapOrdersForImport, type ImportPlan } from '../../../src-main/core/import/mapping';
import { errorCodes, feeRow, line, logistics, masters, order, product, SETTINGS } from './fixtures';

const a = product(1, 'A');
const b = product(2, 'B', 6);

/** An order shipped in two parts: line 11 with logistics 101, line 12 with 102. */
function twoPartOrder(second: string, secondDate: string | null) {
  return order({
    id: 7,
    lines: [line(11, a, { logisticsId: 101, orderProCount: 2 }), line(12, b, { logisticsId: 102, unitPrice: '50', setQuantity: '6', orderProCount: 4 })],
    logistics: [logistics(102, second, secondDate), logistics(101, '発送済', '2025-04-14')],
    shippingCost: 880,
  });
}

/** What the caller would remember after writing a plan. */
function afterWriting(plan: ImportPlan, before = { logistics: new Set<number>(), invoiced: new Set<number>() }) {
  return {
    logistics: new Set([...before.logistics, ...plan.shipments.map((s) => s.bcartLogisticsId)]),
    invoiced: new Set([...before.invoiced, ...plan.invoices.map((i) => i.bcartOrderId)]),
  };
}

describe('shipments and the watch list over several runs', () => {
  it('partial shipment: run 1 → 1 slip + watch; run 2 → the second slip + the invoice, resolved', () => {
    const run1 = mapOrdersForImport([twoPartOrder('未発送', null)], masters([a, b]));
    expect(run1.problems).toEqual([]);
    expect(run1.shipments.map((s) => s.bcartLogisticsId)).toEqual([101]);
    expect(run1.shipments[0]).toMatchObject({
      bcartOrderId: 7,
      customerCode: 'C-000123',
      date: '2025-04-14',
      departmentId: SETTINGS.departmentId,
      warehouseId: SETTINGS.warehouseId,
      workflowId: SETTINGS.shipmentWorkflowId,
      amount: 200,
    });
    expect(run1.invoices).toEqual([]);
    expect(run1.watch).toEqual([{ orderId: 7, orderCode: twoPartOrder('', null).code, reason: 'partially-shipped' }]);
    expect(run1.resolvedOrderIds).toEqual([]);

    const state = afterWriting(run1);
    const run2 = mapOrdersForImport(
      [twoPartOrder('発送済', '2025-04-18')],
      masters([a, b], { alreadyImportedLogisticsIds: state.logistics, alreadyInvoicedOrderIds: state.invoiced }),
    );
    expect(run2.problems).toEqual([]);
    expect(run2.shipments.map((s) => [s.bcartLogisticsId, s.date, s.amount])).toEqual([[102, '2025-04-18', 1200]]);
    expect(run2.invoices).toHaveLength(1);
    const inv = run2.invoices[0]!;
    expect(inv.date).toBe('2025-04-18');
    // the invoice bills the lines of both shipments plus shipping
    expect(inv.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['product', 200],
      ['product', 1200],
      ['shipping', 880],
    ]);
    expect(inv.total).toBe(run2.invoices[0]!.byRate.reduce((s, r) => s + r.gross, 0));
    expect(run2.watch).toEqual([]);
    expect(run2.resolvedOrderIds).toEqual([7]);
  });

  it('an order shipped after its window passed stays watched, then is imported and resolved', () => {
    const pending = order({ id: 8, lines: [line(81, a)], logistics: [logistics(801, '発送指示', null)] });
    const run1 = mapOrdersForImport([pending], masters([a]));
    expect(run1.shipments).toEqual([]);
    expect(run1.watch).toEqual([{ orderId: 8, orderCode: pending.code, reason: 'not-shipped' }]);

    const shipped = order({ id: 8, lines: [line(81, a)], logistics: [logistics(801, '発送済', '2025-05-02')] });
    const run2 = mapOrdersForImport([shipped], masters([a]));
    expect(run2.problems).toEqual([]);
    expect(run2.shipments.map((s) => [s.bcartLogisticsId, s.date])).toEqual([[801, '2025-05-02']]);
    expect(run2.invoices.map((i) => i.bcartOrderId)).toEqual([8]);
    expect(run2.watch).toEqual([]);
    expect(run2.resolvedOrderIds).toEqual([8]);
  });

  it('an order without any logistics record yet is watched as not shipped', () => {
    const plan = mapOrdersForImport([order({ id: 9, lines: [line(91, a)], logistics: [] })], masters([a]));
    expect(plan.watch.map((w) => w.reason)).toEqual(['not-shipped']);
    expect(plan.shipments).toEqual([]);
  });

  it('idempotence: the same input with everything already imported creates nothing new', () => {
    const orders = [twoPartOrder('発送済', '2025-04-18'), order({ id: 8, lines: [line(81, a)], logistics: [logistics(801)] })];
    const first = mapOrdersForImport(orders, masters([a, b]));
    expect(first.shipments).toHaveLength(3);
    expect(first.invoices).toHaveLength(2);
    const state = afterWriting(first);
    const again = mapOrdersForImport(orders, masters([a, b], { alreadyImportedLogisticsIds: state.logistics, alreadyInvoicedOrderIds: state.invoiced }));
    expect(again.problems).toEqual([]);
    expect(again.shipments).toEqual([]);
    expect(again.invoices).toEqual([]);
    expect(again.watch).toEqual([]);
    expect(again.summary).toMatchObject({ shipments: 0, invoices: 0, lines: 0, amount: 0 });
    // an already-imported order with, by now, broken data is not re-validated: nothing would be written
    const broken = orders.map((o) => ({ ...o, payment: '未知の決済' }));
    expect(mapOrdersForImport(broken, masters([a, b], { alreadyImportedLogisticsIds: state.logistics, alreadyInvoicedOrderIds: state.invoiced })).problems).toEqual([]);
  });

  it('the same order given twice (window + watch list) is mapped once', () => {
    const o = order({ id: 10, lines: [line(101, a)], logistics: [logistics(1001)] });
    const plan = mapOrdersForImport([o, o], masters([a]));
    expect(plan.shipments).toHaveLength(1);
    expect(plan.invoices).toHaveLength(1);
    expect(plan.summary.orders).toBe(1);
  });

  it('output is ordered by order id, then logistics id, then line id', () => {
    const o2 = order({ id: 20, lines: [line(203, a, { logisticsId: 2002 }), line(201, a, { logisticsId: 2001 }), line(202, a, { logisticsId: 2002 })], logistics: [logistics(2002), logistics(2001)] });
    const o1 = order({ id: 12, lines: [line(121, a)], logistics: [logistics(1201)] });
    const plan = mapOrdersForImport([o2, o1], masters([a]));
    expect(plan.shipments.map((s) => s.bcartLogisticsId)).toEqual([1201, 2001, 2002]);
    expect(plan.shipments[2]!.lines.map((l) => l.bcartOrderProductId)).toEqual([202, 203]);
    expect(plan.invoices.map((i) => i.bcartOrderId)).toEqual([12, 20]);
    expect(plan.resolvedOrderIds).toEqual([12, 20]);
  });
});

describe('cancelled orders', () => {
  it('a cancelled order creates nothing and leaves the watch list', () => {
    const o = order({ id: 30, status: 'キャンセル', lines: [line(301, a)], logistics: [logistics(3001, '未発送', null)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments).toEqual([]);
    expect(plan.invoices).toEqual([]);
    expect(plan.watch).toEqual([]);
    expect(plan.resolvedOrderIds).toEqual([30]);
  });

  it('honours shop-defined cancel status names', () => {
    const o = order({ id: 31, status: 'カスタム2', lines: [line(311, a)], logistics: [logistics(3101, '未発送', null)] });
    const plan = mapOrdersForImport([o], masters([a], {}, { cancelStatuses: ['キャンセル', 'カスタム2'] }));
    expect(plan.resolvedOrderIds).toEqual([31]);
    expect(plan.watch).toEqual([]);
  });

  it('a cancelled order with a 発送済 shipment not yet imported is an error asking to check it in BCart', () => {
    const o = order({ id: 32, status: 'キャンセル', lines: [line(321, a)], logistics: [logistics(3201)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(errorCodes(plan)).toEqual(['CANCELLED_BUT_SHIPPED']);
    expect(plan.problems[0]!.message).toContain('Bカートで注文の対応状況と発送状況を確認');
    expect(plan.shipments).toEqual([]);
  });

  it('a cancelled order whose shipment was already imported only warns', () => {
    const o = order({ id: 33, status: 'キャンセル', lines: [line(331, a)], logistics: [logistics(3301)] });
    const plan = mapOrdersForImport([o], masters([a], { alreadyImportedLogisticsIds: new Set([3301]) }));
    expect(plan.problems.map((p) => [p.level, p.code])).toEqual([['warning', 'CANCELLED_AFTER_IMPORT']]);
    expect(plan.resolvedOrderIds).toEqual([33]);
  });
});

describe('lines and logistics records', () => {
  it('with one logistics record, lines without logistics_id belong to it', () => {
    const o = order({ id: 40, lines: [line(401, a, { logisticsId: null })], logistics: [logistics(4001)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(plan.shipments[0]!.lines.map((l) => [l.bcartOrderProductId, l.bcartLogisticsId])).toEqual([[401, 4001]]);
  });

  it('with several logistics records, a line without logistics_id is an error', () => {
    const o = order({ id: 41, lines: [line(411, a, { logisticsId: 4101 }), line(412, a, { logisticsId: null })], logistics: [logistics(4101), logistics(4102)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(errorCodes(plan)).toEqual(['LINE_WITHOUT_LOGISTICS']);
    expect(plan.problems[0]!.message).toContain('明細ID 412');
    expect(plan.shipments).toEqual([]);
  });

  it('a line pointing to a logistics id the order does not have is an error', () => {
    const o = order({ id: 42, lines: [line(421, a, { logisticsId: 9999 })], logistics: [logistics(4201)] });
    expect(errorCodes(mapOrdersForImport([o], masters([a])))).toEqual(['LINE_LOGISTICS_UNKNOWN']);
  });

  it('a 発送済 record without 発送日 is an error', () => {
    const o = order({ id: 43, lines: [line(431, a)], logistics: [logistics(4301, '発送済', null)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(errorCodes(plan)).toEqual(['SHIPMENT_DATE_MISSING']);
    expect(plan.problems[0]!.message).toContain('shipment_date');
  });

  it('shipping / payment_fees / point rows never become shipment lines; unknown rows with a product do', () => {
    const o = order({
      id: 44,
      lines: [line(441, a), feeRow(442, 'shipping', '880'), feeRow(443, 'payment_fees', '330'), feeRow(444, 'point', '-100'), line(445, b, { itemType: 'gift', unitPrice: '10' })],
      logistics: [logistics(4401)],
    });
    const plan = mapOrdersForImport([o], masters([a, b]));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.lines.map((l) => l.bcartOrderProductId)).toEqual([441, 445]);
  });

  it('an unknown row type without a product is ignored with a warning', () => {
    const o = order({ id: 45, lines: [line(451, a), feeRow(452, 'coupon', '-100')], logistics: [logistics(4501)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(plan.problems.map((p) => [p.level, p.code])).toEqual([['warning', 'UNKNOWN_ITEM_TYPE']]);
    expect(plan.shipments[0]!.lines).toHaveLength(1);
  });

  it('one bad order fails the run but does not hide the problems of the others', () => {
    const good = order({ id: 46, lines: [line(461, a)], logistics: [logistics(4601)] });
    const bad1 = order({ id: 47, payment: 'Paid', lines: [line(471, a)], logistics: [logistics(4701)] });
    const bad2 = order({ id: 48, lines: [line(481, a, { productNo: 'ZZZ' })], logistics: [logistics(4801)] });
    const plan = mapOrdersForImport([bad2, good, bad1], masters([a]));
    expect(plan.problems.map((p) => [p.orderId, p.code])).toEqual([
      [47, 'PAYMENT_UNSUPPORTED'],
      [48, 'UNKNOWN_PRODUCT'],
    ]);
    expect(plan.summary.errors).toBe(2);
    expect(hasImportErrors(plan.problems)).toBe(true);
    expect(hasImportErrors(plan.problems.map((p) => ({ ...p, level: 'warning' as const })))).toBe(false);
    expect(plan.shipments.map((s) => s.bcartOrderId)).toEqual([46]);
  });

  it('lists every problem of an order, not only the first', () => {
    const o = order({ id: 49, payment: '謎の決済', lines: [line(491, a, { productNo: 'ZZZ' })], logistics: [logistics(4901)] });
    o.finalPrice = 1;
    const plan = mapOrdersForImport([o], masters([a]));
    expect(errorCodes(plan)).toEqual(['PAYMENT_UNKNOWN', 'UNKNOWN_PRODUCT', 'FINAL_PRICE_MISMATCH']);
    expect(plan.problems.every((p) => p.orderId === 49 && p.message.startsWith(`受注番号 ${o.code}: `))).toBe(true);
  });

  it('a shipped record without product lines becomes an empty slip with a warning (so it is recorded once)', () => {
    const o = order({ id: 50, lines: [line(501, a, { logisticsId: 5001 })], logistics: [logistics(5001), logistics(5002)] });
    const plan = mapOrdersForImport([o], masters([a]));
    expect(plan.problems.map((p) => [p.level, p.code])).toEqual([['warning', 'EMPTY_SHIPMENT']]);
    expect(plan.shipments.map((s) => [s.bcartLogisticsId, s.lines.length])).toEqual([
      [5001, 1],
      [5002, 0],
    ]);
  });
});
