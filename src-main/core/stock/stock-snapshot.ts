/**
 * What 在庫照合 and 在庫移行 compare, read at one moment: for every linked set of an EC連携設定 the
 * local stock of its 連携倉庫, the quantities BCart has taken off for orders not yet imported, and
 * BCart's stock (docs/stock-rules.md). Reads BCart (sets, then orders from the first 出荷取込開始日),
 * never writes.
 */
import { and, eq, isNotNull, min } from 'drizzle-orm';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { ReconcileRow } from '../../../src-shared/stock/reconcile';
import type { BcartClient } from '../bcart/client';
import type { BcartProductSet } from '../bcart/model';
import { ecSettings, importRuns, partners, shipments } from '../db/schema';
import type { Clock } from '../ports';
import type { LedgerRepository } from './ledger-repository';
import type { OutboxRepository } from './outbox-repository';
import { reconcileFigures, unimportedOf, unimportedQuantities } from './rules/reconcile-figures';
import type { StockLinks } from './stock-links';
import type { StockOrm } from './stock-db';

export interface SnapshotDeps {
  orm: StockOrm;
  links: StockLinks;
  ledger: LedgerRepository;
  outbox: OutboxRepository;
  clientOf(settingId: number): BcartClient;
  clock: Clock;
}

export interface StockSetting {
  id: number;
  name: string;
  warehouseId: number;
  warehouseCode: string;
  sameCode: boolean;
  cancelStatuses: string[];
  /** the first 出荷取込開始日 (the earliest import window, else the cursor) */
  since: string;
}

/** The setting as stock reads it; SETTINGS_INVALID when it has no 連携倉庫 or 出荷取込開始日. */
export function loadStockSetting(orm: StockOrm, settingId: number): StockSetting {
  const s = orm
    .select({
      id: ecSettings.id,
      name: ecSettings.name,
      warehouseId: ecSettings.warehouseId,
      sameCode: ecSettings.productLinkSameCode,
      start: ecSettings.importStartDate,
      cancel: ecSettings.cancelStatuses,
      code: partners.code,
    })
    .from(ecSettings)
    .leftJoin(partners, eq(partners.id, ecSettings.warehouseId))
    .where(eq(ecSettings.id, settingId))
    .get();
  if (!s) throw new AppError('NOT_FOUND', `EC連携設定 (ID ${settingId}) が見つかりません。EC連携設定の画面で確認してください。`);
  const firstRun =
    orm
      .select({ from: min(importRuns.windowFrom) })
      .from(importRuns)
      .where(and(eq(importRuns.ecSettingId, settingId), isNotNull(importRuns.windowFrom)))
      .get()?.from ?? null;
  const since = [firstRun, s.start].filter((x): x is string => typeof x === 'string' && x !== '').sort()[0];
  if (s.warehouseId === null || !s.code || !since) {
    const missing = [s.warehouseId === null ? '連携倉庫' : null, since ? null : '出荷取込開始日'].filter(Boolean).join('・');
    throw new AppError(
      'SETTINGS_INVALID',
      `EC連携設定「${s.name}」の ${missing} が未設定のため、在庫の照合・移行はできません。EC連携設定の画面で入力して保存してください。`,
    );
  }
  let cancelStatuses = ['キャンセル'];
  try {
    const v = JSON.parse(s.cancel) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) cancelStatuses = v;
  } catch {
    /* keep the default */
  }
  return { id: s.id, name: s.name, warehouseId: s.warehouseId, warehouseCode: s.code, sameCode: s.sameCode, cancelStatuses, since };
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
  const importedLogistics = new Set(
    d.orm
      .select({ id: shipments.bcartLogisticsId })
      .from(shipments)
      .where(and(eq(shipments.ecSettingId, setting.id), isNotNull(shipments.bcartLogisticsId)))
      .all()
      .map((r) => r.id!),
  );
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
