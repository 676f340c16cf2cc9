/**
 * 売上伝票 (wholesale sales entered in the app, docs/sales-rules.md#life-cycle):
 * slips with lines and per-rate totals, the gap-free number sequence per 部門, and the per-customer
 * prices kept on the 取引先. Only src-main/core/sales/sales-repository.ts writes these tables.
 * Money is integer yen; dates are JST calendar dates.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';
import { departments, partners, products, taxClasses } from './masters';
import { invoices } from './slips';

/** 売上伝票 */
export const salesSlips = sqliteTable(
  'sales_slips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id),
    /** the 倉庫 it ships from */
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => partners.id),
    /** 売上日 = 出荷日 (JST) */
    date: text('date').notNull(),
    /** 税込: unit prices include tax and the tax is backed out per rate; 税抜: tax is added per rate */
    priceMode: text('price_mode', { enum: ['税込', '税抜'] }).notNull(),
    /** the customer's rounding when the tax was computed */
    taxRounding: text('tax_rounding', { enum: ['floor', 'ceil', 'round'] }).notNull(),
    status: text('status', { enum: ['draft', 'confirmed', 'cancelled'] }).notNull(),
    /** sequence within the 部門, taken at the first 確定 and kept for good */
    seq: integer('seq'),
    slipNo: text('slip_no'),
    memo: text('memo').notNull().default(''),
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    total: integer('total').notNull(),
    /** the 請求伝票 its 確定 created; null while not confirmed */
    invoiceId: integer('invoice_id').references(() => invoices.id),
    confirmedAt: text('confirmed_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sales_slips_dept_seq').on(t.departmentId, t.seq),
    uniqueIndex('sales_slips_invoice').on(t.invoiceId),
    index('sales_slips_date').on(t.date),
    index('sales_slips_customer').on(t.customerId),
    check('sales_slips_total', sql`${t.total} = ${t.net} + ${t.tax}`),
    check('sales_slips_numbered', sql`${t.status} = 'draft' or (${t.seq} is not null and ${t.slipNo} is not null)`),
  ],
);

export const salesSlipLines = sqliteTable(
  'sales_slip_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slipId: integer('slip_id')
      .notNull()
      .references(() => salesSlips.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** signed, in 計上単位; negative = 返品 */
    quantity: integer('quantity').notNull(),
    /** per 計上単位 as entered (tax-included on a 税込 slip) */
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    /** tax-excluded amount of the line; Σ per rate = the slip's net of that rate */
    netAmount: integer('net_amount').notNull(),
    taxClassId: integer('tax_class_id')
      .notNull()
      .references(() => taxClasses.id),
    taxRate: integer('tax_rate').notNull(),
  },
  (t) => [
    uniqueIndex('sales_slip_lines_no').on(t.slipId, t.lineNo),
    index('sales_slip_lines_product').on(t.productId),
    check('sales_slip_lines_qty', sql`${t.quantity} <> 0`),
  ],
);

/** Per-rate totals of a 売上伝票 (tax once per rate per slip). */
export const salesSlipTaxTotals = sqliteTable(
  'sales_slip_tax_totals',
  {
    slipId: integer('slip_id')
      .notNull()
      .references(() => salesSlips.id, { onDelete: 'cascade' }),
    rate: integer('rate').notNull(),
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    gross: integer('gross').notNull(),
  },
  (t) => [primaryKey({ columns: [t.slipId, t.rate] })],
);

/** The last number taken per 部門 (gap-free: only a 確定 advances it, inside its transaction). */
export const salesSlipNumbers = sqliteTable('sales_slip_numbers', {
  departmentId: integer('department_id')
    .primaryKey()
    .references(() => departments.id),
  lastSeq: integer('last_seq').notNull(),
});

/** 得意先別単価: a customer's own price of a product, used before the product's 単価. */
export const customerPrices = sqliteTable(
  'customer_prices',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** integer yen per 計上単位, in the customer's 税込/税抜 */
    unitPrice: integer('unit_price').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.customerId, t.productId] })],
);
