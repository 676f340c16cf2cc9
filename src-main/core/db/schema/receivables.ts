/**
 * 売掛管理 (docs/receivables-rules.md): 自社情報, 請求書 (statements) with their invoices and per-rate
 * tax rows, 入金伝票 (payments) and 消込 (allocations). Only src-main/core/receivables/*-repository.ts
 * writes these tables. Money is integer yen; dates are JST calendar dates.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';
import { bankAccounts, partners } from './masters';
import { invoices } from './slips';

/** 自社情報: a single row (id 1). */
export const companyInfo = sqliteTable(
  'company_info',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    postalCode: text('postal_code'),
    address1: text('address1'),
    address2: text('address2'),
    phone: text('phone'),
    /** 適格請求書発行事業者登録番号 (T + 13 digits); null → plain 請求書 */
    registrationNumber: text('registration_number'),
    ...timestamps,
  },
  (t) => [check('company_info_single_row', sql`${t.id} = 1`)],
);

/** 請求口座 printed as 振込先, in order. */
export const companyBankAccounts = sqliteTable('company_bank_accounts', {
  bankAccountId: integer('bank_account_id')
    .primaryKey()
    .references(() => bankAccounts.id),
  sortOrder: integer('sort_order').notNull(),
});

/** 請求書: one per closing period (締) or per invoice (個別). */
export const statements = sqliteTable(
  'statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id),
    kind: text('kind', { enum: ['締', '個別'] }).notNull(),
    /** 締日 of the period (締) / the invoice date (個別) */
    closingDate: text('closing_date').notNull(),
    periodFrom: text('period_from').notNull(),
    /** the 締日 on the 取引先 at this closing: it governs the next period (a change of 締日 starts with the next period) */
    closingDay: integer('closing_day'),
    /** 前回請求額 */
    previous: integer('previous').notNull(),
    /** 今回入金額 (every receipt kind) */
    received: integer('received').notNull(),
    /** 繰越金額 = previous − received */
    carriedOver: integer('carried_over').notNull(),
    salesNet: integer('sales_net').notNull(),
    salesTax: integer('sales_tax').notNull(),
    /** 今回売上(税込) */
    salesTotal: integer('sales_total').notNull(),
    /** 消費税調整 (請求単位): statement tax − Σ invoice tax; an open item of its own */
    taxAdjustment: integer('tax_adjustment').notNull().default(0),
    /** 今回請求額 = carriedOver + salesTotal */
    total: integer('total').notNull(),
    /** 入金予定日 */
    dueDate: text('due_date').notNull(),
    taxUnit: text('tax_unit', { enum: ['伝票単位', '請求単位'] }).notNull(),
    taxRounding: text('tax_rounding', { enum: ['切り捨て', '切り上げ', '四捨五入'] }).notNull(),
    /** 要確認: it bills an invoice dated inside an earlier, already closed period */
    needsReview: integer('needs_review', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('statements_customer_date').on(t.customerId, t.closingDate),
    index('statements_closing_date').on(t.closingDate),
    check('statements_total', sql`${t.total} = ${t.carriedOver} + ${t.salesTotal}`),
    check('statements_carried', sql`${t.carriedOver} = ${t.previous} - ${t.received}`),
  ],
);

/** The invoices a statement bills; an invoice is billed at most once. */
export const statementInvoices = sqliteTable(
  'statement_invoices',
  {
    statementId: integer('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** dated inside an earlier closed period (arrived after that closing) */
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.invoiceId] }), uniqueIndex('statement_invoices_invoice').on(t.invoiceId)],
);

/** 今回売上 per rate: net, tax as billed, and Σ of the invoices' own tax (the difference is the 消費税調整). */
export const statementTaxRows = sqliteTable(
  'statement_tax_rows',
  {
    statementId: integer('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    rate: integer('rate').notNull(),
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    invoiceTax: integer('invoice_tax').notNull(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.rate] })],
);

/** 入金伝票. Confirmed on entry; 確定取消 removes its 消込 and it stops counting as received. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id),
    date: text('date').notNull(),
    /** Σ lines (deposit + fee …) */
    total: integer('total').notNull(),
    memo: text('memo'),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(true),
    /** the 締 statement whose 今回入金額 includes it */
    statementId: integer('statement_id').references(() => statements.id),
    ...timestamps,
  },
  (t) => [index('payments_customer_date').on(t.customerId, t.date), check('payments_total_positive', sql`${t.total} > 0`)],
);

/** Lines of a 入金伝票: 振込 / 現金 / 手形 / 相殺 / 振込手数料 … */
export const paymentLines = sqliteTable(
  'payment_lines',
  {
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    kind: text('kind').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paymentId, t.lineNo] }), check('payment_lines_amount_positive', sql`${t.amount} > 0`)],
);

/**
 * 消込: `amount` of a credit (a payment, or a negative invoice / 消費税調整 / 期首残高) applied to a
 * debit (a positive invoice / 消費税調整 / 期首残高). Ids point to payments, invoices, statements
 * (adjustment) or partners (opening) by kind.
 */
export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => partners.id),
    creditKind: text('credit_kind', { enum: ['payment', 'invoice', 'adjustment', 'opening'] }).notNull(),
    creditId: integer('credit_id').notNull(),
    debitKind: text('debit_kind', { enum: ['invoice', 'adjustment', 'opening'] }).notNull(),
    debitId: integer('debit_id').notNull(),
    amount: integer('amount').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('allocations_credit').on(t.creditKind, t.creditId),
    index('allocations_debit').on(t.debitKind, t.debitId),
    index('allocations_customer').on(t.customerId),
    check('allocations_amount_positive', sql`${t.amount} > 0`),
  ],
);
