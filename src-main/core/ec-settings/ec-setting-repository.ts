/**
 * Reads and writes ec_settings rows (schema/ec-settings.ts). No rules here: the service validates
 * first and calls these inside its transaction.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import { EC_PLATFORMS, type EcPlatform, type EcSetting, type EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import type { CoreContext } from '../core-context';
import { ecSettings } from '../db/schema';

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
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
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
  };
}

/** ec_settings access over the core's drizzle handle. */
export function ecSettingRepository(ctx: Pick<CoreContext, 'orm' | 'now'>) {
  const db = ctx.orm;
  return {
    list(): EcSetting[] {
      return db.select().from(ecSettings).orderBy(asc(ecSettings.id)).all().map(toSetting);
    },
    find(id: number): EcSetting | undefined {
      const r = db.select().from(ecSettings).where(eq(ecSettings.id, id)).get();
      return r ? toSetting(r) : undefined;
    },
    get(id: number): EcSetting {
      const r = this.find(id);
      if (!r) throw new AppError('NOT_FOUND', '指定のEC連携設定が見つかりません。一覧を再読み込みしてください。');
      return r;
    },
    insert(v: EcSettingValues): EcSetting {
      const now = ctx.now();
      const r = db
        .insert(ecSettings)
        .values({ ...v, importStartDate: v.importStartDate, createdAt: now, updatedAt: now })
        .returning()
        .get();
      return toSetting(r);
    },
    update(id: number, v: EcSettingValues): EcSetting {
      const r = db
        .update(ecSettings)
        .set({ ...v, updatedAt: ctx.now() })
        .where(eq(ecSettings.id, id))
        .returning()
        .get();
      if (!r) throw new AppError('NOT_FOUND', '指定のEC連携設定が見つかりません。一覧を再読み込みしてください。');
      return toSetting(r);
    },
  };
}
export type EcSettingRepository = ReturnType<typeof ecSettingRepository>;
