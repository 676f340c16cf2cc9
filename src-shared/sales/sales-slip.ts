/**
 * 売上伝票 as the screens, the CLI and the IPC contract see it: the editor's input (保存), the list
 * row and the detail with lines and per-rate totals.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/jst-date';
import { ROUNDING_MODES } from '../domain/rounding';
import { SALES_STATUSES } from './slip-status';

const id = z.number().int().positive();
const yen = z.number().int();
/** ¥10 billion per unit is beyond any wholesale price and keeps quantity × price exact */
const MAX_UNIT_PRICE = 10_000_000_000;
const MAX_QUANTITY = 10_000_000;
const isoDate = z.string().refine(isIsoDate, { message: '日付は YYYY-MM-DD 形式の実在する日付で入力してください。' });

export const salesLineInput = z
  .object({
    productId: id,
    quantity: z
      .number({ message: '数量を整数で入力してください。' })
      .int({ message: '数量は整数で入力してください。' })
      .min(-MAX_QUANTITY, { message: `数量は ${MAX_QUANTITY.toLocaleString('ja-JP')} 以内で入力してください。` })
      .max(MAX_QUANTITY, { message: `数量は ${MAX_QUANTITY.toLocaleString('ja-JP')} 以内で入力してください。` })
      .refine((q) => q !== 0, { message: '数量は0以外で入力してください (返品はマイナス)。' }),
    /** absent = the customer's price, else the product's 単価 */
    unitPrice: z
      .number({ message: '単価を整数 (円) で入力してください。' })
      .int({ message: '単価は整数 (円) で入力してください。' })
      .min(0, { message: '単価は0円以上で入力してください (返品は数量をマイナスにします)。' })
      .max(MAX_UNIT_PRICE, { message: '単価が大きすぎます。' })
      .optional(),
    /** absent = the product's 税区分 */
    taxClassId: id.optional(),
  })
  .strict();

export const salesSlipInput = z
  .object({
    /** absent = a new slip */
    id: id.optional(),
    /** absent = the first 部門 */
    departmentId: id.optional(),
    customerId: id,
    warehouseId: id,
    date: isoDate,
    /** absent = the customer's 税込/税抜 (税抜 when unset) */
    priceMode: z.enum(['税込', '税抜']).optional(),
    memo: z.string().max(500).optional(),
    lines: z.array(salesLineInput).min(1, { message: '明細を1行以上入力してください。' }).max(1000, { message: '明細は1,000行までです。' }),
  })
  .strict();
export type SalesSlipInput = z.infer<typeof salesSlipInput>;
export type SalesLineInput = z.infer<typeof salesLineInput>;

export const salesListInput = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: z.enum(SALES_STATUSES).optional(),
    customerId: id.optional(),
    productId: id.optional(),
    /** 伝票番号 or 得意先コード / 名 (partial) */
    search: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type SalesListInput = z.infer<typeof salesListInput>;

export const salesIdInput = z.object({ id }).strict();

export const salesRow = z.object({
  id,
  slipNo: z.string().nullable(),
  status: z.enum(SALES_STATUSES),
  date: z.string(),
  departmentName: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  warehouseName: z.string(),
  priceMode: z.enum(['税込', '税抜']),
  net: yen,
  tax: yen,
  total: yen,
});
export type SalesRow = z.infer<typeof salesRow>;

export const salesLineView = z.object({
  lineNo: z.number().int(),
  productId: id,
  productCode: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  unitPrice: yen,
  amount: yen,
  netAmount: yen,
  taxClassId: id,
  taxClassName: z.string(),
  taxRate: z.number().int(),
});

export const salesDetail = salesRow.extend({
  departmentId: id,
  customerId: id,
  warehouseId: id,
  taxRounding: z.enum(ROUNDING_MODES as ['floor', 'ceil', 'round']),
  memo: z.string(),
  invoiceId: z.number().int().nullable(),
  confirmedAt: z.string().nullable(),
  lines: z.array(salesLineView),
  byRate: z.array(z.object({ rate: z.number().int(), net: yen, tax: yen, gross: yen })),
});
export type SalesDetail = z.infer<typeof salesDetail>;

/** What 保存 / 確定 / 確定取消 return: the slip and warnings (stock going negative). */
export const salesWriteResult = z.object({ slip: salesDetail, warnings: z.array(z.string()) });
export type SalesWriteResult = z.infer<typeof salesWriteResult>;

/** 得意先別単価 of one customer. */
export const customerPriceRow = z.object({ productId: id, productCode: z.string(), productName: z.string(), unitPrice: yen });
export const customerPricesInput = z
  .object({
    customerId: id,
    prices: z.array(z.object({ productId: id, unitPrice: z.number().int().min(0).max(MAX_UNIT_PRICE) }).strict()).max(10_000),
  })
  .strict();
