import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustmentDifferences, reverseMovements, slipMovements, sumMovements } from '../../../src-main/core/stock/rules/slip-movements';

const WH = 1;
const WH2 = 2;

describe('slipMovements', () => {
  it('入荷伝票: + into the warehouse, one row per product', () => {
    expect(
      slipMovements({ kind: 'receipt', warehouseId: WH, toWarehouseId: null }, [
        { productId: 10, quantity: 5 },
        { productId: 11, quantity: 2 },
        { productId: 10, quantity: 3 },
      ]),
    ).toEqual([
      { warehouseId: WH, productId: 10, quantity: 8 },
      { warehouseId: WH, productId: 11, quantity: 2 },
    ]);
  });

  it('在庫移動伝票: − out of 移動元, + into 移動先', () => {
    expect(slipMovements({ kind: 'transfer', warehouseId: WH, toWarehouseId: WH2 }, [{ productId: 10, quantity: 4 }])).toEqual([
      { warehouseId: WH, productId: 10, quantity: -4 },
      { warehouseId: WH2, productId: 10, quantity: 4 },
    ]);
    expect(() => slipMovements({ kind: 'transfer', warehouseId: WH, toWarehouseId: null }, [{ productId: 1, quantity: 1 }])).toThrow(
      RangeError,
    );
  });

  it('棚卸調整: counted − book, zero differences dropped, a product without book stock counts from 0', () => {
    const book = new Map([
      [10, 7],
      [11, 3],
      [12, -2],
    ]);
    expect(
      slipMovements(
        { kind: 'adjustment', warehouseId: WH, toWarehouseId: null },
        [
          { productId: 10, quantity: 5 },
          { productId: 11, quantity: 3 },
          { productId: 12, quantity: 0 },
          { productId: 13, quantity: 4 },
        ],
        book,
      ),
    ).toEqual([
      { warehouseId: WH, productId: 10, quantity: -2 },
      { warehouseId: WH, productId: 12, quantity: 2 },
      { warehouseId: WH, productId: 13, quantity: 4 },
    ]);
    expect(adjustmentDifferences([{ productId: 9, quantity: 0 }], new Map())).toEqual([{ warehouseId: 0, productId: 9, quantity: 0 }]);
  });

  it('property: a transfer conserves the total; receipt adds exactly Σ lines; reverse cancels', () => {
    const lines = fc.array(fc.record({ productId: fc.integer({ min: 1, max: 5 }), quantity: fc.integer({ min: 1, max: 1000 }) }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(lines, (ls) => {
        const t = slipMovements({ kind: 'transfer', warehouseId: WH, toWarehouseId: WH2 }, ls);
        expect(t.reduce((s, m) => s + m.quantity, 0)).toBe(0);
        const r = slipMovements({ kind: 'receipt', warehouseId: WH, toWarehouseId: null }, ls);
        expect(r.reduce((s, m) => s + m.quantity, 0)).toBe(ls.reduce((s, l) => s + l.quantity, 0));
        expect(sumMovements([...r, ...reverseMovements(r)])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: after a 棚卸調整 the book equals the counted quantity for every line', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ productId: fc.integer({ min: 1, max: 30 }), quantity: fc.integer({ min: 0, max: 500 }) }), {
          selector: (l) => l.productId,
          maxLength: 15,
        }),
        fc.dictionary(fc.integer({ min: 1, max: 30 }).map(String), fc.integer({ min: -100, max: 500 })),
        (ls, bookObj) => {
          const book = new Map(Object.entries(bookObj).map(([k, v]) => [Number(k), v]));
          const moves = slipMovements({ kind: 'adjustment', warehouseId: WH, toWarehouseId: null }, ls, book);
          for (const l of ls) {
            const m = moves.find((x) => x.productId === l.productId)?.quantity ?? 0;
            expect((book.get(l.productId) ?? 0) + m).toBe(l.quantity);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
