/**
 * The EC連携設定 aggregate: ec_settings rows with their 決済方法ごとの得意先 (payment_rules) and
 * EC連携商品 (product_links) — the settings screens, 初期設定 and the import all read and write them
 * here. No rules: the services validate first and call these inside their transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import { DEFAULT_CANCEL_STATUSES, EC_PLATFORMS, type EcPlatform, type EcSetting, type EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import type { PaymentRuleKind } from '../../../src-shared/ec-settings/payment-rule';
import type { ProductLink } from '../../../src-shared/ec-settings/product-link';
import type { Db } from '../db/db-handle';
import { ecSettings, paymentRules, productLinks, products } from '../db/schema';
import type { LocalProduct } from '../import/mapping';

/** An ec_settings row as stored (the import reads fields the screens do not show, e.g. cancel_statuses). */
export type EcSettingRecord = typeof ecSettings.$inferSelect;

/** One row of the 決済方法ごとの得意先 table as stored. */
export interface PaymentRuleRecord {
  id: number;
  paymentName: string;
  ruleKind: PaymentRuleKind;
  customerCode: string | null;
}

/** What 「保存」 of EC連携商品 writes per BCart set. */
export interface ProductLinkValues {
  bcartSetId: number;
  bcartProductNo: string;
  bcartSetName: string;
  bcartJanCode: string;
  bcartQuantity: number | null;
  productId: number;
}

type Row = typeof ecSettings.$inferSelect;

function toSetting(r: Row): EcSetting {
  const platform = (EC_PLATFORMS as readonly string[]).includes(r.platform) ? (r.platform as EcPlatform) : 'Bカート';
  return {
    id: r.id,
    name: r.name,
    platform,
    departmentId: r.departmentId,
    warehouseId: r.warehouseId,
    defaultCustomerId: r.defaultCustomerId,
    bankAccountId: r.bankAccountId,
    standardTaxClassId: r.standardTaxClassId,
    reducedTaxClassId: r.reducedTaxClassId,
    exemptTaxClassId: r.exemptTaxClassId,
    shippingFeeProductId: r.shippingFeeProductId,
    discountProductId: r.discountProductId,
    importStartDate: r.importStartDate ?? '',
    productLinkSameCode: r.productLinkSameCode,
    shipmentWorkflowId: r.shipmentWorkflowId,
    invoiceWorkflowId: r.invoiceWorkflowId,
    apiBaseUrl: r.apiBaseUrl,
    oauthAuthorizeUrl: r.oauthAuthorizeUrl,
    oauthTokenUrl: r.oauthTokenUrl,
    oauthClientId: r.oauthClientId,
    rateBudget: r.rateBudget,
    taxRounding: r.taxRounding,
    cancelStatuses: parseCancelStatuses(r.cancelStatuses),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * cancel_statuses as stored (a JSON array of names). A broken value reads as the default rather
 * than as "nothing is cancelled": that would make cancelled orders importable.
 */
export function parseCancelStatuses(stored: string): string[] {
  try {
    const parsed = JSON.parse(stored) as unknown;
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((s) => typeof s === 'string')) return parsed;
  } catch {
    /* the default below */
  }
  return [...DEFAULT_CANCEL_STATUSES];
}

/** The values as the ec_settings row stores them. */
function toRow(v: EcSettingValues) {
  return { ...v, cancelStatuses: JSON.stringify(v.cancelStatuses) };
}

/** Trims text and turns blank optional text into null, as stored. */
export function normaliseValues(v: EcSettingValues): EcSettingValues {
  const opt = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());
  return {
    ...v,
    name: v.name.trim(),
    importStartDate: v.importStartDate.trim(),
    apiBaseUrl: v.apiBaseUrl.trim().replace(/\/+$/, ''),
    oauthAuthorizeUrl: opt(v.oauthAuthorizeUrl),
    oauthTokenUrl: opt(v.oauthTokenUrl),
    oauthClientId: opt(v.oauthClientId),
    cancelStatuses: [...new Set(v.cancelStatuses.map((c) => c.trim()).filter((c) => c !== ''))],
  };
}

/** The EC連携設定 repository over the core's database. */
export function createEcSettingRepository(db: Db, now: () => string) {
  const { orm } = db;
  const find = (id: number): EcSetting | undefined => {
    const r = orm.select().from(ecSettings).where(eq(ecSettings.id, id)).get();
    return r ? toSetting(r) : undefined;
  };
  const notFound = () => new AppError('NOT_FOUND', '指定のEC連携設定が見つかりません。一覧を再読み込みしてください。');
  return {
    list(): EcSetting[] {
      return orm.select().from(ecSettings).orderBy(asc(ecSettings.id)).all().map(toSetting);
    },
    find,
    get(id: number): EcSetting {
      const r = find(id);
      if (!r) throw notFound();
      return r;
    },
    /** the stored row, with the import-only fields */
    record: (id: number): EcSettingRecord | undefined => orm.select().from(ecSettings).where(eq(ecSettings.id, id)).get(),
    /** the row of a name (初期設定 reuses it) */
    findByName: (name: string): { id: number; apiBaseUrl: string } | undefined =>
      orm.select({ id: ecSettings.id, apiBaseUrl: ecSettings.apiBaseUrl }).from(ecSettings).where(eq(ecSettings.name, name)).orderBy(asc(ecSettings.id)).get(),
    /** every row with its 出荷取込開始日, in id order (what the import runs over) */
    targets: (): { id: number; name: string; importStartDate: string | null }[] =>
      orm.select({ id: ecSettings.id, name: ecSettings.name, importStartDate: ecSettings.importStartDate }).from(ecSettings).orderBy(asc(ecSettings.id)).all(),
    insert(v: EcSettingValues): EcSetting {
      const stamp = now();
      return toSetting(orm.insert(ecSettings).values({ ...toRow(v), createdAt: stamp, updatedAt: stamp }).returning().get());
    },
    update(id: number, v: EcSettingValues): EcSetting {
      const r = orm.update(ecSettings).set({ ...toRow(v), updatedAt: now() }).where(eq(ecSettings.id, id)).returning().get();
      if (!r) throw notFound();
      return toSetting(r);
    },
    /** moves the 出荷取込開始日 (inside the import's write transaction) */
    setCursor(id: number, date: string, stamp: string): void {
      orm.update(ecSettings).set({ importStartDate: date, updatedAt: stamp }).where(eq(ecSettings.id, id)).run();
    },

    paymentRules: (settingId: number): PaymentRuleRecord[] =>
      orm
        .select({ id: paymentRules.id, paymentName: paymentRules.paymentName, ruleKind: paymentRules.ruleKind, customerCode: paymentRules.customerCode })
        .from(paymentRules)
        .where(eq(paymentRules.ecSettingId, settingId))
        .orderBy(asc(paymentRules.id))
        .all(),
    /** adds rows to a setting's table (a new setting's defaults) */
    insertPaymentRules(settingId: number, rules: readonly Omit<PaymentRuleRecord, 'id'>[]): void {
      if (rules.length === 0) return;
      const stamp = now();
      orm.insert(paymentRules).values(rules.map((r) => ({ ...r, ecSettingId: settingId, createdAt: stamp, updatedAt: stamp }))).run();
    },
    /** the whole table of a setting replaced (call inside the caller's transaction) */
    replacePaymentRules(settingId: number, rules: readonly Omit<PaymentRuleRecord, 'id'>[]): void {
      orm.delete(paymentRules).where(eq(paymentRules.ecSettingId, settingId)).run();
      this.insertPaymentRules(settingId, rules);
    },

    /** EC連携商品 of a setting with the local product, by BCart set id */
    productLinks: (settingId: number): ProductLink[] =>
      orm
        .select({
          id: productLinks.id,
          bcartSetId: productLinks.bcartSetId,
          bcartProductNo: productLinks.bcartProductNo,
          bcartSetName: productLinks.bcartSetName,
          bcartJanCode: productLinks.bcartJanCode,
          bcartQuantity: productLinks.bcartQuantity,
          productId: productLinks.productId,
          productCode: products.code,
          productName: products.name,
          productUnitQuantity: products.unitQuantity,
        })
        .from(productLinks)
        .innerJoin(products, eq(products.id, productLinks.productId))
        .where(eq(productLinks.ecSettingId, settingId))
        .orderBy(asc(productLinks.bcartSetId))
        .all(),
    /** the import's mapping mode: BCart set id → confirmed local product */
    linkedProducts: (settingId: number): { bcartSetId: number; product: LocalProduct }[] =>
      orm
        .select({
          bcartSetId: productLinks.bcartSetId,
          product: { id: products.id, code: products.code, skuCode: products.skuCode, name: products.name, unitQuantity: products.unitQuantity, inventoryTracked: products.inventoryTracked },
        })
        .from(productLinks)
        .innerJoin(products, eq(products.id, productLinks.productId))
        .where(and(eq(productLinks.ecSettingId, settingId), eq(products.confirmed, true)))
        .all(),
    /** saves mappings by (setting, BCart set): new ones inserted, existing ones replaced */
    upsertProductLinks(settingId: number, links: readonly ProductLinkValues[]): void {
      const stamp = now();
      for (const l of links) {
        const values = { bcartProductNo: l.bcartProductNo, bcartSetName: l.bcartSetName, bcartJanCode: l.bcartJanCode, bcartQuantity: l.bcartQuantity, productId: l.productId, updatedAt: stamp };
        orm
          .insert(productLinks)
          .values({ ecSettingId: settingId, bcartSetId: l.bcartSetId, ...values, createdAt: stamp })
          .onConflictDoUpdate({ target: [productLinks.ecSettingId, productLinks.bcartSetId], set: values })
          .run();
      }
    },
    deleteProductLinks: (settingId: number, ids: readonly number[]): number =>
      orm.delete(productLinks).where(and(eq(productLinks.ecSettingId, settingId), inArray(productLinks.id, [...ids]))).run().changes,
  };
}

export type EcSettingRepository = ReturnType<typeof createEcSettingRepository>;
