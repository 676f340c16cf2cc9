/**
 * 在庫 (docs/stock-rules.md): stock slips (入荷伝票 / 在庫移動伝票 / 棚卸調整, one id space), the
 * durable outbox of relative stock changes for BCart (在庫反映), the per-setting stock options and
 * the one-time 在庫移行 record. Local stock itself is the ledger in slips.ts (stock_ledger).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { confirmedColumn, timestamps } from './columns';
import { ecSettings } from './ec-settings';
import { departments, partners, products, workflows } from './masters';

/** 入荷伝票 (receipt) / 在庫移動伝票 (transfer) / 棚卸調整 (adjustment) */
export const stockSlips = sqliteTable(
  'stock_slips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['receipt', 'transfer', 'adjustment'] }).notNull(),
    /** 入荷日 / 移動日 / 棚卸日 (JST) */
    date: text('date').notNull(),
    /** receipt: 入荷先, transfer: 移動元, adjustment: 棚卸した倉庫 */
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => partners.id),
    /** transfer: 移動先 */
    toWarehouseId: integer('to_warehouse_id').references(() => partners.id),
    /** receipt: 仕入先 (optional) */
    supplierId: integer('supplier_id').references(() => partners.id),
    departmentId: integer('department_id').references(() => departments.id),
    workflowId: integer('workflow_id').references(() => workflows.id),
    memo: text('memo').notNull().default(''),
    confirmed: confirmedColumn(),
    confirmedAt: text('confirmed_at'),
    ...timestamps,
  },
  (t) => [
    index('stock_slips_date').on(t.date),
    index('stock_slips_kind').on(t.kind, t.id),
    check('stock_slips_transfer_to', sql`(${t.kind} = 'transfer') = (${t.toWarehouseId} is not null)`),
  ],
);

export const stockSlipLines = sqliteTable(
  'stock_slip_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slipId: integer('slip_id')
      .notNull()
      .references(() => stockSlips.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** receipt / transfer: units moved (> 0); adjustment: units counted (≥ 0), in 計上単位 */
    quantity: integer('quantity').notNull(),
    /** adjustment only: the book stock when it was confirmed (difference = quantity − bookQuantity) */
    bookQuantity: integer('book_quantity'),
  },
  (t) => [
    uniqueIndex('stock_slip_lines_no').on(t.slipId, t.lineNo),
    index('stock_slip_lines_product').on(t.productId),
    check('stock_slip_lines_qty', sql`${t.quantity} >= 0`),
  ],
);

/**
 * 在庫反映 outbox: one row per (setting, product) change to send as "+N" / "+-N". Written in the same
 * transaction as the 確定 / 確定取消 that caused it; pending rows of a product are merged. The
 * pusher's protocol (status, stock_before, claim_id) is described in core/stock/pusher.ts.
 */
export const stockOutbox = sqliteTable(
  'stock_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id')
      .notNull()
      .references(() => ecSettings.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** BCart 品番 of the linked set (EC連携商品, or the SKU / product code when 商品連携区分 is on) */
    productNo: text('product_no').notNull(),
    /** BCart set id; null until the pusher resolved the 品番 */
    setId: integer('set_id'),
    /** signed change in units (= sets) */
    delta: integer('delta').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'ambiguous', 'excluded', 'resolved'] }).notNull(),
    /** Japanese: why failed / ambiguous / excluded, or how it was resolved */
    reason: text('reason'),
    attempts: integer('attempts').notNull().default(0),
    /** ISO; a pending row is not sent before this (backoff) */
    nextAttemptAt: text('next_attempt_at'),
    /** the X-Request-Id of the send in flight / last sent */
    claimId: text('claim_id'),
    /** BCart stock read just before the send (null: not read yet = surely not sent) */
    stockBefore: integer('stock_before'),
    stockAfter: integer('stock_after'),
    /** ISO time of the read before sending: orders from then on make an unknown outcome ambiguous */
    readAt: text('read_at'),
    /** JSON [{kind, slipId, delta}] of what made this change */
    sources: text('sources').notNull().default('[]'),
    sentAt: text('sent_at'),
    ...timestamps,
  },
  (t) => [
    index('stock_outbox_setting_status').on(t.ecSettingId, t.status, t.id),
    // enqueue finds the product's waiting row per change
    index('stock_outbox_setting_product').on(t.ecSettingId, t.productId, t.status),
    index('stock_outbox_claim').on(t.claimId),
  ],
);

/** Stock options of an EC連携設定. */
export const stockSettings = sqliteTable('stock_settings', {
  ecSettingId: integer('ec_setting_id')
    .primaryKey()
    .references(() => ecSettings.id),
  /** write route: bulk PATCH /product_sets by set id (default) or PATCH /product_stock by 品番 */
  pushRoute: text('push_route', { enum: ['product_sets', 'product_stock'] })
    .notNull()
    .default('product_sets'),
  updatedAt: text('updated_at').notNull(),
});

/** 在庫移行: done once per EC連携設定 (UNIQUE refuses a second apply). */
export const stockMigrations = sqliteTable(
  'stock_migrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id')
      .notNull()
      .references(() => ecSettings.id),
    date: text('date').notNull(),
    /** opening ledger rows written */
    rows: integer('rows').notNull(),
    appliedAt: text('applied_at').notNull(),
  },
  (t) => [uniqueIndex('stock_migrations_setting').on(t.ecSettingId)],
);
