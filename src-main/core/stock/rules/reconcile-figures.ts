/**
 * 在庫照合 and 在庫移行 arithmetic (docs/stock-rules.md), pure:
 * - not yet imported = Σ quantities of order lines of orders not in a cancelled status, ordered on
 *   or after the first 出荷取込開始日, whose shipment has no imported 出荷伝票 (unshipped, or shipped
 *   but not imported yet) — BCart already took them off its stock, our ledger not yet;
 * - expected BCart stock = local − not yet imported; drift = BCart − expected;
 * - 在庫移行 target = BCart + not yet imported; opening ledger row = target − current local stock,
 *   so 在庫照合 shows no drift right after it.
 */
import type { BcartOrder } from '../../bcart/model';
import { isCancelledStatus } from '../../../../src-shared/ec-settings/ec-setting';

/** Which set an order line belongs to: by set id (EC連携商品) or by 品番 (商品連携区分 on). */
export type LineKey = { by: 'set'; setId: number } | { by: 'no'; productNo: string };

export interface UnimportedRule {
  /** JST date YYYY-MM-DD: the first 出荷取込開始日 */
  since: string;
  cancelStatuses: readonly string[];
  /** BCart logistics ids already imported as 出荷伝票 of this setting */
  importedLogistics: ReadonlySet<number>;
}

/**
 * Not-yet-imported quantities keyed by "set:<id>" and "no:<品番>" (a line counts under both keys,
 * so the caller looks up by whichever it links with).
 */
export function unimportedQuantities(orders: readonly BcartOrder[], rule: UnimportedRule): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, q: number) => out.set(key, (out.get(key) ?? 0) + q);
  for (const o of orders) {
    if (isCancelledStatus(o.status, rule.cancelStatuses)) continue;
    if (o.orderedAt.slice(0, 10) < rule.since) continue;
    for (const l of o.orderProducts) {
      // an empty 注文数 ("" on the wire) makes the order an import error; it holds no stock here
      const count = l.orderProCount;
      if (l.itemType !== 'product' || count === null || count === 0) continue;
      if (l.logisticsId !== null && rule.importedLogistics.has(l.logisticsId)) continue;
      if (l.productSetId !== null) add(`set:${l.productSetId}`, count);
      if (l.productNo.trim() !== '') add(`no:${l.productNo.trim()}`, count);
    }
  }
  return out;
}

export function unimportedOf(q: ReadonlyMap<string, number>, key: LineKey): number {
  return q.get(key.by === 'set' ? `set:${key.setId}` : `no:${key.productNo}`) ?? 0;
}

export interface Figures {
  expected: number;
  /** null when BCart does not manage the set */
  drift: number | null;
}

export function reconcileFigures(local: number, unimported: number, bcart: number | null): Figures {
  const expected = local - unimported;
  return { expected, drift: bcart === null ? null : bcart - expected };
}

export function migrationFigures(bcart: number, unimported: number, current: number): { target: number; opening: number } {
  const target = bcart + unimported;
  return { target, opening: target - current };
}
