import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import { errorCodes, line, logistics, masters, order, product } from './fixtures';

describe('入数 (per-piece BCart price → per-set app price)', () => {
  it("maps the seed's example ¥100 × 入数 100 × 5 sets to 単価 ¥10,000, quantity 5, amount ¥50,000", () => {
    const p = product(1, 'BOX-100', 100);
    const o = order({ id: 1, lines: [line(11, p, { unitPrice: '100', setQuantity: '100', orderProCount: 5 })], logistics: [logistics(101)] });
    const plan = mapOrdersForImport([o], masters([p]));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments).toHaveLength(1);
    const l = plan.shipments[0]!.lines[0]!;
    expect(l).toMatchObject({ productId: 1, productCode: 'BOX-100', bcartOrderProductId: 11, quantity: 5, unitPrice: 10_000, amount: 50_000 });
    expect(plan.shipments[0]!.amount).toBe(50_000);
  });

  it('turns a decimal per-piece price ¥12.5 × 入数 12 into a whole per-set price ¥150', () => {
    const p = product(2, 'PEN-12', 12);
    const o = order({ id: 2, lines: [line(21, p, { unitPrice: '12.5', setQuantity: '12', orderProCount: 3 })], logistics: [logistics(201)] });
    const plan = mapOrdersForImport([o], masters([p]));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.lines[0]).toMatchObject({ unitPrice: 150, quantity: 3, amount: 450 });
  });

  it('rejects a per-set price that is not whole yen, naming the order and the line', () => {
    const p = product(3, 'ODD-3', 3);
    const o = order({ id: 3, lines: [line(31, p, { unitPrice: '12.5', setQuantity: '3' })], logistics: [logistics(301)] });
    o.orderTotals = [{ taxRate: '0.1', total: '38', tax: '3', totalInclTax: '41' }];
    o.finalPrice = 41;
    const plan = mapOrdersForImport([o], masters([p]));
    expect(errorCodes(plan)).toEqual(['NON_INTEGER_SET_PRICE']);
    const msg = plan.problems[0]!.message;
    expect(msg).toContain(`受注番号 ${o.code}`);
    expect(msg).toContain('明細ID 31');
    expect(msg).toContain('37.5');
    expect(plan.shipments).toEqual([]);
    expect(plan.invoices).toEqual([]);
  });

  it("rejects a product whose 計上単位 differs from the set's 入数 (linked to the wrong set)", () => {
    const p = product(4, 'CASE-24', 12);
    const o = order({ id: 4, lines: [line(41, p, { setQuantity: '24' })], logistics: [logistics(401)] });
    const plan = mapOrdersForImport([o], masters([p]));
    expect(errorCodes(plan)).toEqual(['UNIT_QUANTITY_MISMATCH']);
    expect(plan.problems[0]!.message).toContain('計上単位 12');
  });

  it('rejects a negative 注文数', () => {
    const p = product(5, 'NEG', 1);
    const o = order({ id: 5, lines: [line(51, p, { orderProCount: -1 })], logistics: [logistics(501)] });
    expect(errorCodes(mapOrdersForImport([o], masters([p])))).toContain('INVALID_QUANTITY');
  });
});

describe('product lookup', () => {
  it('same-code mode finds the product by 品番 = SKU code (product code when the SKU is empty)', () => {
    const sku = product(6, 'SHIRT', 1, { skuCode: 'SHIRT-RED-M' });
    const plain = product(7, 'CAP', 1);
    const o = order({ id: 6, lines: [line(61, sku, { productNo: 'SHIRT-RED-M' }), line(62, plain)], logistics: [logistics(601)] });
    const plan = mapOrdersForImport([o], masters([sku, plain]));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.lines.map((l) => l.productId)).toEqual([6, 7]);
  });

  it('same-code mode: an unknown 品番 is an error naming the 品番', () => {
    const p = product(8, 'KNOWN');
    const o = order({ id: 8, lines: [line(81, p, { productNo: 'NOPE-1' })], logistics: [logistics(801)] });
    const plan = mapOrdersForImport([o], masters([p]));
    expect(errorCodes(plan)).toEqual(['UNKNOWN_PRODUCT']);
    expect(plan.problems[0]!.message).toContain('品番「NOPE-1」');
  });

  it('mapping mode uses the EC連携商品 table by BCart set id, not the 品番', () => {
    const p = product(9, 'LOCAL-9');
    const o = order({ id: 9, lines: [line(91, p, { productNo: 'BCART-ONLY-NO' })], logistics: [logistics(901)] });
    const plan = mapOrdersForImport([o], masters([p], {}, { productLinkMode: 'mapping' }));
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.lines[0]!.productId).toBe(9);
  });

  it('mapping mode: an unmapped set id and a missing set id are errors', () => {
    const p = product(10, 'LOCAL-10');
    const o = order({
      id: 10,
      lines: [line(101, p, { productSetId: 777 }), line(102, p, { productSetId: null })],
      logistics: [logistics(1001)],
    });
    const plan = mapOrdersForImport([o], masters([p], {}, { productLinkMode: 'mapping' }));
    expect(errorCodes(plan)).toEqual(['UNKNOWN_PRODUCT', 'PRODUCT_SET_ID_MISSING']);
    expect(plan.problems[0]!.message).toContain('セットID 777');
    expect(plan.problems[0]!.message).toContain('EC連携商品');
  });

  it('carries the 棚卸対象 flag of the local product', () => {
    const p = product(11, 'SVC', 1, { inventoryTracked: false });
    const o = order({ id: 11, lines: [line(111, p)], logistics: [logistics(1101)] });
    expect(mapOrdersForImport([o], masters([p])).shipments[0]!.lines[0]!.inventoryTracked).toBe(false);
  });
});
