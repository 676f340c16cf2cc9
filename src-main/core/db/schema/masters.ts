/**
 * Masters (マスタ, docs/glossary.md#masters). Every master has a unique business code, a 確定 flag and
 * timestamps. Rates are integer percent; money is integer yen.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { confirmedColumn, timestamps } from './columns';

/** 部門 */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  confirmed: confirmedColumn(),
  ...timestamps,
});

/** 税区分: rate 10 / 8 / 0 with kind 標準 / 軽減 / 非課税 */
export const taxClasses = sqliteTable(
  'tax_classes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    rate: integer('rate').notNull(),
    kind: text('kind', { enum: ['標準', '軽減', '非課税'] }).notNull(),
    confirmed: confirmedColumn(),
    ...timestamps,
  },
  (t) => [check('tax_classes_rate_range', sql`${t.rate} between 0 and 100`)],
);

/** ワークフロー: stamped on slips; kind says which slips may use it */
export const workflows = sqliteTable('workflows', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['出荷', '請求', '入荷', '在庫移動'] }).notNull(),
  confirmed: confirmedColumn(),
  ...timestamps,
});

/** 取引先: 得意先 / 仕入先 / 納入先 / 倉庫 */
export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['得意先', '仕入先', '納入先', '倉庫'] }).notNull(),
    /** 請求区分 (customers): 個別請求 per shipment / 締請求 on a closing day */
    billingType: text('billing_type', { enum: ['個別', '締'] }),
    /** 締日 1–31 (31 = 末日) when billingType = 締 */
    closingDay: integer('closing_day'),
    /** 税込 / 税抜 display on documents */
    taxDisplay: text('tax_display', { enum: ['税込', '税抜'] }),
    // Recipient on a 請求書 and billing terms (docs/receivables-rules.md); billing terms are null
    // for non-customers. 回収サイト = collectMonths after the closing (or invoice) month, on collectDay (31 = 末日).
    postalCode: text('postal_code'),
    address1: text('address1'),
    address2: text('address2'),
    phone: text('phone'),
    contactName: text('contact_name'),
    /** the customer's own 適格請求書発行事業者登録番号, T + 13 digits */
    registrationNumber: text('registration_number'),
    collectMonths: integer('collect_months'),
    collectDay: integer('collect_day'),
    /** a due date on a bank holiday moves to the business day before / after */
    holidayShift: text('holiday_shift', { enum: ['前営業日', '翌営業日'] }),
    /** 消費税計算単位: 伝票単位 keeps each invoice's tax as charged; 請求単位 recomputes it per statement */
    taxUnit: text('tax_unit', { enum: ['伝票単位', '請求単位'] }),
    taxRounding: text('tax_rounding', { enum: ['切り捨て', '切り上げ', '四捨五入'] }),
    /** 請求書を発行しない (入金管理のみ): payment-service customers get 入金予定 and 消込, no statement */
    noStatement: integer('no_statement', { mode: 'boolean' }),
    /** 期首売掛金残高, integer yen: the first statement's 前回請求額 */
    openingBalance: integer('opening_balance'),
    confirmed: confirmedColumn(),
    ...timestamps,
  },
  (t) => [index('partners_kind').on(t.kind)],
);

/** 商品: one unit = one BCart set (計上単位 = 入数) */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    /** 枝番(横) colour etc., '' when none */
    variationH: text('variation_h').notNull().default(''),
    /** 枝番(縦) size etc., '' when none */
    variationV: text('variation_v').notNull().default(''),
    /** what BCart's 品番 matches when 商品連携区分 is on; the product code when empty */
    skuCode: text('sku_code'),
    name: text('name').notNull(),
    /** 計上単位: pieces per unit */
    unitQuantity: integer('unit_quantity').notNull().default(1),
    /** 棚卸対象 */
    inventoryTracked: integer('inventory_tracked', { mode: 'boolean' }).notNull().default(true),
    taxClassId: integer('tax_class_id').references(() => taxClasses.id),
    /** default unit price, integer yen */
    unitPrice: integer('unit_price').notNull().default(0),
    janCode: text('jan_code'),
    confirmed: confirmedColumn(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('products_code_variation').on(t.code, t.variationH, t.variationV),
    uniqueIndex('products_sku_code').on(t.skuCode),
    index('products_name').on(t.name),
  ],
);

/** 請求口座 */
export const bankAccounts = sqliteTable('bank_accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  bankName: text('bank_name').notNull(),
  branchName: text('branch_name').notNull(),
  accountType: text('account_type', { enum: ['普通', '当座', '貯蓄'] }).notNull(),
  accountNumber: text('account_number').notNull(),
  holder: text('holder').notNull(),
  confirmed: confirmedColumn(),
  ...timestamps,
});
