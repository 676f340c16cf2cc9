import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import type { BcartOrder } from '../../../src-main/core/bcart/model';
import { orderWire } from '../../../src-main/core/bcart/schemas';
import { errorCodes, line, logistics, masters, order, product } from './fixtures';

const p = product(1, 'A');
const base = () => order({ id: 1, lines: [line(11, p)], logistics: [logistics(101)] });

function problemsOf(mutate: (o: BcartOrder) => void) {
  const o = base();
  mutate(o);
  const plan = mapOrdersForImport([o], masters([p]));
  return { codes: errorCodes(plan), text: plan.problems.map((x) => x.message).join('\n'), plan };
}

/** The wire order a BCart-shaped shop sends: one ¥100 line at 10 %, no fees, shipped. */
function wireOrder(over: Record<string, unknown>, lineOver: Record<string, unknown> = {}) {
  return {
    id: 1, code: '2025000001', customer_id: 7, customer_ext_id: '', customer_comp_name: '株式会社テスト', customer_name: '山田',
    payment: 'Bカートクレカ決済', total_price: 100, tax: 10, COD_cost: 0, shipping_cost: 0, final_price: 110, use_point: 0, get_point: 1,
    order_totals: [{ tax_rate: '0.1', total: 100, tax: 10, total_incl_tax: 110 }],
    ordered_at: '2025-04-01 10:00:00', status: '完了',
    order_products: [{
      id: 11, order_id: 1, logistics_id: 101, product_id: 1, main_no: 'A', product_no: 'A', jan_code: '', product_name: '商品A',
      product_set_id: 10, set_name: '単品', unit_price: '100', set_quantity: 1, order_pro_count: 1, tax_rate: '0.1', tax_type_id: 1,
      tax_incl: 0, item_type: 'product', ...lineOver,
    }],
    logistics: [{ id: 101, shipment_code: '', delivery_code: '', shipment_date: '2025-04-02', arrival_date: null, status: '発送済' }],
    ...over,
  };
}

describe('"" / null in the fee and point fields means 0 (docs/import-rules.md#lenient-numbers-and-timestamps)', () => {
  // Before: `"use_point": ""` became null and the order was MISSING_NUMBER, failing the whole run.
  it.each([
    ['use_point', ''],
    ['use_point', null],
    ['get_point', ''],
    ['COD_cost', ''],
    ['shipping_cost', ''],
    ['shipping_cost', null],
  ])('%s = %j from the wire imports as 0 with no problem', (field, value) => {
    const o = orderWire.parse(wireOrder({ [field]: value }));
    const plan = mapOrdersForImport([o], masters([p]));
    expect(plan.problems).toEqual([]);
    expect(plan.invoices).toHaveLength(1);
    expect(plan.invoices[0]!.total).toBe(110);
    expect(plan.invoices[0]!.lines.map((l) => l.kind)).toEqual(['product']);
  });

  it('all four empty at once still imports the order', () => {
    const o = orderWire.parse(wireOrder({ use_point: '', get_point: '', COD_cost: '', shipping_cost: '' }));
    expect([o.usePoint, o.getPoint, o.codCost, o.shippingCost]).toEqual([0, 0, 0, 0]);
    expect(mapOrdersForImport([o], masters([p])).problems).toEqual([]);
  });
});

describe('"" / null in a price, quantity, rate or total stays an error of that order, naming the field', () => {
  it.each([
    ['final_price', { final_price: '' }, {}],
    ['unit_price', {}, { unit_price: '' }],
    ['tax_rate', {}, { tax_rate: '' }],
    ['tax_incl', {}, { tax_incl: '' }],
    ['order_pro_count', {}, { order_pro_count: '' }],
    ['set_quantity', {}, { set_quantity: '' }],
  ])('%s = "" from the wire', (field, over, lineOver) => {
    const o = orderWire.parse(wireOrder(over, lineOver));
    const plan = mapOrdersForImport([o], masters([p]));
    expect(errorCodes(plan).length).toBeGreaterThan(0);
    expect(plan.problems.map((x) => x.message).join('\n')).toMatch(field === 'order_pro_count' ? /注文数|order_pro_count/ : field === 'set_quantity' ? /入数|set_quantity/ : new RegExp(field === 'unit_price' ? '単価|unit_price' : field));
    expect(plan.shipments).toEqual([]);
    expect(plan.invoices).toEqual([]);
  });

  it('only the order with the bad field fails; an order with "" points beside it is clean', () => {
    const bad = orderWire.parse(wireOrder({ id: 2, code: 'BAD', final_price: '' }));
    const good = orderWire.parse(wireOrder({ use_point: '' }));
    const plan = mapOrdersForImport([good, bad], masters([p]));
    expect(new Set(plan.problems.map((x) => x.orderCode))).toEqual(new Set(['BAD']));
  });
});

describe('numbers that BCart sent as "" (null after normalisation)', () => {
  it.each([
    ['final_price', (o: BcartOrder) => (o.finalPrice = null)],
    ['tax_rate', (o: BcartOrder) => (o.orderProducts[0]!.taxRate = null)],
    ['tax_incl', (o: BcartOrder) => (o.orderProducts[0]!.taxIncl = null)],
    ['shipment_date', (o: BcartOrder) => (o.logistics[0]!.shipmentDate = null)],
  ])('a null %s is an error naming the field, and nothing is planned for the order', (field, mutate) => {
    const { codes, text, plan } = problemsOf(mutate);
    expect(codes.length).toBeGreaterThan(0);
    expect(text).toContain(field);
    expect(text).toContain('受注番号 2025000001');
    expect(plan.shipments).toEqual([]);
    expect(plan.invoices).toEqual([]);
  });

  it('an empty or non-numeric unit price is an error', () => {
    expect(problemsOf((o) => (o.orderProducts[0]!.unitPrice = '')).codes).toEqual(['INVALID_NUMBER']);
    expect(problemsOf((o) => (o.orderProducts[0]!.unitPrice = 'abc')).codes).toEqual(['INVALID_NUMBER']);
  });

  it('a zero or empty 入数 is an error', () => {
    expect(problemsOf((o) => (o.orderProducts[0]!.setQuantity = '0')).codes).toContain('INVALID_NUMBER');
  });

  it('order_totals that are not whole yen are an error', () => {
    const { codes } = problemsOf((o) => (o.orderTotals = [{ taxRate: '0.1', total: '100.5', tax: '10', totalInclTax: '110.5' }]));
    expect(codes).toEqual(['INVALID_NUMBER']);
  });

  it('zero fees and points create no fee lines', () => {
    const { plan } = problemsOf(() => undefined);
    expect(plan.problems).toEqual([]);
    expect(plan.invoices[0]!.lines.map((l) => l.kind)).toEqual(['product']);
  });
});
