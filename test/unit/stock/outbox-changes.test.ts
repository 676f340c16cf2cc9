import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePending, outboxChanges, relativeValue, type LinkOf } from '../../../src-main/core/stock/rules/outbox-changes';

const linkOf: LinkOf = (settingId, productId) =>
  productId === 99 ? null : { productNo: `P${productId}`, setId: settingId === 1 ? productId * 10 : null };

describe('outboxChanges', () => {
  it('only movements in a 連携倉庫, only linked products, summed per setting × product', () => {
    const moves = [
      { warehouseId: 5, productId: 1, quantity: 3 },
      { warehouseId: 5, productId: 1, quantity: 2 },
      { warehouseId: 6, productId: 1, quantity: 7 }, // not a 連携倉庫
      { warehouseId: 5, productId: 99, quantity: 4 }, // not linked
      { warehouseId: 5, productId: 2, quantity: 1 },
      { warehouseId: 5, productId: 2, quantity: -1 }, // sums to 0
    ];
    expect(
      outboxChanges(
        moves,
        [
          { settingId: 1, warehouseId: 5 },
          { settingId: 2, warehouseId: 5 },
          { settingId: 3, warehouseId: 8 },
        ],
        linkOf,
      ),
    ).toEqual([
      { settingId: 1, productId: 1, productNo: 'P1', setId: 10, delta: 5 },
      { settingId: 2, productId: 1, productNo: 'P1', setId: null, delta: 5 },
    ]);
  });

  it('a transfer between two 連携倉庫 of different settings pushes − to one shop and + to the other', () => {
    const moves = [
      { warehouseId: 5, productId: 1, quantity: -4 },
      { warehouseId: 6, productId: 1, quantity: 4 },
    ];
    expect(
      outboxChanges(
        moves,
        [
          { settingId: 1, warehouseId: 5 },
          { settingId: 2, warehouseId: 6 },
        ],
        linkOf,
      ).map((c) => [c.settingId, c.delta]),
    ).toEqual([
      [1, -4],
      [2, 4],
    ]);
  });
});

describe('mergePending', () => {
  it('merges rows per product in id order, keeps at most `limit` products, the newest link wins', () => {
    const rows = [
      { id: 3, productId: 1, productNo: 'A2', setId: null, delta: 2 },
      { id: 1, productId: 1, productNo: 'A', setId: 10, delta: 5 },
      { id: 2, productId: 2, productNo: 'B', setId: 20, delta: -1 },
      { id: 4, productId: 3, productNo: 'C', setId: 30, delta: 4 },
    ];
    expect(mergePending(rows, 2)).toEqual([
      { productId: 1, productNo: 'A2', setId: 10, delta: 7, rowIds: [1, 3] },
      { productId: 2, productNo: 'B', setId: 20, delta: -1, rowIds: [2] },
    ]);
  });

  it('property: Σ delta is preserved per product and no row is lost when the limit allows all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ productId: fc.integer({ min: 1, max: 10 }), delta: fc.integer({ min: -50, max: 50 }) }), { maxLength: 60 }),
        (raw) => {
          const rows = raw.map((r, i) => ({ id: i + 1, productNo: `P${r.productId}`, setId: null, ...r }));
          const merged = mergePending(rows, 100);
          expect(merged.flatMap((m) => m.rowIds).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
          for (const m of merged) expect(m.delta).toBe(rows.filter((r) => r.productId === m.productId).reduce((s, r) => s + r.delta, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('relativeValue', () => {
  it('"+N" adds, "+-N" subtracts; zero and non-integers are refused', () => {
    expect(relativeValue(3)).toBe('+3');
    expect(relativeValue(-3)).toBe('+-3');
    expect(() => relativeValue(0)).toThrow(RangeError);
    expect(() => relativeValue(1.5)).toThrow(RangeError);
  });
});
