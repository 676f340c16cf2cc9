/**
 * Read side of what 在庫反映 needs from other features' tables: which EC連携設定 pushes which
 * warehouse, and which BCart set (品番 / set id) a product has in a setting — the EC連携商品 row when
 * 商品連携区分 is off, else the product's SKU code (or product code) as 品番 with the set id found
 * in BCart when sending. Only 棚卸対象 products are ever linked for stock.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { ecSettings, productLinks, products } from '../db/schema';
import type { LinkOf, PushTarget } from './rules/outbox-changes';
import type { StockOrm } from './stock-db';

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

export function createStockLinks(orm: StockOrm) {
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

  return { pushTargets, linkedProducts, linkResolver, settingIds };
}
export type StockLinks = ReturnType<typeof createStockLinks>;
