/**
 * What a confirmed stock slip does to the ledger (docs/stock-rules.md), as pure functions:
 * - 入荷伝票: +quantity into its warehouse;
 * - 在庫移動伝票: −quantity out of the 移動元, +quantity into the 移動先;
 * - 棚卸調整: counted − book stock in its warehouse (nothing when they agree).
 * Rows of one slip are summed per warehouse × product, and zero rows are dropped (the ledger holds
 * movements only).
 */
import type { StockSlipKind } from '../../../../src-shared/stock/stock-slip';

export interface SlipHead {
  kind: StockSlipKind;
  warehouseId: number;
  toWarehouseId: number | null;
}

export interface SlipLineQty {
  productId: number;
  quantity: number;
}

export interface Movement {
  warehouseId: number;
  productId: number;
  /** signed, in units */
  quantity: number;
}

/** 棚卸調整: the difference of each counted product to its book stock (0 when the book has none). */
export function adjustmentDifferences(lines: readonly SlipLineQty[], book: ReadonlyMap<number, number>): Movement[] {
  return lines.map((l) => ({ warehouseId: 0, productId: l.productId, quantity: l.quantity - (book.get(l.productId) ?? 0) }));
}

/** Sums movements per warehouse × product and drops zeros, in first-seen order. */
export function sumMovements(movements: readonly Movement[]): Movement[] {
  const byKey = new Map<string, Movement>();
  for (const m of movements) {
    const key = `${m.warehouseId}:${m.productId}`;
    const found = byKey.get(key);
    if (found) found.quantity += m.quantity;
    else byKey.set(key, { ...m });
  }
  return [...byKey.values()].filter((m) => m.quantity !== 0);
}

/**
 * The ledger movements of confirming a slip. `book` is needed for 棚卸調整 only: the book stock of
 * the slip's warehouse per product at the moment of 確定.
 */
export function slipMovements(slip: SlipHead, lines: readonly SlipLineQty[], book: ReadonlyMap<number, number> = new Map()): Movement[] {
  switch (slip.kind) {
    case 'receipt':
      return sumMovements(lines.map((l) => ({ warehouseId: slip.warehouseId, productId: l.productId, quantity: l.quantity })));
    case 'transfer': {
      if (slip.toWarehouseId === null) throw new RangeError('transfer without 移動先');
      const to = slip.toWarehouseId;
      return sumMovements(
        lines.flatMap((l) => [
          { warehouseId: slip.warehouseId, productId: l.productId, quantity: -l.quantity },
          { warehouseId: to, productId: l.productId, quantity: l.quantity },
        ]),
      );
    }
    case 'adjustment':
      return sumMovements(adjustmentDifferences(lines, book).map((m) => ({ ...m, warehouseId: slip.warehouseId })));
  }
}

/** The movements of 確定取消: the confirmed ones reversed. */
export function reverseMovements(movements: readonly Movement[]): Movement[] {
  return movements.map((m) => ({ ...m, quantity: -m.quantity }));
}
