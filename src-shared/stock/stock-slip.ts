/**
 * Stock slips as they cross IPC: 入荷伝票 (receipt), 在庫移動伝票 (transfer) and 棚卸調整
 * (adjustment, counted quantity → the difference to the book stock), one id space for the three.
 * The contract checks shapes; main checks every reference and rule at once (stock-slip-rules).
 */
import { z } from 'zod';

export const STOCK_SLIP_KINDS = ['receipt', 'transfer', 'adjustment'] as const;
export type StockSlipKind = (typeof STOCK_SLIP_KINDS)[number];

/** The manual's names of the three slips. */
export const STOCK_SLIP_LABELS: Record<StockSlipKind, string> = {
  receipt: '入荷伝票',
  transfer: '在庫移動伝票',
  adjustment: '棚卸調整',
};

/** Most units one line may carry (keeps every sum a safe integer). */
export const MAX_LINE_QUANTITY = 10_000_000;
export const MAX_SLIP_LINES = 1000;

const id = z.number().int().positive();
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日付は YYYY-MM-DD で入力してください。' });

export const stockSlipLineInput = z
  .object({
    productId: id,
    /** receipt / transfer: units moved (≥ 1); adjustment: units counted (≥ 0), in 計上単位 */
    quantity: z
      .number({ error: '数量は整数で入力してください。' })
      .int({ error: '数量は整数で入力してください。' })
      .min(0, { error: '数量は0以上で入力してください。' })
      .max(MAX_LINE_QUANTITY, { error: '数量が大きすぎます。' }),
  })
  .strict();

/** What 保存 sends (create and edit). */
export const stockSlipInput = z
  .object({
    kind: z.enum(STOCK_SLIP_KINDS),
    date: dateText,
    /** receipt: 入荷先倉庫, transfer: 移動元倉庫, adjustment: 棚卸した倉庫 */
    warehouseId: id,
    /** transfer: 移動先倉庫 */
    toWarehouseId: id.nullable().optional(),
    /** receipt: 仕入先 (optional) */
    supplierId: id.nullable().optional(),
    departmentId: id.nullable().optional(),
    workflowId: id.nullable().optional(),
    memo: z.string().max(500, { error: '備考は500文字以内で入力してください。' }).optional(),
    lines: z
      .array(stockSlipLineInput)
      .min(1, { error: '明細を1行以上入力してください。' })
      .max(MAX_SLIP_LINES, { error: `明細は${MAX_SLIP_LINES}行までです。` }),
  })
  .strict();
export type StockSlipInput = z.infer<typeof stockSlipInput>;

export const stockSlipUpdate = z.object({ id, values: stockSlipInput }).strict();
export const stockSlipIdInput = z.object({ id }).strict();

export const stockSlipListInput = z
  .object({
    kind: z.enum(STOCK_SLIP_KINDS).optional(),
    from: dateText.optional(),
    to: dateText.optional(),
    /** 倉庫 / 商品 code or name, 備考 (partial) */
    search: z.string().max(100).optional(),
    confirmed: z.enum(['all', 'confirmed', 'unconfirmed']).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type StockSlipListInput = z.infer<typeof stockSlipListInput>;

export const stockSlipRow = z.object({
  id,
  kind: z.enum(STOCK_SLIP_KINDS),
  date: z.string(),
  warehouseCode: z.string(),
  warehouseName: z.string(),
  toWarehouseCode: z.string().nullable(),
  toWarehouseName: z.string().nullable(),
  lineCount: z.number().int(),
  /** Σ quantity of the lines (units moved or counted) */
  totalQuantity: z.number().int(),
  memo: z.string(),
  confirmed: z.boolean(),
});
export type StockSlipRow = z.infer<typeof stockSlipRow>;

export const stockSlipLineView = z.object({
  lineNo: z.number().int(),
  productId: id,
  productCode: z.string(),
  skuCode: z.string().nullable(),
  productName: z.string(),
  unitQuantity: z.number().int(),
  quantity: z.number().int(),
  /** adjustment: the book stock at 確定 (null before) */
  bookQuantity: z.number().int().nullable(),
  /** adjustment: quantity − bookQuantity once confirmed */
  difference: z.number().int().nullable(),
});

export const stockSlipDetail = stockSlipRow.extend({
  warehouseId: id,
  toWarehouseId: id.nullable(),
  supplierId: id.nullable(),
  supplierName: z.string().nullable(),
  departmentId: id.nullable(),
  departmentName: z.string().nullable(),
  workflowId: id.nullable(),
  workflowName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(stockSlipLineView),
});
export type StockSlipDetail = z.infer<typeof stockSlipDetail>;

export const stockSlipList = z.object({ rows: z.array(stockSlipRow), total: z.number().int() });

/** Result of 確定 / 確定取消: the slip and what it queued for BCart. */
export const stockSlipConfirmResult = z.object({
  slip: stockSlipDetail,
  /** outbox changes queued for 在庫反映 (0 when the 連携倉庫 is not involved) */
  queued: z.number().int(),
});
export type StockSlipConfirmResult = z.infer<typeof stockSlipConfirmResult>;
