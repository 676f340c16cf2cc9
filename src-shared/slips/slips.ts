/**
 * 出荷伝票 / 請求伝票 as the list and detail screens show them, with the BCart ids they came from.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const yen = z.number().int();

export const slipListInput = z
  .object({
    /** JST dates, inclusive */
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** 受注番号, 得意先コード / 名 or the buyer's 貴社独自会員ID / 会社名 (partial) */
    search: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

export const slipIdInput = z.object({ id }).strict();

/** One money basis (docs/glossary.md#money-basis): 税抜 / 消費税 / 税込; null only on old slips not filled yet */
const money = {
  netAmount: yen.nullable(),
  taxAmount: yen.nullable(),
  grossAmount: yen.nullable(),
};

const bcartIds = {
  bcartOrderId: z.number().int().nullable(),
  bcartOrderCode: z.string().nullable(),
  /** the BCart member who bought (会員 id, 貴社独自会員ID, 会社名); null on slips not from BCart */
  buyerMemberId: z.number().int().nullable(),
  buyerExtId: z.string().nullable(),
  buyerCompany: z.string().nullable(),
};

export const shipmentRow = z.object({
  id,
  date: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  amount: yen,
  ...money,
  confirmed: z.boolean(),
  ...bcartIds,
  bcartLogisticsId: z.number().int().nullable(),
  importRunId: z.number().int().nullable(),
});

export const invoiceRow = z.object({
  id,
  date: z.string(),
  customerCode: z.string(),
  customerName: z.string(),
  total: yen,
  ...money,
  confirmed: z.boolean(),
  ...bcartIds,
  importRunId: z.number().int().nullable(),
});

const slipLine = z.object({
  lineNo: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  unitPrice: yen,
  amount: yen,
  taxRate: z.number().int(),
  taxClassName: z.string(),
  taxIncluded: z.boolean(),
  ...money,
});

export const shipmentDetail = shipmentRow.extend({
  departmentName: z.string(),
  warehouseName: z.string(),
  workflowName: z.string().nullable(),
  lines: z.array(slipLine.extend({ bcartOrderProductId: z.number().int().nullable() })),
  /** 請求伝票 of the same BCart order, once it exists */
  invoiceId: z.number().int().nullable(),
});

export const invoiceDetail = invoiceRow.extend({
  departmentName: z.string(),
  workflowName: z.string().nullable(),
  lines: z.array(slipLine.extend({ kind: z.string() })),
  /** BCart's per-rate totals and the app's own tax (once per invoice per rate) */
  taxTotals: z.array(z.object({ rate: z.number().int(), net: yen, tax: yen, gross: yen, appTax: yen })),
  /** 出荷伝票 of the same order with their BCart logistics ids */
  shipments: z.array(z.object({ id, date: z.string(), amount: yen, bcartLogisticsId: z.number().int().nullable() })),
});

export const shipmentList = z.object({ rows: z.array(shipmentRow), total: z.number().int() });
export const invoiceList = z.object({ rows: z.array(invoiceRow), total: z.number().int() });
export type ShipmentRowView = z.infer<typeof shipmentRow>;
export type InvoiceRowView = z.infer<typeof invoiceRow>;
export type ShipmentDetailView = z.infer<typeof shipmentDetail>;
export type InvoiceDetailView = z.infer<typeof invoiceDetail>;
