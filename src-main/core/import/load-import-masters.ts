/**
 * Reads what one 出荷取込処理 run needs from the local books (EC連携設定, confirmed 得意先, the
 * 決済方法ごとの得意先 table, confirmed products or EC連携商品, and which BCart ids were already
 * imported) into the plain ImportMasters snapshot the pure mapping takes. Read-only.
 */
import { AppError } from '../../../src-shared/errors';
import { parseCancelStatuses, type EcSettingRecord } from '../ec-settings/ec-setting-repository';
import type { Repositories } from '../repositories';
import { customerIndex } from './mapping/customer-index';
import { paymentRuleMap, type ImportMasters, type ImportSettings, type LocalProduct, type PaymentRule } from './mapping';

/** What the import reads its snapshot from. */
export type ImportMastersRepositories = Pick<Repositories, 'ecSettings' | 'partners' | 'products' | 'slips'>;

/** The ec_settings row as the import reads it. */
export interface EcSettingRow {
  id: number;
  name: string;
  apiBaseUrl: string;
  rateBudget: number;
  importStartDate: string | null;
  /** what the credentials are bound to (bcart/oauth/auth.ts): the shared BcartAuth of the row */
  oauth: { apiBaseUrl: string; oauthAuthorizeUrl: string | null; oauthTokenUrl: string | null; oauthClientId: string | null };
  settings: ImportSettings;
}

/** Ids restricting the "already imported" sets to the orders at hand (keeps big books cheap). */
export interface ImportScope {
  logisticsIds: readonly number[];
  orderIds: readonly number[];
}

const REQUIRED: [field: keyof EcSettingRecord, label: string][] = [
  ['departmentId', '連携部門'],
  ['warehouseId', '連携倉庫'],
  ['standardTaxClassId', '標準税区分'],
  ['reducedTaxClassId', '軽減税区分'],
  ['exemptTaxClassId', '非課税税区分'],
  ['shippingFeeProductId', '送料・手数料'],
  ['discountProductId', '値引・ポイント'],
  ['shipmentWorkflowId', '出荷ワークフロー'],
  ['invoiceWorkflowId', '請求ワークフロー'],
  ['importStartDate', '出荷取込開始日'],
];

/** Reads one EC連携設定; NOT_FOUND / SETTINGS_INVALID (naming every missing field) otherwise. */
export function loadEcSetting(repos: Pick<ImportMastersRepositories, 'ecSettings' | 'partners'>, settingId: number): EcSettingRow {
  const row = repos.ecSettings.record(settingId);
  if (!row) throw new AppError('NOT_FOUND', `EC連携設定 (ID ${settingId}) が見つかりません。EC連携設定の画面で設定を作成してください。`);
  const missing = REQUIRED.filter(([f]) => row[f] === null || row[f] === undefined || row[f] === '').map(([, l]) => l);
  if (missing.length > 0) {
    throw new AppError(
      'SETTINGS_INVALID',
      `EC連携設定「${row.name}」の ${missing.join('・')} が未設定のため出荷取込処理を実行できません。EC連携設定の画面で入力して保存してください。`,
      { details: { missing } },
    );
  }
  const cancelStatuses = parseCancelStatuses(row.cancelStatuses);
  const num = (f: keyof EcSettingRecord): number => Number(row[f]);
  return {
    id: settingId,
    name: row.name,
    apiBaseUrl: row.apiBaseUrl,
    rateBudget: row.rateBudget,
    importStartDate: row.importStartDate,
    oauth: {
      apiBaseUrl: row.apiBaseUrl,
      oauthAuthorizeUrl: row.oauthAuthorizeUrl || null,
      oauthTokenUrl: row.oauthTokenUrl || null,
      oauthClientId: row.oauthClientId || null,
    },
    settings: {
      departmentId: num('departmentId'),
      warehouseId: num('warehouseId'),
      defaultCustomerCode: row.defaultCustomerId ? repos.partners.codeOf(row.defaultCustomerId) : null,
      standardTaxClassId: num('standardTaxClassId'),
      reducedTaxClassId: num('reducedTaxClassId'),
      exemptTaxClassId: num('exemptTaxClassId'),
      shippingFeeProductId: num('shippingFeeProductId'),
      discountProductId: num('discountProductId'),
      productLinkMode: row.productLinkSameCode ? 'same-code' : 'mapping',
      shipmentWorkflowId: num('shipmentWorkflowId'),
      invoiceWorkflowId: num('invoiceWorkflowId'),
      taxRounding: row.taxRounding,
      cancelStatuses,
    },
  };
}

/** The masters of a setting as the re-check reads them. */
export type SettingMastersRepositories = Pick<Repositories, 'departments' | 'taxClasses' | 'workflows' | 'partners' | 'products'>;

/**
 * Re-checks, before anything is fetched, that the setting's masters are still confirmed and still
 * mean what the import assumes: 税区分 of 10 / 8 / 0 %, a 倉庫, an 出荷 / 請求 workflow
 * (docs/import-rules.md#masters-in-use). A master edited or 確定取消'd since the settings were
 * saved refuses the run with SETTINGS_INVALID naming each problem, instead of booking slips on it.
 */
export function assertSettingMasters(repos: SettingMastersRepositories, setting: EcSettingRow): void {
  const s = setting.settings;
  const problems: string[] = [];
  const check = <R extends { confirmed: boolean }>(label: string, row: R | undefined, ok: (r: R) => string | null) => {
    if (!row) problems.push(`${label}が見つかりません`);
    else if (!row.confirmed) problems.push(`${label}が確定されていません`);
    else {
      const why = ok(row);
      if (why) problems.push(`${label}${why}`);
    }
  };
  const rate = (want: number) => (t: { rate: number; code: string }) => (t.rate === want ? null : `「${t.code}」の税率が${t.rate}%です（${want}%の税区分を選んでください）`);
  check('連携部門', repos.departments.find(s.departmentId), () => null);
  check('連携倉庫', repos.partners.find(s.warehouseId), (p) => (p.kind === '倉庫' ? null : `「${p.code}」が倉庫ではありません`));
  check('標準税区分', repos.taxClasses.find(s.standardTaxClassId), rate(10));
  check('軽減税区分', repos.taxClasses.find(s.reducedTaxClassId), rate(8));
  check('非課税税区分', repos.taxClasses.find(s.exemptTaxClassId), rate(0));
  check('送料・手数料の商品', repos.products.find(s.shippingFeeProductId), () => null);
  check('値引・ポイントの商品', repos.products.find(s.discountProductId), () => null);
  check('出荷ワークフロー', repos.workflows.find(s.shipmentWorkflowId), (w) => (w.kind === '出荷' ? null : `「${w.code}」が出荷のワークフローではありません`));
  check('請求ワークフロー', repos.workflows.find(s.invoiceWorkflowId), (w) => (w.kind === '請求' ? null : `「${w.code}」が請求のワークフローではありません`));
  if (problems.length > 0) {
    throw new AppError(
      'SETTINGS_INVALID',
      `EC連携設定「${setting.name}」のマスタに問題があるため出荷取込処理を実行できません（${problems.join('、')}）。マスタを確定するか、EC連携設定で選び直してください。`,
      { details: { problems } },
    );
  }
}

/**
 * The snapshot for one run of EC連携設定 `settingId`. With `scope`, the already-imported sets only
 * hold ids of the orders at hand (the mapping only asks about those).
 */
export function loadImportMasters(repos: ImportMastersRepositories, settingId: number, scope?: ImportScope): ImportMasters {
  const setting = loadEcSetting(repos, settingId);
  const paymentRules = new Map<string, PaymentRule>();
  for (const r of repos.ecSettings.paymentRules(settingId)) {
    const rule: PaymentRule = r.ruleKind === 'customer' ? { kind: 'customer', customerCode: r.customerCode ?? '' } : { kind: r.ruleKind };
    paymentRules.set(r.paymentName.trim(), rule);
  }
  // A setting saved before its 決済方法ごとの得意先 table was filled uses the manual's list.
  if (paymentRules.size === 0) for (const [k, v] of paymentRuleMap()) paymentRules.set(k, v);
  const productsByCode = new Map<string, LocalProduct>();
  for (const p of repos.products.confirmedForImport()) {
    const key = p.skuCode !== null && p.skuCode !== '' ? p.skuCode : p.code;
    if (!productsByCode.has(key)) productsByCode.set(key, p);
  }
  const productsBySetId = new Map(repos.ecSettings.linkedProducts(settingId).map((l) => [l.bcartSetId, l.product]));
  return {
    settings: setting.settings,
    customers: customerIndex(repos.partners.confirmedCustomers()),
    paymentRules,
    productsByCode,
    productsBySetId,
    // BCart ids are unique per shop only: "already imported" is asked of this setting's slips
    alreadyImportedLogisticsIds: new Set(repos.slips.importedLogisticsIds(settingId, scope ? scope.logisticsIds : null)),
    alreadyInvoicedOrderIds: new Set(repos.slips.invoicedOrderIds(settingId, scope ? scope.orderIds : null)),
  };
}
