/** 在庫一覧 (stock per warehouse × product) and its drill-down to the ledger movements. */
import { z } from 'zod';

const id = z.number().int().positive();

export const stockListInput = z
  .object({
    warehouseId: id.optional(),
    /** 商品コード / SKU / 商品名 (partial) */
    search: z.string().max(100).optional(),
    /** hide rows whose quantity is 0 */
    nonZero: z.boolean().optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
  })
  .strict();
export type StockListInput = z.infer<typeof stockListInput>;

export const stockRow = z.object({
  warehouseId: id,
  warehouseCode: z.string(),
  warehouseName: z.string(),
  productId: id,
  productCode: z.string(),
  skuCode: z.string().nullable(),
  productName: z.string(),
  quantity: z.number().int(),
});
export type StockRow = z.infer<typeof stockRow>;

export const stockList = z.object({
  rows: z.array(stockRow),
  total: z.number().int(),
  /** Σ quantity of the rows shown, per warehouse and overall */
  totals: z.object({
    quantity: z.number().int(),
    byWarehouse: z.array(z.object({ warehouseId: id, warehouseCode: z.string(), quantity: z.number().int() })),
  }),
});

export const MOVEMENT_SOURCES = ['shipment', 'receipt', 'transfer', 'opening', 'adjustment'] as const;
export const MOVEMENT_LABELS: Record<(typeof MOVEMENT_SOURCES)[number], string> = {
  shipment: '出荷伝票',
  receipt: '入荷伝票',
  transfer: '在庫移動伝票',
  opening: '在庫移行',
  adjustment: '棚卸調整',
};

export const movementsInput = z.object({ warehouseId: id, productId: id, limit: z.number().int().min(1).max(100_000).optional() }).strict();

export const movementRow = z.object({
  id,
  date: z.string(),
  sourceType: z.enum(MOVEMENT_SOURCES),
  sourceId: z.number().int(),
  quantity: z.number().int(),
  /** stock after this movement (running total in date, id order) */
  balance: z.number().int(),
});
export type MovementRow = z.infer<typeof movementRow>;

export const movementList = z.object({ rows: z.array(movementRow), quantity: z.number().int() });
