/**
 * 売上分析 (docs/sales-rules.md#sales-analysis): BCart (net) sales and wholesale
 * sales side by side on tax-excluded goods amounts, 出荷基準 (BCart: the 出荷伝票's 発送日; 卸: the
 * confirmed 売上伝票's date). Shipping, payment fees and points are not goods: they are totals of
 * their own, and 純売上 = goods − points.
 */
import { z } from 'zod';
import { csvEncodingSchema } from '../csv/csv-encoding';
import { isIsoDate } from '../domain/jst-date';

export const ANALYSIS_DIMENSIONS = ['month', 'customer', 'product', 'department', 'channel'] as const;
export type AnalysisDimension = (typeof ANALYSIS_DIMENSIONS)[number];
export const SALES_CHANNELS = ['bcart', 'wholesale'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export const DIMENSION_LABELS: Record<AnalysisDimension, string> = {
  month: '月別',
  customer: '得意先別',
  product: '商品別',
  department: '部門別',
  channel: 'チャネル別',
};
export const CHANNEL_LABELS: Record<SalesChannel, string> = { bcart: 'Bカート', wholesale: '卸' };

const isoDate = z.string().refine(isIsoDate, { message: '日付は YYYY-MM-DD 形式の実在する日付で入力してください。' });

export const analysisInput = z
  .object({
    by: z.enum(ANALYSIS_DIMENSIONS),
    from: isoDate,
    to: isoDate,
    channel: z.enum(SALES_CHANNELS).optional(),
    customerId: z.number().int().positive().optional(),
    productId: z.number().int().positive().optional(),
    departmentId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: '期間の開始日は終了日以前にしてください。', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 10 * 366 * 86_400_000, { message: '期間は10年以内で指定してください。', path: ['to'] });
export type AnalysisInput = z.infer<typeof analysisInput>;

/** One group: goods net (tax-excluded) and quantity, with the same period a year earlier. */
export const analysisRow = z.object({
  key: z.string(),
  label: z.string(),
  channel: z.enum(SALES_CHANNELS),
  net: z.number().int(),
  quantity: z.number().int(),
  /** Σ quantity × 原価 and 粗利 (net − cost): null unless every line of the group has a 原価 */
  cost: z.number().int().nullable(),
  margin: z.number().int().nullable(),
  /** the same period one year earlier (the same key; for months, the month a year earlier) */
  prevNet: z.number().int(),
  prevQuantity: z.number().int(),
});
export type AnalysisRow = z.infer<typeof analysisRow>;

/** Totals of the period, tax-excluded; points are the discount as a positive amount. */
export const analysisTotals = z.object({
  goods: z.number().int(),
  shipping: z.number().int(),
  fees: z.number().int(),
  points: z.number().int(),
  /** 純売上 = goods − points */
  netSales: z.number().int(),
  prevGoods: z.number().int(),
});
export type AnalysisTotals = z.infer<typeof analysisTotals>;

export const analysisResult = z.object({ rows: z.array(analysisRow), totals: analysisTotals });
export type AnalysisResult = z.infer<typeof analysisResult>;

/** Drill-down: the slips behind one group. */
export const analysisSlipsInput = z
  .object({
    by: z.enum(ANALYSIS_DIMENSIONS),
    key: z.string().max(200),
    channel: z.enum(SALES_CHANNELS),
    from: isoDate,
    to: isoDate,
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict();
export type AnalysisSlipsInput = z.infer<typeof analysisSlipsInput>;

export const analysisSlip = z.object({
  channel: z.enum(SALES_CHANNELS),
  /** 出荷伝票 id (bcart) or 売上伝票 id (wholesale) */
  id: z.number().int(),
  date: z.string(),
  /** 受注番号 (bcart) / 伝票番号 (wholesale) */
  number: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  net: z.number().int(),
  quantity: z.number().int(),
});
export type AnalysisSlip = z.infer<typeof analysisSlip>;

/** The same calendar date a year earlier (29 Feb → 28 Feb). */
export function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** A month key a year later ("2025-04" → "2026-04"): last year's month row lines up with this year's. */
export function monthYearLater(key: string): string {
  return `${String(Number(key.slice(0, 4)) + 1).padStart(4, '0')}${key.slice(4)}`;
}

/** CSV出力 of the view on screen (groups, with the totals' non-goods lines) or of a drill-down. */
export const analysisCsvInput = z.discriminatedUnion('table', [
  z.object({ table: z.literal('groups'), query: analysisInput, encoding: csvEncodingSchema }).strict(),
  z.object({ table: z.literal('slips'), query: analysisSlipsInput, encoding: csvEncodingSchema }).strict(),
]);
export type AnalysisCsvInput = z.infer<typeof analysisCsvInput>;
