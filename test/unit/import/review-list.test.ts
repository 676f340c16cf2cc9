/**
 * Which orders the mapping puts on the 要確認 list (docs/import-rules.md#review-list), and the
 * app-computed 請求伝票 of the shipped part of an order cancelled after a partial shipment.
 * Before: a per-rate mismatch was only a log line, and an order cancelled after part of it shipped
 * was a CANCELLED_AFTER_IMPORT warning nobody had to act on (the shipped goods were never billed).
 */
import { describe, expect, it } from 'vitest';
import { mapOrdersForImport, shippedPartInvoice, type BookedShipment } from '../../../src-main/core/import/mapping';
import { errorCodes, feeRow, line, logistics, masters, order, product } from './fixtures';

const a = product(1, 'A');
const b = product(2, 'B', 6);
const tea = product(301, 'TEA-1', 20);

describe('要確認 from the mapping', () => {
  it('an order cancelled after one of its two shipments was booked goes on the list; its 未発送 record stops being watched', () => {
    const o = order({
      id: 7,
      status: 'キャンセル',
      lines: [line(11, a, { logisticsId: 101, orderProCount: 2 }), line(12, b, { logisticsId: 102, unitPrice: '50', setQuantity: '6', orderProCount: 4 })],
      logistics: [logistics(101, '発送済', '2025-04-14'), logistics(102, '未発送', null)],
    });
    const plan = mapOrdersForImport([o], masters([a, b], { alreadyImportedLogisticsIds: new Set([101]) }));
    expect(errorCodes(plan)).toEqual([]);
    expect(plan.problems.map((p) => p.code)).toEqual(['CANCELLED_AFTER_PARTIAL_SHIPMENT']);
    expect(plan.reviews).toEqual([{ orderId: 7, orderCode: o.code, reason: 'CANCELLED_AFTER_PARTIAL_SHIPMENT', message: expect.stringContaining('発送ID 101 は発送済') }]);
    expect(plan.reviews[0]!.message).toContain('未発送の発送 1 件は監視をやめます');
    expect(plan.resolvedOrderIds).toEqual([7]);
    expect(plan.watch).toEqual([]);
    expect(plan.shipments).toEqual([]);
    expect(plan.invoices).toEqual([]);
  });

  it('a cancelled order with nothing shipped, or one fully shipped and invoiced, is not on the list', () => {
    const none = order({ id: 8, status: 'キャンセル', lines: [line(81, a)], logistics: [logistics(801, '未発送', null)] });
    const full = order({ id: 9, status: 'キャンセル', lines: [line(91, a)], logistics: [logistics(901)] });
    const plan = mapOrdersForImport([none, full], masters([a], { alreadyImportedLogisticsIds: new Set([901]), alreadyInvoicedOrderIds: new Set([9]) }));
    expect(plan.reviews).toEqual([]);
    expect(plan.problems.map((p) => p.code)).toEqual(['CANCELLED_AFTER_IMPORT']);
  });

  it('a per-rate mismatch books the invoice with BCart figures and puts the order on the list; a consistent order is not', () => {
    const cup = product(302, 'CUP-1', 10);
    const mk = (id: number) =>
      order({
        id,
        lines: [
          line(id * 10 + 1, tea, { logisticsId: id * 100, unitPrice: '150', setQuantity: '20', orderProCount: 3, taxRate: '0.08', taxTypeId: 2 }),
          line(id * 10 + 2, cup, { logisticsId: id * 100, unitPrice: '300', setQuantity: '10', orderProCount: 2 }),
          feeRow(id * 10 + 3, 'shipping', '1100'),
        ],
        logistics: [logistics(id * 100)],
        shippingCost: 1100,
      });
    const ok = mk(41);
    const off = mk(42);
    // BCart's 10 % bucket counted the tax-included shipping as tax-excluded (¥7,100 instead of ¥7,000)
    off.orderTotals = [
      { taxRate: '0.08', total: '9000', tax: '720', totalInclTax: '9720' },
      { taxRate: '0.1', total: '7100', tax: '710', totalInclTax: '7810' },
    ];
    off.finalPrice = 17530;
    const plan = mapOrdersForImport([ok, off], masters([tea, cup]));
    expect(errorCodes(plan)).toEqual([]);
    expect(plan.invoices.map((i) => [i.bcartOrderId, i.total])).toEqual([
      [41, ok.finalPrice],
      [42, 17530],
    ]);
    expect(plan.reviews.map((r) => [r.orderId, r.reason])).toEqual([[42, 'RATE_TOTAL_MISMATCH']]);
    expect(plan.reviews[0]!.message).toContain('税抜 ¥7,100');
  });

  it('a per-rate mismatch on an order that has an error is not a review (nothing is booked)', () => {
    const o = order({ id: 43, lines: [line(431, tea, { unitPrice: '150', setQuantity: '20', taxRate: '0.08' })], logistics: [logistics(4301)] });
    o.orderTotals = [{ taxRate: '0.08', total: '9999', tax: '799', totalInclTax: '10798' }];
    o.finalPrice = 1;
    const plan = mapOrdersForImport([o], masters([tea]));
    expect(errorCodes(plan)).toEqual(['FINAL_PRICE_MISMATCH']);
    expect(plan.reviews).toEqual([]);
  });
});

describe('請求伝票 of the shipped part', () => {
  const shipment = (over: Partial<BookedShipment> = {}): BookedShipment => ({
    date: '2025-04-14',
    departmentId: 1,
    customerId: 500,
    customerCode: 'C-000123',
    buyer: { memberId: 5007, extId: 'C-000123', company: '株式会社サンプル商事' },
    bcartLogisticsId: 101,
    lines: [],
    ...over,
  });
  const l = (amount: number, taxRate: number, taxIncluded = false) => ({
    productId: 1,
    productCode: 'A',
    quantity: 1,
    unitPrice: amount,
    amount,
    taxClassId: taxRate === 8 ? 8 : 10,
    taxRate,
    taxIncluded,
    bcartOrderProductId: amount,
  });

  it('tax once per rate on the sum, not per line: 3 × ¥105 at 8 % floor → ¥25 (per line it would be 3 × ¥8 = ¥24); 3 × ¥333 at 10 % → ¥99', () => {
    const inv = shippedPartInvoice({
      orderId: 7,
      orderCode: '2025000007',
      invoiceWorkflowId: 32,
      taxRounding: 'floor',
      shipments: [shipment({ lines: [l(333, 10), l(333, 10), l(105, 8)] }), shipment({ bcartLogisticsId: 99, date: '2025-04-16', lines: [l(333, 10), l(105, 8), l(105, 8)] })],
    });
    // oracle by hand: 10 %: 999 × 0.1 = 99.9 → 99; 8 %: 315 × 0.08 = 25.2 → 25
    expect(inv.byRate).toEqual([
      { rate: 10, taxClassId: 10, net: 999, tax: 99, gross: 1098, appTax: 99 },
      { rate: 8, taxClassId: 8, net: 315, tax: 25, gross: 340, appTax: 25 },
    ]);
    expect(inv.total).toBe(1438);
    expect(inv.date).toBe('2025-04-16');
    expect(inv.bcartLogisticsIds).toEqual([99, 101]);
    expect(inv.lines).toHaveLength(6);
    expect(inv.workflowId).toBe(32);
    expect(inv.buyer).toEqual({ memberId: 5007, extId: 'C-000123', company: '株式会社サンプル商事' });
    expect(inv.byRate.map((b) => ({ rate: b.rate, tax: b.appTax }))).toEqual([
      { rate: 10, tax: 99 },
      { rate: 8, tax: 25 },
    ]);
  });

  it('tax-included lines: the tax is split out of their sum once (¥1,100 → net ¥1,000, tax ¥100); rounding follows the setting', () => {
    const incl = shippedPartInvoice({ orderId: 1, orderCode: 'X', invoiceWorkflowId: 1, taxRounding: 'floor', shipments: [shipment({ lines: [l(550, 10, true), l(550, 10, true)] })] });
    expect(incl.byRate).toEqual([{ rate: 10, taxClassId: 10, net: 1000, tax: 100, gross: 1100, appTax: 100 }]);
    const up = shippedPartInvoice({ orderId: 1, orderCode: 'X', invoiceWorkflowId: 1, taxRounding: 'ceil', shipments: [shipment({ lines: [l(1001, 10)] })] });
    expect(up.byRate[0]).toMatchObject({ net: 1001, tax: 101, gross: 1102 });
  });
});
