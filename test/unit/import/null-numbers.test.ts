import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import type { BcartOrder } from '../../../src-main/core/bcart/model';
import { errorCodes, line, logistics, masters, order, product } from './fixtures';

const p = product(1, 'A');
const base = () => order({ id: 1, lines: [line(11, p)], logistics: [logistics(101)] });

function problemsOf(mutate: (o: BcartOrder) => void) {
  const o = base();
  mutate(o);
  const plan = mapOrdersForImport([o], masters([p]));
  return { codes: errorCodes(plan), text: plan.problems.map((x) => x.message).join('\n'), plan };
}

describe('numbers that BCart sent as "" (null after normalisation)', () => {
  it.each([
    ['final_price', (o: BcartOrder) => (o.finalPrice = null)],
    ['shipping_cost', (o: BcartOrder) => (o.shippingCost = null)],
    ['COD_cost', (o: BcartOrder) => (o.codCost = null)],
    ['use_point', (o: BcartOrder) => (o.usePoint = null)],
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
