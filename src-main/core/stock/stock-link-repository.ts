/**
 * Read side of what 在庫反映, 在庫照合 and 在庫移行 need from other features' tables (it writes
 * nothing): which EC連携設定 pushes which warehouse, and which BCart set (品番 / set id) a product has
 * in a setting — the EC連携商品 row when 商品連携区分 is off, else the product's SKU code (or product
 * code) as 品番 with the set id found in BCart when sending; the setting as stock reads it; the
 * shipments already imported. Only 棚卸対象 products are ever linked for stock.
 */
import { and, asc, eq, isNotNull, min } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import { ecSettings, importRuns, partners, productLinks, products, shipments } from '../db/schema';
import type { LinkOf, PushTarget } from './rules/outbox-changes';
import type { Db } from '../db/db-handle';
import { parseCancelStatuses } from '../ec-settings/ec-setting-repository';

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

export interface LinkedProduct {
  productId: number;
  code: string;
  skuCode: string | null;
  name: string;
  productNo: string;
  /** null: 商品連携区分 on, the set is found by 品番 in BCart */
  setId: number | null;
}

/** The 品番 BCart matches for a product when 商品連携区分 is on. */
export const sameCodeProductNo = (p: { code: string; skuCode: string | null }): string =>
  p.skuCode && p.skuCode.trim() !== '' ? p.skuCode.trim() : p.code;

export function createStockLinkRepository(db: Db) {
  const orm = db.orm;
  function pushTargets(): PushTarget[] {
    return orm
      .select({ settingId: ecSettings.id, warehouseId: ecSettings.warehouseId })
      .from(ecSettings)
      .where(isNotNull(ecSettings.warehouseId))
      .orderBy(asc(ecSettings.id))
      .all()
      .map((r) => ({ settingId: r.settingId, warehouseId: r.warehouseId! }));
  }

  /** Every linked, 棚卸対象 product of a setting. */
  function linkedProducts(settingId: number): LinkedProduct[] {
    const s = orm.select({ sameCode: ecSettings.productLinkSameCode }).from(ecSettings).where(eq(ecSettings.id, settingId)).get();
    if (!s) return [];
    if (s.sameCode) {
      return orm
        .select({ productId: products.id, code: products.code, skuCode: products.skuCode, name: products.name })
        .from(products)
        .where(eq(products.inventoryTracked, true))
        .orderBy(asc(products.code), asc(products.id))
        .all()
        .map((p) => ({ ...p, productNo: sameCodeProductNo(p), setId: null }));
    }
    return orm
      .select({
        productId: products.id,
        code: products.code,
        skuCode: products.skuCode,
        name: products.name,
        productNo: productLinks.bcartProductNo,
        setId: productLinks.bcartSetId,
      })
      .from(productLinks)
      .innerJoin(products, eq(products.id, productLinks.productId))
      .where(and(eq(productLinks.ecSettingId, settingId), eq(products.inventoryTracked, true)))
      .orderBy(asc(products.code), asc(products.id))
      .all();
  }

  /** A LinkOf over the current links of every setting (read once; call per transaction). */
  function linkResolver(): LinkOf {
    const cache = new Map<number, Map<number, { productNo: string; setId: number | null }>>();
    return (settingId, productId) => {
      let m = cache.get(settingId);
      if (!m) {
        m = new Map(linkedProducts(settingId).map((p) => [p.productId, { productNo: p.productNo, setId: p.setId }]));
        cache.set(settingId, m);
      }
      return m.get(productId) ?? null;
    };
  }

  function settingIds(): number[] {
    return orm
      .select({ id: ecSettings.id })
      .from(ecSettings)
      .orderBy(asc(ecSettings.id))
      .all()
      .map((r) => r.id);
  }

  /** The setting as stock reads it; SETTINGS_INVALID when it has no 連携倉庫 or 出荷取込開始日. */
  function stockSetting(settingId: number): StockSetting {
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
    // the import's reading of the list (a broken value is the default, never "nothing is cancelled")
    const cancelStatuses = parseCancelStatuses(s.cancel);
    return { id: s.id, name: s.name, warehouseId: s.warehouseId, warehouseCode: s.code, sameCode: s.sameCode, cancelStatuses, since };
  }

  /** BCart 発送IDs already imported as 出荷伝票 of this setting (their quantities are in the ledger). */
  function importedLogistics(settingId: number): Set<number> {
    return new Set(
      orm
        .select({ id: shipments.bcartLogisticsId })
        .from(shipments)
        .where(and(eq(shipments.ecSettingId, settingId), isNotNull(shipments.bcartLogisticsId)))
        .all()
        .map((r) => r.id!),
    );
  }

  return { pushTargets, linkedProducts, linkResolver, settingIds, stockSetting, importedLogistics };
}
export type StockLinkRepository = ReturnType<typeof createStockLinkRepository>;
