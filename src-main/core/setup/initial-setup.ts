/**
 * 初期設定 in one go (CLI `init` and 「デモデータで試す」): the standard masters (a 部門, a 倉庫, a
 * 請求口座, the 送料・手数料 and 値引・ポイント products, the BC_* customers), products from BCart
 * sets, 得意先 from members with a 貴社独自会員ID, and one EC連携設定 with its token.
 * Everything is fetched first, then written in ONE transaction; existing codes are reused, so a
 * second run creates nothing.
 */
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { emptyEcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { NO_BILLING_TERMS } from '../../../src-shared/masters/partner-billing';
import { createBcartClient } from '../bcart/client';
import type { BcartSessions } from '../ec-settings/bcart-sessions';
import type { EcSettingService } from '../ec-settings/ec-setting-service';
import { customerNameFor } from '../ec-settings/payment-rule-service';
import { DEFAULT_PAYMENT_RULES, requiredCustomerCodes } from '../import/mapping';
import type { CorePorts, DemoShopConventions } from '../ports';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { planCustomersFromMembers, planProductsFromSets } from './onboarding-plan';

export interface InitialSetupOptions {
  baseUrl: string;
  /** personal access token; saved through the TokenStore only */
  token: string;
  /** 出荷取込開始日; default today − 7 (JST) */
  from?: string;
  /** the settings row to create or reuse, default "Bカート" */
  settingName?: string;
  /** the shop's own payment methods and cancel statuses (the demo shop's), added to the setting */
  conventions?: DemoShopConventions;
}

/** What was created, by Japanese master name (empty arrays: nothing new). */
export interface InitialSetupReport {
  settingId: number;
  created: Record<string, string[]>;
  /** the token differed from the stored one and was saved */
  tokenSaved: boolean;
  /** an existing settings row got the new API URL (demo restarts on a new port) */
  urlUpdated: boolean;
}

export const STANDARD_CODES = {
  department: 'EC',
  warehouse: 'WH-EC',
  bankAccount: 'BANK-01',
  shippingFee: 'SHIPPING-FEE',
  discount: 'DISCOUNT-POINT',
} as const;

export interface InitialSetupDeps {
  repos: Repositories;
  ecSettings: EcSettingService;
  bcart: BcartSessions;
  storeMode: StoreMode;
  ports: CorePorts;
}

/** Runs the whole setup; see the module header. */
export async function runInitialSetup(deps: InitialSetupDeps, opts: InitialSetupOptions): Promise<InitialSetupReport> {
  const { repos, storeMode, ports } = deps;
  // it creates products, which 受付停止 (tax update) freezes
  storeMode.assertOpen('初期設定');
  const baseUrl = opts.baseUrl.trim().replace(/\/+$/, '');
  const client = createBcartClient({ baseUrl, getAccessToken: async () => opts.token, fetch: ports.fetch, clock: ports.clock, timers: ports.timers, logger: ports.logger });
  const [sets, bcartProducts, members] = await Promise.all([client.listProductSets(), client.listProducts(), client.listCustomers()]);
  const created: Record<string, string[]> = { 部門: [], 倉庫: [], 請求口座: [], 商品: [], 得意先: [], EC連携設定: [] };
  const settingName = opts.settingName ?? 'Bカート';
  const settings = repos.ecSettings;
  let urlUpdated = false;

  const settingId = repos.transaction(() => {
    storeMode.assertOpen('初期設定');
    /** the id of a master's standard code, created (確定) when missing */
    const ensure = (label: string, code: string, id: number | null, create: () => number): number => {
      if (id !== null) return id;
      created[label]!.push(code);
      return create();
    };
    const dep = ensure('部門', STANDARD_CODES.department, repos.departments.idOfCode(STANDARD_CODES.department), () =>
      repos.departments.insertConfirmed({ code: STANDARD_CODES.department, name: 'EC事業部' }),
    );
    const wh = ensure('倉庫', STANDARD_CODES.warehouse, repos.partners.idOfCode(STANDARD_CODES.warehouse), () =>
      repos.partners.insertConfirmed({ code: STANDARD_CODES.warehouse, name: 'Bカート連携倉庫', kana: 'ビーカートレンケイソウコ', kind: '倉庫', billingType: null, closingDay: null, taxDisplay: null, ...NO_BILLING_TERMS }),
    );
    const bank = ensure('請求口座', STANDARD_CODES.bankAccount, repos.bankAccounts.idOfCode(STANDARD_CODES.bankAccount), () =>
      repos.bankAccounts.insertConfirmed({
        code: STANDARD_CODES.bankAccount,
        bankName: '(要変更) 取引銀行',
        branchName: '本店',
        accountType: '普通',
        accountNumber: '0000000',
        holder: 'ヨウヘンコウ',
      }),
    );
    const std = repos.taxClasses.idOfKind('標準');
    const fee = (code: string, name: string) =>
      ensure('商品', code, repos.products.idOfCode(code), () =>
        repos.products.insertConfirmed({ code, name, kana: '', variationH: '', variationV: '', skuCode: null, unitQuantity: 1, inventoryTracked: false, taxClassId: std, unitPrice: 0, janCode: null, costPrice: null }),
      );
    const shippingId = fee(STANDARD_CODES.shippingFee, '送料・手数料');
    const discountId = fee(STANDARD_CODES.discount, '値引・ポイント');

    const newProducts = planProductsFromSets(sets, bcartProducts, repos.products.existingCodes()).filter((r) => r.status === 'new');
    repos.products.insertOnboarded(newProducts, { 標準: std, 軽減: repos.taxClasses.idOfKind('軽減') });
    created['商品']!.push(...newProducts.map((r) => r.code));

    const kinds = repos.partners.kindsByCode();
    const bc = requiredCustomerCodes(DEFAULT_PAYMENT_RULES)
      .filter((code) => !kinds.has(code))
      .map((code) => ({
        code,
        name: customerNameFor(code, DEFAULT_PAYMENT_RULES.filter((r) => r.rule.kind === 'customer' && r.rule.customerCode === code).map((r) => r.payment)),
      }));
    repos.partners.insertCustomers(bc);
    for (const c of bc) kinds.set(c.code, '得意先');
    const newMembers = planCustomersFromMembers(members, kinds).filter((r) => r.status === 'new');
    repos.partners.insertCustomers(newMembers);
    created['得意先']!.push(...bc.map((c) => c.code), ...newMembers.map((c) => c.code));
    for (const m of newMembers) kinds.set(m.code, '得意先');
    // a customer per payment method the shop created, booked through its payment rule
    const own = (opts.conventions?.payments ?? []).filter((p) => !kinds.has(p.customerCode));
    repos.partners.insertCustomers(own.map((p) => ({ code: p.customerCode, name: p.customerName })));
    created['得意先']!.push(...own.map((p) => p.customerCode));

    /** the shop's conventions added to a setting's cancel statuses and payment table (nothing twice) */
    const withConventions = (settingId: number, cancelStatuses: readonly string[]): string[] => {
      const rules = settings.paymentRules(settingId);
      const names = new Set(rules.map((r) => r.paymentName));
      const added = (opts.conventions?.payments ?? []).filter((p) => !names.has(p.paymentName));
      if (added.length > 0) settings.insertPaymentRules(settingId, added.map((p) => ({ paymentName: p.paymentName, ruleKind: 'customer' as const, customerCode: p.customerCode })));
      return [...new Set([...cancelStatuses, ...(opts.conventions?.cancelStatuses ?? [])])];
    };

    const existing = settings.findByName(settingName);
    if (existing) {
      const { id: _id, createdAt: _c, updatedAt: _u, ...values } = settings.get(existing.id);
      const cancelStatuses = withConventions(existing.id, values.cancelStatuses);
      if (existing.apiBaseUrl !== baseUrl || cancelStatuses.length !== values.cancelStatuses.length) {
        settings.update(existing.id, deps.ecSettings.check({ ...values, apiBaseUrl: baseUrl, cancelStatuses }));
        urlUpdated = existing.apiBaseUrl !== baseUrl;
      }
      return existing.id;
    }
    const today = jstDateOf(ports.clock.now());
    const values = deps.ecSettings.check({
      ...emptyEcSetting(today),
      name: settingName,
      departmentId: dep,
      warehouseId: wh,
      bankAccountId: bank,
      standardTaxClassId: std,
      reducedTaxClassId: repos.taxClasses.idOfKind('軽減'),
      exemptTaxClassId: repos.taxClasses.idOfKind('非課税'),
      shippingFeeProductId: shippingId,
      discountProductId: discountId,
      importStartDate: opts.from ?? addDays(today, -7),
      productLinkSameCode: true,
      shipmentWorkflowId: repos.workflows.firstIdOfKind('出荷'),
      invoiceWorkflowId: repos.workflows.firstIdOfKind('請求'),
      apiBaseUrl: baseUrl,
    });
    const row = deps.ecSettings.insertChecked(values);
    const cancelStatuses = withConventions(row.id, values.cancelStatuses);
    if (cancelStatuses.length !== values.cancelStatuses.length) settings.update(row.id, deps.ecSettings.check({ ...values, cancelStatuses }));
    created['EC連携設定']!.push(settingName);
    return row.id;
  });

  const { auth } = deps.bcart.session(settingId);
  let tokenSaved = false;
  const current = await auth.getAccessToken().catch(() => null);
  if (current !== opts.token.trim()) {
    await auth.savePersonalToken(opts.token);
    tokenSaved = true;
  }
  ports.logger.child('setup').info('initial setup done', { settingId, created: Object.fromEntries(Object.entries(created).map(([k, v]) => [k, v.length])), tokenSaved });
  return { settingId, created, tokenSaved, urlUpdated };
}
