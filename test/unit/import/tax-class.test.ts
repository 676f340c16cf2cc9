import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import { amountByRate } from '../../../src-main/core/import/mapping/shipment-draft';
import { errorCodes, line, logistics, masters, order, product, SETTINGS } from './fixtures';

const p = product(1, 'ITEM');

function mapRate(taxRate: string | null, taxTypeId: number | null = null) {
  const o = order({ id: 1, lines: [line(11, p, { taxRate: '0.1', taxTypeId })], logistics: [logistics(101)] });
  o.orderProducts[0]!.taxRate = taxRate; // totals stay at 10 % so only the line rate is under test
  return mapOrdersForImport([o], masters([p]));
}

describe('税区分 per line from the BCart tax rate', () => {
  it.each([
    ['0.1', 10, SETTINGS.standardTaxClassId],
    ['0.10', 10, SETTINGS.standardTaxClassId],
    ['0.08', 8, SETTINGS.reducedTaxClassId],
    ['0', 0, SETTINGS.exemptTaxClassId],
    ['0.00', 0, SETTINGS.exemptTaxClassId],
  ])('rate "%s" → %i %% (tax class %i)', (rate, percent, classId) => {
    const o = order({ id: 2, lines: [line(21, p, { taxRate: rate, taxTypeId: percent === 8 ? 2 : 1 })], logistics: [logistics(201)] });
    const plan = mapOrdersForImport([o], masters([p]));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.lines[0]).toMatchObject({ taxRate: percent, taxClassId: classId });
    expect(amountByRate(plan.shipments[0]!.lines)).toEqual([{ rate: percent, amount: 100 }]);
  });

  it('an unknown rate (5 %) is an error naming the rate', () => {
    const plan = mapRate('0.05');
    expect(errorCodes(plan)).toEqual(['UNKNOWN_TAX_RATE']);
    expect(plan.problems[0]!.message).toContain('「0.05」');
    expect(plan.shipments).toEqual([]);
  });

  it('a null rate (sent as "") is an error naming tax_rate', () => {
    const plan = mapRate(null);
    expect(errorCodes(plan)).toEqual(['MISSING_NUMBER']);
    expect(plan.problems[0]!.message).toContain('tax_rate');
  });

  it('tax_type_id 2 (軽減) with rate 0.1 is only a warning; the rate decides', () => {
    const plan = mapRate('0.1', 2);
    expect(errorCodes(plan)).toEqual([]);
    expect(plan.problems.map((x) => [x.level, x.code])).toEqual([['warning', 'TAX_TYPE_MISMATCH']]);
    expect(plan.shipments[0]!.lines[0]!.taxRate).toBe(10);
  });

  it('groups shipment amounts by rate, highest first', () => {
    const q = product(2, 'TEA', 20);
    const o = order({
      id: 3,
      lines: [line(31, q, { unitPrice: '150', setQuantity: '20', orderProCount: 3, taxRate: '0.08', taxTypeId: 2 }), line(32, p, { unitPrice: '300', orderProCount: 2 })],
      logistics: [logistics(301)],
    });
    const plan = mapOrdersForImport([o], masters([p, q]));
    expect(plan.problems).toEqual([]);
    expect(amountByRate(plan.shipments[0]!.lines)).toEqual([
      { rate: 10, amount: 600 },
      { rate: 8, amount: 9000 },
    ]);
  });
});
