/**
 * EC連携設定 (docs/glossary.md#settings-and-the-bcart-connection): one row per BCart shop, with the references the import needs,
 * the import cursor (出荷取込開始日) and the connection settings. Secrets are NOT here: tokens live
 * only in the TokenStore (safeStorage).
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';
import { bankAccounts, departments, partners, products, taxClasses, workflows } from './masters';

export const ecSettings = sqliteTable('ec_settings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** EC連携先: 'Bカート' today; kept open for more platforms */
  platform: text('platform').notNull().default('Bカート'),
  departmentId: integer('department_id').references(() => departments.id),
  warehouseId: integer('warehouse_id').references(() => partners.id),
  defaultCustomerId: integer('default_customer_id').references(() => partners.id),
  bankAccountId: integer('bank_account_id').references(() => bankAccounts.id),
  standardTaxClassId: integer('standard_tax_class_id').references(() => taxClasses.id),
  reducedTaxClassId: integer('reduced_tax_class_id').references(() => taxClasses.id),
  exemptTaxClassId: integer('exempt_tax_class_id').references(() => taxClasses.id),
  shippingFeeProductId: integer('shipping_fee_product_id').references(() => products.id),
  discountProductId: integer('discount_product_id').references(() => products.id),
  /** 出荷取込開始日: JST date; the import cursor by BCart 受注日 */
  importStartDate: text('import_start_date'),
  /** 商品連携区分: true = same product / SKU code as BCart's 品番 */
  productLinkSameCode: integer('product_link_same_code', { mode: 'boolean' }).notNull().default(true),
  shipmentWorkflowId: integer('shipment_workflow_id').references(() => workflows.id),
  invoiceWorkflowId: integer('invoice_workflow_id').references(() => workflows.id),
  /** BCart API base URL (the simulator's in demo mode) */
  apiBaseUrl: text('api_base_url').notNull().default('https://api.bcart.jp/api/v1'),
  oauthAuthorizeUrl: text('oauth_authorize_url'),
  oauthTokenUrl: text('oauth_token_url'),
  oauthClientId: text('oauth_client_id'),
  /** calls per sliding 300 s; BCart allows 300 for all apps of the shop together */
  rateBudget: integer('rate_budget').notNull().default(250),
  /** the app's own per-invoice per-rate tax rounding: floor / ceil / round */
  taxRounding: text('tax_rounding', { enum: ['floor', 'ceil', 'round'] }).notNull().default('floor'),
  /** JSON array of 対応状況 names that mean "cancelled" */
  cancelStatuses: text('cancel_statuses').notNull().default('["キャンセル"]'),
  ...timestamps,
});

/** 決済方法ごとの得意先: BCart payment display name → customer rule, per settings row. */
export const paymentRules = sqliteTable(
  'payment_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id')
      .notNull()
      .references(() => ecSettings.id, { onDelete: 'cascade' }),
    paymentName: text('payment_name').notNull(),
    /** customer: fixed code; member-ext-id: 貴社独自会員ID; unsupported: the order fails */
    ruleKind: text('rule_kind', { enum: ['customer', 'member-ext-id', 'unsupported'] }).notNull(),
    customerCode: text('customer_code'),
    ...timestamps,
  },
  (t) => [uniqueIndex('payment_rules_setting_name').on(t.ecSettingId, t.paymentName)],
);

/** EC連携商品: BCart set ↔ local product, used when 商品連携区分 is off. */
export const productLinks = sqliteTable(
  'product_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ecSettingId: integer('ec_setting_id')
      .notNull()
      .references(() => ecSettings.id, { onDelete: 'cascade' }),
    bcartSetId: integer('bcart_set_id').notNull(),
    bcartProductNo: text('bcart_product_no').notNull().default(''),
    bcartSetName: text('bcart_set_name').notNull().default(''),
    bcartJanCode: text('bcart_jan_code').notNull().default(''),
    bcartQuantity: integer('bcart_quantity'),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    ...timestamps,
  },
  // a product is linked to at most one set per setting: 在庫反映 and 在庫移行 need one set per product
  (t) => [uniqueIndex('product_links_setting_set').on(t.ecSettingId, t.bcartSetId), uniqueIndex('product_links_setting_product').on(t.ecSettingId, t.productId)],
);
