/**
 * What 在庫照合 and 在庫移行 compare, read at one moment: for every linked set of an EC連携設定 the
 * local stock of its 連携倉庫, the quantities BCart has taken off for orders not yet imported, and
 * BCart's stock (docs/stock-rules.md). Reads BCart (sets, then orders from the first 出荷取込開始日),
 * never writes.
 */
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import type { ReconcileRow } from '../../../src-shared/stock/reconcile';
import type { BcartClient } from '../bcart/client';
import type { BcartProductSet } from '../bcart/model';
import type { Clock } from '../ports';
import type { LedgerRepository } from './ledger-repository';
import type { OutboxRepository } from './outbox-repository';
import { reconcileFigures, unimportedOf, unimportedQuantities } from './rules/reconcile-figures';
import type { StockLinkRepository, StockSetting } from './stock-link-repository';

export interface SnapshotDeps {
  links: StockLinkRepository;
  ledger: LedgerRepository;
  outbox: OutboxRepository;
  clientOf(settingId: number): BcartClient;
  clock: Clock;
}

/** Rows for every linked product whose set exists in BCart (bcart = null when BCart does not manage its stock). */
export async function readStockSnapshot(d: SnapshotDeps, setting: StockSetting, signal?: AbortSignal): Promise<ReconcileRow[]> {
  const client = d.clientOf(setting.id);
  const o = signal ? { signal } : {};
  const linked = d.links.linkedProducts(setting.id);
  const sets: BcartProductSet[] = setting.sameCode
    ? await client.listProductSets(o)
    : await client.getProductSetsByIds(
        linked.flatMap((p) => (p.setId !== null ? [p.setId] : [])),
        o,
      );
  const byId = new Map(sets.map((s) => [s.id, s]));
  const byNo = new Map<string, BcartProductSet>();
  for (const s of sets) if (s.productNo.trim() !== '' && !byNo.has(s.productNo.trim())) byNo.set(s.productNo.trim(), s);
  const today = jstDateOf(d.clock.now());
  const orders = setting.since <= today ? await client.listOrders({ orderedFrom: setting.since, orderedTo: today }, o) : [];
  const importedLogistics = d.links.importedLogistics(setting.id);
  const q = unimportedQuantities(orders, { since: setting.since, cancelStatuses: setting.cancelStatuses, importedLogistics });
  const local = d.ledger.balances(
    setting.warehouseId,
    linked.map((p) => p.productId),
  );
  const open = d.outbox.openByProduct(setting.id);
  const rows: ReconcileRow[] = [];
  for (const p of linked) {
    const set = p.setId !== null ? byId.get(p.setId) : byNo.get(p.productNo);
    if (!set) continue;
    const managed = set.stock !== null && set.stockFlag !== 1;
    const unimported = unimportedOf(q, p.setId !== null ? { by: 'set', setId: set.id } : { by: 'no', productNo: p.productNo });
    const l = local.get(p.productId) ?? 0;
    const f = reconcileFigures(l, unimported, managed ? set.stock : null);
    rows.push({
      productId: p.productId,
      productCode: p.code,
      productName: p.name,
      setId: set.id,
      productNo: set.productNo,
      local: l,
      unimported,
      expected: f.expected,
      bcart: managed ? set.stock : null,
      drift: f.drift,
      pending: open.get(p.productId)?.pending ?? 0,
      ambiguous: open.get(p.productId)?.ambiguous ?? 0,
    });
  }
  return rows;
}
