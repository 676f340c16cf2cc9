/**
 * 定期申込 and the one-time 消費税自動更新 (docs/tax-rules.md#re-rating-in-the-tax-update). Rates are data
 * (rate_change_events); one active (not restored) run per event, UNIQUE at the database level, makes a
 * second run impossible; a restore undoes its run and lets the event run again.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';

export const rateChangeEvents = sqliteTable('rate_change_events', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  effectiveDate: text('effective_date').notNull(),
  oldStandard: integer('old_standard').notNull(),
  newStandard: integer('new_standard').notNull(),
  oldReduced: integer('old_reduced').notNull(),
  newReduced: integer('new_reduced').notNull(),
  createdAt: text('created_at').notNull(),
});

export const subscriptionApplications = sqliteTable(
  'subscription_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 申込コード */
    code: text('code').notNull().unique(),
    customerCode: text('customer_code').notNull(),
    status: text('status', { enum: ['継続中', '停止', '解約'] }).notNull(),
    /** 受注処理済: the next order was already processed */
    orderProcessed: integer('order_processed', { mode: 'boolean' }).notNull().default(false),
    standardRate: integer('standard_rate').notNull(),
    reducedRate: integer('reduced_rate').notNull(),
    /**
     * 販売価格 (初回 / 通常回 / 最終回, tax included, options in; src-shared/tax-update/sale-price.ts):
     * written with every import or edit (切り捨て) and by the tax update (its 算出設定); rows from
     * before these columns existed get them once at start (subscriptions/sale-price-upgrade.ts).
     * Null only when a total is beyond a safe integer.
     */
    saleFirst: integer('sale_first'),
    saleRegular: integer('sale_regular'),
    saleLast: integer('sale_last'),
    ...timestamps,
  },
  (t) => [index('subscription_applications_status').on(t.status, t.standardRate)],
);

export const subscriptionItems = sqliteTable(
  'subscription_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => subscriptionApplications.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productCode: text('product_code').notNull(),
    variationH: text('variation_h').notNull().default(''),
    variationV: text('variation_v').notNull().default(''),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    firstPrice: integer('first_price').notNull(),
    regularPrice: integer('regular_price').notNull(),
    lastPrice: integer('last_price').notNull(),
    taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull(),
    taxRateType: text('tax_rate_type', { enum: ['標準', '軽減'] }).notNull(),
  },
  (t) => [uniqueIndex('subscription_items_line').on(t.applicationId, t.lineNo)],
);

export const subscriptionOptions = sqliteTable(
  'subscription_options',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => subscriptionItems.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    name: text('name').notNull(),
    /** may be negative */
    price: integer('price').notNull(),
    taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull(),
    taxRateType: text('tax_rate_type', { enum: ['標準', '軽減'] }).notNull(),
  },
  (t) => [uniqueIndex('subscription_options_line').on(t.itemId, t.lineNo)],
);

/**
 * The one-time run per rate change: UNIQUE(event_id) over the runs not restored refuses a second run
 * even on a double click; a restored run (an explicit undo) leaves the event free to run again.
 */
export const taxUpdateRuns = sqliteTable(
  'tax_update_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rateEventId: text('rate_event_id')
      .notNull()
      .references(() => rateChangeEvents.id),
    rounding: text('rounding', { enum: ['floor', 'ceil', 'round'] }).notNull(),
    targets: integer('targets').notNull(),
    changedApplications: integer('changed_applications').notNull(),
    changedPrices: integer('changed_prices').notNull(),
    backupFile: text('backup_file'),
    executedAt: text('executed_at').notNull(),
    restoredAt: text('restored_at'),
  },
  (t) => [uniqueIndex('tax_update_runs_event_active').on(t.rateEventId).where(sql`restored_at is null`)],
);

export const taxUpdateChanges = sqliteTable(
  'tax_update_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => taxUpdateRuns.id, { onDelete: 'cascade' }),
    applicationCode: text('application_code').notNull(),
    productCode: text('product_code').notNull(),
    variation: text('variation').notNull(),
    field: text('field').notNull(),
    optionName: text('option_name'),
    oldValue: text('old_value').notNull(),
    newValue: text('new_value').notNull(),
  },
  (t) => [index('tax_update_changes_run').on(t.runId)],
);

/** 管理者ログ: who did what to the books outside the normal slips (tax update, restore, store mode). */
export const adminLogs = sqliteTable('admin_logs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  action: text('action').notNull(),
  message: text('message').notNull(),
  createdAt: text('created_at').notNull(),
});
