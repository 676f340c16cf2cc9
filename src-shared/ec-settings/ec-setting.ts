/**
 * EC連携設定 (docs/glossary.md#settings-and-the-bcart-connection) as it crosses IPC. The contract only checks the shape (types), so a
 * save with many mistakes reaches main, which checks every rule and every reference at once
 * (validate-ec-setting.ts) and answers with all problems beside their fields.
 */
import { z } from 'zod';

/** EC連携先: only Bカート today; a list so more platforms can be added. */
export const EC_PLATFORMS = ['Bカート'] as const;
export type EcPlatform = (typeof EC_PLATFORMS)[number];

export const TAX_ROUNDINGS = ['floor', 'ceil', 'round'] as const;

/** BCart's own name of the cancelled 対応状況. */
export const DEFAULT_CANCEL_STATUSES: readonly string[] = ['キャンセル'];

/**
 * True when an order's BCart status is one of the setting's cancelled statuses. Both sides are
 * compared trimmed: the import (which books nothing for such an order) and 在庫照合 (which does not
 * count its lines as 未取込) must agree on every order.
 */
export function isCancelledStatus(status: string, cancelStatuses: readonly string[]): boolean {
  const s = status.trim();
  return cancelStatuses.some((c) => c.trim() === s);
}

/** Longest 対応状況 name kept. */
export const CANCEL_STATUS_MAX = 100;

/** A master reference: an id, or null while not chosen. */
export const refId = z.number().int().positive().nullable();

/** What the settings form edits. */
export const ecSettingInput = z
  .object({
    name: z.string().max(200),
    platform: z.enum(EC_PLATFORMS),
    /** 連携部門 */
    departmentId: refId,
    /** 連携倉庫 (取引先 of kind 倉庫) */
    warehouseId: refId,
    /** 得意先 (optional default customer) */
    defaultCustomerId: refId,
    /** 入金口座 (請求口座) */
    bankAccountId: refId,
    standardTaxClassId: refId,
    reducedTaxClassId: refId,
    exemptTaxClassId: refId,
    /** 送料・手数料 product (棚卸対象外) */
    shippingFeeProductId: refId,
    /** 値引・ポイント product (棚卸対象外) */
    discountProductId: refId,
    /** 出荷取込開始日 YYYY-MM-DD (JST) */
    importStartDate: z.string().max(20),
    /** 商品連携区分 */
    productLinkSameCode: z.boolean(),
    shipmentWorkflowId: refId,
    invoiceWorkflowId: refId,
    apiBaseUrl: z.string().max(500),
    /** null = documented default */
    oauthAuthorizeUrl: z.string().max(500).nullable(),
    oauthTokenUrl: z.string().max(500).nullable(),
    oauthClientId: z.string().max(200).nullable(),
    /** calls per sliding 300 s */
    rateBudget: z.number().int(),
    taxRounding: z.enum(TAX_ROUNDINGS),
    /** BCart 対応状況 names that mean cancelled (shops rename キャンセル); checked by validate-ec-setting */
    cancelStatuses: z.array(z.string().max(200)).max(50),
  })
  .strict();
export type EcSettingValues = z.infer<typeof ecSettingInput>;

/** A saved settings row. */
export const ecSetting = ecSettingInput.extend({ id: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
export type EcSetting = z.infer<typeof ecSetting>;

export const ecSettingUpdate = z.object({ id: z.number().int().positive(), values: ecSettingInput }).strict();
export const settingIdInput = z.object({ settingId: z.number().int().positive() }).strict();

/** BCart's documented API base (docs/bcart-api.md#base-url-and-versions). */
export const DEFAULT_API_BASE_URL = 'https://api.bcart.jp/api/v1';

/** Starting values of the 新規 form. */
export function emptyEcSetting(today: string): EcSettingValues {
  return {
    name: 'Bカート',
    platform: 'Bカート',
    departmentId: null,
    warehouseId: null,
    defaultCustomerId: null,
    bankAccountId: null,
    standardTaxClassId: null,
    reducedTaxClassId: null,
    exemptTaxClassId: null,
    shippingFeeProductId: null,
    discountProductId: null,
    importStartDate: today,
    productLinkSameCode: true,
    shipmentWorkflowId: null,
    invoiceWorkflowId: null,
    apiBaseUrl: DEFAULT_API_BASE_URL,
    oauthAuthorizeUrl: null,
    oauthTokenUrl: null,
    oauthClientId: null,
    rateBudget: 250,
    taxRounding: 'floor',
    cancelStatuses: [...DEFAULT_CANCEL_STATUSES],
  };
}
