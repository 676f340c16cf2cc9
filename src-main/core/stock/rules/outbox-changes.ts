/**
 * Which relative changes a set of ledger movements sends to BCart (在庫反映, docs/stock-rules.md):
 * only movements in the 連携倉庫 of an EC連携設定, only for products linked to a set of that
 * setting, summed per setting × product (a product is linked to at most one set per setting), zero
 * sums dropped. Pure: the caller says which warehouse each setting pushes and which 品番 a product has.
 */
import type { Movement } from './slip-movements';

export interface PushTarget {
  settingId: number;
  /** the 連携倉庫 */
  warehouseId: number;
}

export interface OutboxChange {
  settingId: number;
  productId: number;
  /** BCart 品番 of the product's set in that setting */
  productNo: string;
  /** BCart set id when the link names it (EC連携商品), else null (resolved by 品番 when sending) */
  setId: number | null;
  delta: number;
}

/** A product's set in a setting, or null when it has none (not linked: nothing to push). */
export type LinkOf = (settingId: number, productId: number) => { productNo: string; setId: number | null } | null;

export function outboxChanges(movements: readonly Movement[], targets: readonly PushTarget[], linkOf: LinkOf): OutboxChange[] {
  const byKey = new Map<string, OutboxChange>();
  for (const t of targets) {
    for (const m of movements) {
      if (m.warehouseId !== t.warehouseId || m.quantity === 0) continue;
      const link = linkOf(t.settingId, m.productId);
      if (!link) continue;
      const key = `${t.settingId}:${m.productId}`;
      const found = byKey.get(key);
      if (found) found.delta += m.quantity;
      else
        byKey.set(key, { settingId: t.settingId, productId: m.productId, productNo: link.productNo, setId: link.setId, delta: m.quantity });
    }
  }
  return [...byKey.values()].filter((c) => c.delta !== 0);
}

/** One product's pending rows merged into the single change a send carries. */
export interface MergedChange {
  productId: number;
  productNo: string;
  setId: number | null;
  /** Σ delta of the rows */
  delta: number;
  rowIds: number[];
}

export interface PendingRow {
  id: number;
  productId: number;
  productNo: string;
  setId: number | null;
  delta: number;
}

/**
 * Merges pending rows per product (oldest row first decides the order), keeping at most `limit`
 * products: a bulk request carries one row per set. The newest 品番/set id of a product wins (a link
 * edited while a change waited).
 */
export function mergePending(rows: readonly PendingRow[], limit: number): MergedChange[] {
  const byProduct = new Map<number, MergedChange>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    const found = byProduct.get(r.productId);
    if (found) {
      found.delta += r.delta;
      found.rowIds.push(r.id);
      found.productNo = r.productNo;
      found.setId = r.setId ?? found.setId;
    } else {
      if (byProduct.size >= limit) continue;
      byProduct.set(r.productId, { productId: r.productId, productNo: r.productNo, setId: r.setId, delta: r.delta, rowIds: [r.id] });
    }
  }
  return [...byProduct.values()];
}

/** BCart's relative value syntax (docs/bcart-api.md#stock-writes): "+N" adds, "+-N" subtracts. */
export function relativeValue(delta: number): `+${number}` | `+-${number}` {
  if (!Number.isSafeInteger(delta) || delta === 0) throw new RangeError(`not a non-zero integer change: ${delta}`);
  return delta > 0 ? `+${delta}` : `+-${-delta}`;
}
