/**
 * Slips imported from BCart and the stock ledger. Every imported row keeps the BCart ids it came
 * from; UNIQUE constraints on (EC連携設定, BCart id) make a second import of the same shipment or
 * order impossible (docs/import-rules.md#idempotency), whatever the windows overlap. BCart ids are
 * unique per shop only: a second shop whose ids overlap imports beside the first.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';
import { ecSettings } from './ec-settings';
import { departments, partners, products, taxClasses, workflows } from './masters';

/**
 * The BCart member who bought (会員 id, 貴社独自会員ID, 会社名), kept beside the 得意先 of the
 * payment method: a card payment books to BC_CreditCard, but lists and analysis show the buyer.
 */
const bcartBuyer = {
  bcartMemberId: integer('bcart_member_id'),
  bcartMemberExtId: text('bcart_member_ext_id'),
  bcartMemberCompany: text('bcart_member_company'),
};

/**
 * One money basis (docs/glossary.md#money-basis): 税抜 / 消費税 / 税込 in integer yen, per line and
 * per slip, lines adding up to the slip exactly. `amount` / `total` stay as BCart priced them.
 * Null only on rows written before these columns existed and not filled yet.
 */
const moneyBasis = {
  netAmount: integer('net_amount'),
  taxAmount: integer('tax_amount'),
  grossAmount: integer('gross_amount'),
};

/** 出荷伝票 */
export const shipments = sqliteTable(
  'shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id').references(() => ecSettings.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => partners.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id),
    /** 出荷日 = BCart 発送日 (JST) */
    date: text('date').notNull(),
    workflowId: integer('workflow_id').references(() => workflows.id),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(true),
    amount: integer('amount').notNull(),
    ...moneyBasis,
    bcartOrderId: integer('bcart_order_id'),
    bcartOrderCode: text('bcart_order_code'),
    bcartLogisticsId: integer('bcart_logistics_id'),
    ...bcartBuyer,
    importRunId: integer('import_run_id'),
    /**
     * The BCart buyer (会員), which 売上分析 groups by: the 貴社独自会員ID, else "BC会員{id}"; null for
     * slips imported before it was kept. customer_id is the 得意先 billed (per 決済方法).
     */
    buyerCode: text('buyer_code'),
    buyerName: text('buyer_name'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('shipments_setting_bcart_logistics').on(t.ecSettingId, t.bcartLogisticsId),
    index('shipments_date').on(t.date),
    index('shipments_bcart_order').on(t.bcartOrderId),
  ],
);

export const shipmentLines = sqliteTable(
  'shipment_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shipmentId: integer('shipment_id')
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** in units (= BCart sets) */
    quantity: integer('quantity').notNull(),
    /** per unit (set), integer yen */
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    taxClassId: integer('tax_class_id')
      .notNull()
      .references(() => taxClasses.id),
    taxRate: integer('tax_rate').notNull(),
    taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull().default(false),
    ...moneyBasis,
    bcartOrderProductId: integer('bcart_order_product_id'),
    /** the shipment's EC連携設定, copied so a BCart line id is unique per shop (no FK: the shipment's holds) */
    ecSettingId: integer('ec_setting_id'),
  },
  (t) => [uniqueIndex('shipment_lines_no').on(t.shipmentId, t.lineNo), uniqueIndex('shipment_lines_setting_bcart').on(t.ecSettingId, t.bcartOrderProductId)],
);

/** 請求伝票: one per BCart order once fully shipped; amounts exactly as BCart charged. */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id').references(() => ecSettings.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id),
    date: text('date').notNull(),
    workflowId: integer('workflow_id').references(() => workflows.id),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(true),
    total: integer('total').notNull(),
    ...moneyBasis,
    bcartOrderId: integer('bcart_order_id'),
    bcartOrderCode: text('bcart_order_code'),
    ...bcartBuyer,
    importRunId: integer('import_run_id'),
    ...timestamps,
  },
  (t) => [uniqueIndex('invoices_setting_bcart_order').on(t.ecSettingId, t.bcartOrderId), index('invoices_date').on(t.date)],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    /** product / shipping / payment-fee / point */
    kind: text('kind').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    taxClassId: integer('tax_class_id')
      .notNull()
      .references(() => taxClasses.id),
    taxRate: integer('tax_rate').notNull(),
    taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull().default(false),
    ...moneyBasis,
  },
  (t) => [uniqueIndex('invoice_lines_no').on(t.invoiceId, t.lineNo)],
);

/** Per-rate totals of an invoice: BCart's figures, and the app's own tax (once per invoice per rate). */
export const invoiceTaxTotals = sqliteTable(
  'invoice_tax_totals',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    rate: integer('rate').notNull(),
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    gross: integer('gross').notNull(),
    appTax: integer('app_tax').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.rate] })],
);

/** 在庫元帳: stock is the sum of movements per warehouse and product. */
export const stockLedger = sqliteTable(
  'stock_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => partners.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** signed, in units */
    quantity: integer('quantity').notNull(),
    sourceType: text('source_type', { enum: ['shipment', 'receipt', 'transfer', 'opening', 'adjustment', 'sales'] }).notNull(),
    sourceId: integer('source_id').notNull(),
    date: text('date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('stock_ledger_wh_product').on(t.warehouseId, t.productId),
    // 確定取消 of a stock slip removes exactly its rows
    index('stock_ledger_source').on(t.sourceType, t.sourceId),
    check('stock_ledger_nonzero', sql`${t.quantity} <> 0`),
  ],
);
