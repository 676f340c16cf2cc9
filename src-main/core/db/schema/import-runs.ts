/**
 * 出荷取込処理 bookkeeping: the import history, the システムログ entries of each run, and the
 * watch list of orders from processed windows that are not fully shipped yet (docs/import-rules.md#watch-list).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ecSettings } from './ec-settings';

export const importRuns = sqliteTable(
  'import_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id').references(() => ecSettings.id),
    /** manual / schedule / tray / cli */
    trigger: text('trigger').notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull().default(false),
    windowFrom: text('window_from'),
    windowTo: text('window_to'),
    status: text('status', { enum: ['running', 'succeeded', 'failed', 'cancelled'] }).notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    ordersFetched: integer('orders_fetched').notNull().default(0),
    shipmentsCreated: integer('shipments_created').notNull().default(0),
    invoicesCreated: integer('invoices_created').notNull().default(0),
    amount: integer('amount').notNull().default(0),
    apiCalls: integer('api_calls').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    message: text('message'),
  },
  (t) => [index('import_runs_setting').on(t.ecSettingId, t.id)],
);

/** システムログ */
export const systemLogs = sqliteTable(
  'system_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id'),
    /** import / schedule / stock / tax-update / system */
    source: text('source').notNull(),
    level: text('level', { enum: ['info', 'warn', 'error'] }).notNull(),
    orderCode: text('order_code'),
    code: text('code'),
    message: text('message').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('system_logs_run').on(t.runId), index('system_logs_level').on(t.level, t.id)],
);

/** Orders of processed windows not fully shipped yet: re-checked by every run until shipped or cancelled. */
export const importWatch = sqliteTable(
  'import_watch',
  {
    ecSettingId: integer('ec_setting_id')
      .notNull()
      .references(() => ecSettings.id, { onDelete: 'cascade' }),
    bcartOrderId: integer('bcart_order_id').notNull(),
    bcartOrderCode: text('bcart_order_code').notNull(),
    reason: text('reason').notNull(),
    firstSeenRunId: integer('first_seen_run_id'),
    lastCheckedAt: text('last_checked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ecSettingId, t.bcartOrderId] })],
);

/**
 * 要確認: orders the import booked (or could not book) in a way a clerk must look at
 * (docs/import-rules.md#review-list). One row per order and reason, ever: a dismissed or settled
 * row is never reopened by the re-read of the same order.
 */
export const importReviews = sqliteTable(
  'import_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id')
      .notNull()
      .references(() => ecSettings.id, { onDelete: 'cascade' }),
    bcartOrderId: integer('bcart_order_id').notNull(),
    bcartOrderCode: text('bcart_order_code').notNull(),
    /** RATE_TOTAL_MISMATCH / CANCELLED_AFTER_PARTIAL_SHIPMENT */
    reason: text('reason').notNull(),
    /** the Japanese problem text of the run that found it */
    message: text('message').notNull(),
    /** ISO-8601 +09:00: when the run that found it wrote */
    since: text('since').notNull(),
    runId: integer('run_id'),
    /** null = open; invoiced = 請求伝票 created for the shipped part; dismissed = closed with a note */
    resolution: text('resolution', { enum: ['invoiced', 'dismissed'] }),
    resolutionNote: text('resolution_note'),
    resolvedAt: text('resolved_at'),
    invoiceId: integer('invoice_id'),
  },
  (t) => [uniqueIndex('import_reviews_order_reason').on(t.ecSettingId, t.bcartOrderId, t.reason), index('import_reviews_open').on(t.resolution, t.since)],
);
