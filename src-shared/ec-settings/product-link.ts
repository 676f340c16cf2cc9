/** EC連携商品: BCart product set ↔ local product, used when 商品連携区分 is off. */
import { z } from 'zod';

export const productLink = z.object({
  id: z.number().int(),
  bcartSetId: z.number().int(),
  bcartProductNo: z.string(),
  bcartSetName: z.string(),
  bcartJanCode: z.string(),
  bcartQuantity: z.number().int().nullable(),
  productId: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  productUnitQuantity: z.number().int(),
});
export type ProductLink = z.infer<typeof productLink>;

export const productSuggestion = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  unitQuantity: z.number().int(),
  /** what matched: 品番 = SKU/product code, or JAN */
  reason: z.enum(['code', 'jan']),
});
export type ProductSuggestion = z.infer<typeof productSuggestion>;

/** One BCart set from 取得, with its mapping and suggestions. */
export const bcartSetRow = z.object({
  setId: z.number().int(),
  productNo: z.string(),
  janCode: z.string(),
  /** 入数; null when BCart sent none or a non-integer */
  quantity: z.number().int().nullable(),
  name: z.string(),
  /** seen in BCart orders of the last 30 days */
  inRecentOrders: z.boolean(),
  linkedProductId: z.number().int().nullable(),
  suggestions: z.array(productSuggestion),
});
export type BcartSetRow = z.infer<typeof bcartSetRow>;

export const fetchBcartSetsResult = z.object({ sets: z.array(bcartSetRow), fetchedAt: z.string() });

export const productLinkAccept = z
  .object({
    settingId: z.number().int().positive(),
    links: z
      .array(
        z
          .object({
            bcartSetId: z.number().int().positive(),
            productId: z.number().int().positive(),
            bcartProductNo: z.string().max(100),
            bcartSetName: z.string().max(300),
            bcartJanCode: z.string().max(50),
            bcartQuantity: z.number().int().nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict();
export type ProductLinkAccept = z.infer<typeof productLinkAccept>;

export const productLinkDelete = z.object({ settingId: z.number().int().positive(), ids: z.array(z.number().int().positive()).min(1).max(10_000) }).strict();
