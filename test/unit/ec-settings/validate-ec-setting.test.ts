/** Every rule of an EC連携設定 save, one by one, and "all problems at once". */
import { describe, expect, it } from 'vitest';
import { emptyEcSetting, type EcSettingValues } from '../../../src-shared/ec-settings/ec-setting';
import { isAllowedApiUrl, validateEcSetting, type EcSettingRefs } from '../../../src-shared/ec-settings/validate-ec-setting';

const TODAY = '2026-11-25';

function refs(): EcSettingRefs {
  return {
    departments: new Map([[1, { confirmed: true }], [2, { confirmed: false }]]),
    partners: new Map([
      [10, { confirmed: true, kind: '倉庫' }],
      [11, { confirmed: true, kind: '得意先' }],
      [12, { confirmed: false, kind: '倉庫' }],
      [13, { confirmed: true, kind: '仕入先' }],
    ]),
    bankAccounts: new Map([[20, { confirmed: true }], [21, { confirmed: false }]]),
    taxClasses: new Map([
      [30, { confirmed: true, rate: 10 }],
      [31, { confirmed: true, rate: 8 }],
      [32, { confirmed: true, rate: 0 }],
      [33, { confirmed: false, rate: 10 }],
    ]),
    products: new Map([
      [40, { confirmed: true, inventoryTracked: false }],
      [41, { confirmed: true, inventoryTracked: false }],
      [42, { confirmed: true, inventoryTracked: true }],
      [43, { confirmed: false, inventoryTracked: false }],
    ]),
    workflows: new Map([
      [50, { confirmed: true, kind: '出荷' }],
      [51, { confirmed: true, kind: '請求' }],
      [52, { confirmed: true, kind: '入荷' }],
      [53, { confirmed: false, kind: '出荷' }],
    ]),
  };
}

function valid(): EcSettingValues {
  return {
    ...emptyEcSetting(TODAY),
    departmentId: 1,
    warehouseId: 10,
    defaultCustomerId: 11,
    bankAccountId: 20,
    standardTaxClassId: 30,
    reducedTaxClassId: 31,
    exemptTaxClassId: 32,
    shippingFeeProductId: 40,
    discountProductId: 41,
    shipmentWorkflowId: 50,
    invoiceWorkflowId: 51,
    importStartDate: '2026-11-01',
  };
}

const problemsOf = (patch: Partial<EcSettingValues>) => validateEcSetting({ ...valid(), ...patch }, refs(), TODAY);
const pathsOf = (patch: Partial<EcSettingValues>) => problemsOf(patch).map((p) => p.path);

describe('validateEcSetting', () => {
  it('accepts a complete, confirmed setting', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('設定名 is required', () => {
    expect(problemsOf({ name: '  ' })).toEqual([{ path: 'name', message: '設定名を入力してください。' }]);
  });

  it('連携部門: required, existing, confirmed', () => {
    expect(problemsOf({ departmentId: null })[0]?.message).toContain('連携部門を選択してください');
    expect(problemsOf({ departmentId: 99 })[0]?.message).toContain('見つかりません');
    expect(problemsOf({ departmentId: 2 })[0]?.message).toContain('未確定');
  });

  it('連携倉庫: a confirmed partner of kind 倉庫', () => {
    expect(pathsOf({ warehouseId: 11 })).toEqual(['warehouseId']);
    expect(problemsOf({ warehouseId: 11 })[0]?.message).toContain('「倉庫」');
    expect(problemsOf({ warehouseId: 12 })[0]?.message).toContain('未確定');
    expect(pathsOf({ warehouseId: null })).toEqual(['warehouseId']);
  });

  it('得意先: optional, but when chosen a confirmed partner of kind 得意先', () => {
    expect(problemsOf({ defaultCustomerId: null })).toEqual([]);
    expect(problemsOf({ defaultCustomerId: 13 })[0]?.message).toContain('「得意先」');
    expect(problemsOf({ defaultCustomerId: 10 })[0]?.path).toBe('defaultCustomerId');
  });

  it('入金口座: a confirmed bank account', () => {
    expect(pathsOf({ bankAccountId: null })).toEqual(['bankAccountId']);
    expect(problemsOf({ bankAccountId: 21 })[0]?.message).toContain('未確定');
  });

  it('標準/軽減/非課税税区分 need rates 10/8/0', () => {
    expect(problemsOf({ standardTaxClassId: 31 })).toEqual([
      { path: 'standardTaxClassId', message: '標準税区分には税率10%の税区分を選択してください (選択中: 8%)。' },
    ]);
    expect(problemsOf({ reducedTaxClassId: 30 })[0]?.message).toContain('税率8%');
    expect(problemsOf({ exemptTaxClassId: 31 })[0]?.message).toContain('税率0%');
    expect(problemsOf({ standardTaxClassId: 33 })[0]?.message).toContain('未確定');
  });

  it('送料・手数料 and 値引・ポイント must be confirmed products that are 棚卸対象外', () => {
    expect(problemsOf({ shippingFeeProductId: 42 })[0]?.message).toContain('棚卸対象外');
    expect(problemsOf({ discountProductId: 42 })[0]?.path).toBe('discountProductId');
    expect(problemsOf({ discountProductId: 43 })[0]?.message).toContain('未確定');
  });

  it('出荷/請求ワークフロー of the right kind, confirmed', () => {
    expect(problemsOf({ shipmentWorkflowId: 51 })[0]?.message).toContain('「出荷」');
    expect(problemsOf({ invoiceWorkflowId: 50 })[0]?.message).toContain('「請求」');
    expect(problemsOf({ shipmentWorkflowId: 52 })[0]?.path).toBe('shipmentWorkflowId');
    expect(problemsOf({ shipmentWorkflowId: 53 })[0]?.message).toContain('未確定');
  });

  it('出荷取込開始日: a real date, not in the future (JST today allowed)', () => {
    expect(problemsOf({ importStartDate: '' })[0]?.message).toContain('入力してください');
    expect(problemsOf({ importStartDate: '2026-02-30' })[0]?.message).toContain('実在する日付');
    expect(problemsOf({ importStartDate: '2026/11/01' })[0]?.path).toBe('importStartDate');
    expect(problemsOf({ importStartDate: '2026-11-26' })[0]?.message).toContain('未来の日付');
    expect(problemsOf({ importStartDate: TODAY })).toEqual([]);
  });

  it('API URLs: https to bcart.jp, other https hosts only through the developer setting, http only on loopback', () => {
    expect(problemsOf({ apiBaseUrl: 'https://api.bcart.jp/api/v1' })).toEqual([]);
    expect(problemsOf({ apiBaseUrl: 'https://staging.api.bcart.jp/api/v1' })).toEqual([]);
    for (const url of ['https://evil.example/api/v1', 'https://bcart.jp.evil.example/api/v1', 'https://notbcart.jp/api/v1']) {
      expect(problemsOf({ apiBaseUrl: url })[0], url).toMatchObject({ path: 'apiBaseUrl' });
      expect(problemsOf({ apiBaseUrl: url })[0]?.message).toContain('bcart.jp');
    }
    expect(problemsOf({ oauthTokenUrl: 'https://evil.example/oauth/token' })[0]?.path).toBe('oauthTokenUrl');
    expect(problemsOf({ oauthAuthorizeUrl: 'https://evil.example/oauth/authorize' })[0]?.path).toBe('oauthAuthorizeUrl');
    const v = { ...valid(), apiBaseUrl: 'https://dev.example.com/api/v1', oauthTokenUrl: 'https://sso.dev.example.com/token' };
    expect(validateEcSetting(v, refs(), TODAY, ['dev.example.com']).map((p) => p.path)).not.toContain('apiBaseUrl');
    expect(validateEcSetting(v, refs(), TODAY, ['dev.example.com']).map((p) => p.path)).not.toContain('oauthTokenUrl');
    expect(validateEcSetting(v, refs(), TODAY, ['other.example.com']).map((p) => p.path)).toContain('apiBaseUrl');
    expect(isAllowedApiUrl('http://dev.example.com/api/v1', ['dev.example.com'])).toBe(false); // http only on loopback
    expect(isAllowedApiUrl('http://[::1]:4567/api/v1')).toBe(true);
  });

  it('API base URL: http only for the simulator on 127.0.0.1', () => {
    expect(problemsOf({ apiBaseUrl: 'http://api.bcart.jp/api/v1' })[0]?.path).toBe('apiBaseUrl');
    expect(problemsOf({ apiBaseUrl: 'http://127.0.0.1:4567/api/v1' })).toEqual([]);
    expect(problemsOf({ apiBaseUrl: 'ftp://x' })[0]?.path).toBe('apiBaseUrl');
    expect(problemsOf({ oauthTokenUrl: 'http://evil.example/token' })[0]?.path).toBe('oauthTokenUrl');
    expect(isAllowedApiUrl('https://user:pw@api.bcart.jp/')).toBe(false);
    expect(isAllowedApiUrl('http://localhost:80/')).toBe(false);
  });

  it('API call budget 1..300', () => {
    expect(pathsOf({ rateBudget: 0 })).toEqual(['rateBudget']);
    expect(pathsOf({ rateBudget: 301 })).toEqual(['rateBudget']);
    expect(pathsOf({ rateBudget: 300 })).toEqual([]);
  });

  it('reports every problem of an empty form at once, each beside its field', () => {
    const empty = { ...emptyEcSetting(TODAY), name: '', importStartDate: '2099-01-01', apiBaseUrl: 'http://x' };
    const paths = validateEcSetting(empty, refs(), TODAY).map((p) => p.path);
    expect(paths).toEqual([
      'name',
      'departmentId',
      'warehouseId',
      'bankAccountId',
      'standardTaxClassId',
      'reducedTaxClassId',
      'exemptTaxClassId',
      'shippingFeeProductId',
      'discountProductId',
      'shipmentWorkflowId',
      'invoiceWorkflowId',
      'importStartDate',
      'apiBaseUrl',
    ]);
  });
});
