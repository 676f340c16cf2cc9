/**
 * zod schemas of 定期申込 for the edit form (react-hook-form) and main's IPC validation, so the
 * clerk sees the same Japanese message beside the field that main would return. Limits match the
 * subscription CSV (MAX_PRICE / MAX_QUANTITY) so every sum of the tax-update plan stays exact.
 */
import { z } from 'zod';

/** Same limits as the subscription CSV reader. */
export const SUBSCRIPTION_MAX_PRICE = 999_999_999;
export const SUBSCRIPTION_MAX_QUANTITY = 999_999;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .min(1, { error: `${label}を入力してください。` })
    .max(max, { error: `${label}は${max}文字以内で入力してください。` });

const optionalCode = (label: string) => z.string().trim().max(40, { error: `${label}は40文字以内で入力してください。` });

const price = (label: string, min: number) =>
  z
    .number({ error: `${label}は整数(円)で入力してください。` })
    .int({ error: `${label}は整数(円)で入力してください。` })
    .min(min, { error: `${label}は${min.toLocaleString('ja-JP')}円以上で入力してください。` })
    .max(SUBSCRIPTION_MAX_PRICE, { error: `${label}は${SUBSCRIPTION_MAX_PRICE.toLocaleString('ja-JP')}円以下で入力してください。` });

const rate = (label: string) =>
  z
    .number({ error: `${label}は整数(%)で入力してください。` })
    .int({ error: `${label}は整数(%)で入力してください。` })
    .min(0, { error: `${label}は0〜100の整数(%)で入力してください。` })
    .max(100, { error: `${label}は0〜100の整数(%)で入力してください。` });

export const subscriptionOptionSchema = z
  .object({
    name: text('オプション名', 100),
    /** may be negative (discount) */
    price: price('オプション価格', -SUBSCRIPTION_MAX_PRICE),
    taxIncluded: z.boolean(),
    taxRateType: z.enum(['標準', '軽減'], { error: '税率区分は「標準」か「軽減」を選んでください。' }),
  })
  .strict();

export const subscriptionItemSchema = z
  .object({
    productCode: text('商品番号', 40),
    variationH: optionalCode('枝番(横)'),
    variationV: optionalCode('枝番(縦)'),
    name: text('商品名', 200),
    quantity: z
      .number({ error: '数量は1以上の整数で入力してください。' })
      .int({ error: '数量は1以上の整数で入力してください。' })
      .min(1, { error: '数量は1以上の整数で入力してください。' })
      .max(SUBSCRIPTION_MAX_QUANTITY, { error: `数量は${SUBSCRIPTION_MAX_QUANTITY.toLocaleString('ja-JP')}以下で入力してください。` }),
    firstPrice: price('初回価格', 0),
    regularPrice: price('通常回価格', 0),
    lastPrice: price('最終回価格', 0),
    taxIncluded: z.boolean(),
    taxRateType: z.enum(['標準', '軽減'], { error: '税率区分は「標準」か「軽減」を選んでください。' }),
    options: z.array(subscriptionOptionSchema).max(50, { error: 'オプションは1商品50件までです。' }),
  })
  .strict();

export const subscriptionApplicationSchema = z
  .object({
    code: text('申込コード', 40),
    customerCode: text('得意先コード', 40),
    status: z.enum(['継続中', '停止', '解約'], {
      error: '状態は「継続中」「停止」「解約」から選んでください。',
    }),
    orderProcessed: z.boolean(),
    standardRate: rate('標準税率'),
    reducedRate: rate('軽減税率'),
    items: z
      .array(subscriptionItemSchema)
      .min(1, { error: '商品を1件以上登録してください。' })
      .max(200, { error: '商品は1申込200件までです。' }),
  })
  .strict();

export type SubscriptionApplicationInput = z.input<typeof subscriptionApplicationSchema>;

/** 定期申込 list filters (状態, rates, free text over codes and product names). */
export const subscriptionListInput = z
  .object({
    status: z.enum(['継続中', '停止', '解約']).optional(),
    standardRate: z.number().int().min(0).max(100).optional(),
    reducedRate: z.number().int().min(0).max(100).optional(),
    orderProcessed: z.boolean().optional(),
    search: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
  })
  .strict();
export type SubscriptionListInput = z.infer<typeof subscriptionListInput>;

/** One row of the virtualized list. */
export const subscriptionListRow = z.object({
  code: z.string(),
  customerCode: z.string(),
  status: z.enum(['継続中', '停止', '解約']),
  orderProcessed: z.boolean(),
  standardRate: z.number().int(),
  reducedRate: z.number().int(),
  itemCount: z.number().int(),
  optionCount: z.number().int(),
  /** first item's name, for recognising the application in the list */
  firstItemName: z.string(),
  updatedAt: z.string(),
});
export type SubscriptionListRow = z.infer<typeof subscriptionListRow>;
