/**
 * Reads what one 出荷取込処理 run needs from the local books (EC連携設定, confirmed 得意先, the
 * 決済方法ごとの得意先 table, confirmed products or EC連携商品, and which BCart ids were already
 * imported) into the plain ImportMasters snapshot the pure mapping takes. Read-only.
 */
import { AppError } from '../../../src-shared/errors';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import type { SqliteDb } from '../db/open';
import { paymentRuleMap, type ImportMasters, type ImportSettings, type LocalCustomer, type LocalProduct, type PaymentRule } from './mapping';

/** The ec_settings row as the import reads it. */
export interface EcSettingRow {
  id: number;
  name: string;
  apiBaseUrl: string;
  rateBudget: number;
  importStartDate: string | null;
  /** what the credentials are bound to (token-key.ts) */
  oauth: { apiBaseUrl: string; oauthAuthorizeUrl: string | null; oauthTokenUrl: string | null; oauthClientId: string | null };
  settings: ImportSettings;
}

/** Ids restricting the "already imported" sets to the orders at hand (keeps big books cheap). */
export interface ImportScope {
  logisticsIds: readonly number[];
  orderIds: readonly number[];
}

const REQUIRED: [column: string, label: string][] = [
  ['department_id', '連携部門'],
  ['warehouse_id', '連携倉庫'],
  ['standard_tax_class_id', '標準税区分'],
  ['reduced_tax_class_id', '軽減税区分'],
  ['exempt_tax_class_id', '非課税税区分'],
  ['shipping_fee_product_id', '送料・手数料'],
  ['discount_product_id', '値引・ポイント'],
  ['shipment_workflow_id', '出荷ワークフロー'],
  ['invoice_workflow_id', '請求ワークフロー'],
  ['import_start_date', '出荷取込開始日'],
];

/** Reads one EC連携設定; NOT_FOUND / SETTINGS_INVALID (naming every missing field) otherwise. */
export function loadEcSetting(db: SqliteDb, settingId: number): EcSettingRow {
  const row = db.prepare('select * from ec_settings where id = ?').get(settingId) as Record<string, unknown> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `EC連携設定 (ID ${settingId}) が見つかりません。EC連携設定の画面で設定を作成してください。`);
  const missing = REQUIRED.filter(([c]) => row[c] === null || row[c] === undefined || row[c] === '').map(([, l]) => l);
  if (missing.length > 0) {
    throw new AppError(
      'SETTINGS_INVALID',
      `EC連携設定「${String(row['name'])}」の ${missing.join('・')} が未設定のため出荷取込処理を実行できません。EC連携設定の画面で入力して保存してください。`,
      { details: { missing } },
    );
  }
  const defaultCustomer = row['default_customer_id']
    ? (db.prepare('select code from partners where id = ?').get(row['default_customer_id']) as { code: string } | undefined)
    : undefined;
  let cancelStatuses: string[] = ['キャンセル'];
  try {
    const parsed = JSON.parse(String(row['cancel_statuses'])) as unknown;
    if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string')) cancelStatuses = parsed;
  } catch {
    /* keep the default: a broken value must not make cancelled orders importable */
  }
  const num = (c: string): number => Number(row[c]);
  return {
    id: settingId,
    name: String(row['name']),
    apiBaseUrl: String(row['api_base_url']),
    rateBudget: num('rate_budget'),
    importStartDate: row['import_start_date'] as string | null,
    oauth: {
      apiBaseUrl: String(row['api_base_url']),
      oauthAuthorizeUrl: (row['oauth_authorize_url'] as string | null) || null,
      oauthTokenUrl: (row['oauth_token_url'] as string | null) || null,
      oauthClientId: (row['oauth_client_id'] as string | null) || null,
    },
    settings: {
      departmentId: num('department_id'),
      warehouseId: num('warehouse_id'),
      defaultCustomerCode: defaultCustomer?.code ?? null,
      standardTaxClassId: num('standard_tax_class_id'),
      reducedTaxClassId: num('reduced_tax_class_id'),
      exemptTaxClassId: num('exempt_tax_class_id'),
      shippingFeeProductId: num('shipping_fee_product_id'),
      discountProductId: num('discount_product_id'),
      productLinkMode: row['product_link_same_code'] ? 'same-code' : 'mapping',
      shipmentWorkflowId: num('shipment_workflow_id'),
      invoiceWorkflowId: num('invoice_workflow_id'),
      taxRounding: String(row['tax_rounding']) as RoundingMode,
      cancelStatuses,
    },
  };
}

interface ProductRow {
  id: number;
  code: string;
  sku_code: string | null;
  name: string;
  unit_quantity: number;
  inventory_tracked: number;
}

const toProduct = (r: ProductRow): LocalProduct => ({
  id: r.id,
  code: r.code,
  skuCode: r.sku_code,
  name: r.name,
  unitQuantity: r.unit_quantity,
  inventoryTracked: r.inventory_tracked === 1,
});

/** Runs `sql` (with one `(?…)` list placeholder written as `IN_LIST`) over ids in chunks. */
function selectIn<T>(db: SqliteDb, sql: string, ids: readonly number[], leading: unknown[] = []): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const stmt = db.prepare(sql.replace('IN_LIST', `(${chunk.map(() => '?').join(',')})`));
    out.push(...(stmt.all(...leading, ...chunk) as T[]));
  }
  return out;
}

/**
 * The snapshot for one run of EC連携設定 `settingId`. With `scope`, the already-imported sets only
 * hold ids of the orders at hand (the mapping only asks about those).
 */
export function loadImportMasters(db: SqliteDb, settingId: number, scope?: ImportScope): ImportMasters {
  const setting = loadEcSetting(db, settingId);
  const customers = db
    .prepare("select id, code, name from partners where kind = '得意先' and confirmed = 1")
    .all() as LocalCustomer[];
  const rules = db
    .prepare('select payment_name, rule_kind, customer_code from payment_rules where ec_setting_id = ?')
    .all(settingId) as { payment_name: string; rule_kind: PaymentRule['kind']; customer_code: string | null }[];
  const paymentRules = new Map<string, PaymentRule>();
  for (const r of rules) {
    const rule: PaymentRule =
      r.rule_kind === 'customer' ? { kind: 'customer', customerCode: r.customer_code ?? '' } : { kind: r.rule_kind };
    paymentRules.set(r.payment_name.trim(), rule);
  }
  // A setting saved before its 決済方法ごとの得意先 table was filled uses the manual's list.
  if (paymentRules.size === 0) for (const [k, v] of paymentRuleMap()) paymentRules.set(k, v);
  const products = db
    .prepare('select id, code, sku_code, name, unit_quantity, inventory_tracked from products where confirmed = 1')
    .all() as ProductRow[];
  const productsByCode = new Map<string, LocalProduct>();
  for (const p of products) {
    const key = p.sku_code !== null && p.sku_code !== '' ? p.sku_code : p.code;
    if (!productsByCode.has(key)) productsByCode.set(key, toProduct(p));
  }
  const links = db
    .prepare(
      `select l.bcart_set_id, p.id, p.code, p.sku_code, p.name, p.unit_quantity, p.inventory_tracked
         from product_links l join products p on p.id = l.product_id
        where l.ec_setting_id = ? and p.confirmed = 1`,
    )
    .all(settingId) as (ProductRow & { bcart_set_id: number })[];
  const productsBySetId = new Map(links.map((l) => [l.bcart_set_id, toProduct(l)]));

  const logistics = scope
    ? selectIn<{ v: number }>(db, 'select bcart_logistics_id as v from shipments where bcart_logistics_id in IN_LIST', scope.logisticsIds)
    : (db.prepare('select bcart_logistics_id as v from shipments where bcart_logistics_id is not null').all() as { v: number }[]);
  const invoiced = scope
    ? selectIn<{ v: number }>(db, 'select bcart_order_id as v from invoices where bcart_order_id in IN_LIST', scope.orderIds)
    : (db.prepare('select bcart_order_id as v from invoices where bcart_order_id is not null').all() as { v: number }[]);

  return {
    settings: setting.settings,
    customersByCode: new Map(customers.map((c) => [c.code, c])),
    paymentRules,
    productsByCode,
    productsBySetId,
    alreadyImportedLogisticsIds: new Set(logistics.map((r) => r.v)),
    alreadyInvoicedOrderIds: new Set(invoiced.map((r) => r.v)),
  };
}
