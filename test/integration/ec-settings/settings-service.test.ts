/**
 * EC連携設定 through the IPC dispatch on a real SQLite file: every problem at once, payment rules
 * seeded on create, 「不足している得意先を作成」, onboarding idempotence and EC連携商品.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyEcSetting } from '../../../src-shared/ec-settings/ec-setting';
import { DEFAULT_PAYMENT_RULES } from '../../../src-main/core/import/mapping';
import { setStoreClosed } from '../../helpers/store-mode';
import { startSettingsFixture, type SettingsFixture } from './settings-fixture';

type Err = Error & { data: { code: string; fields?: { path: string; message: string }[] } };
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Err).data;
  }
  throw new Error('expected a failure');
};
const count = (f: SettingsFixture, sql: string) => (f.t.core.db.prepare(sql).get() as { n: number }).n;

describe('settings, payment rules, onboarding, product links', () => {
  let f: SettingsFixture;
  beforeAll(async () => {
    f = await startSettingsFixture();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('settings:create returns every problem at once and writes nothing', async () => {
    const before = count(f, 'select count(*) n from ec_settings');
    const product = f.t.core.db.prepare("select id from products where code = 'TEA-100'").get() as { id: number };
    const err = await failure(
      f.t.call('settings:create', { ...emptyEcSetting('2026-01-01'), name: '', importStartDate: '2999-01-01', apiBaseUrl: 'http://api.bcart.jp', shippingFeeProductId: product.id, reducedTaxClassId: 1 }),
    );
    expect(err.code).toBe('SETTINGS_INVALID');
    const paths = err.fields!.map((x) => x.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'departmentId', 'warehouseId', 'bankAccountId', 'standardTaxClassId', 'exemptTaxClassId', 'discountProductId', 'shipmentWorkflowId', 'invoiceWorkflowId', 'importStartDate', 'apiBaseUrl']));
    expect(err.fields!.find((x) => x.path === 'shippingFeeProductId')?.message).toContain('棚卸対象外');
    expect(err.fields!.find((x) => x.path === 'reducedTaxClassId')?.message).toContain('税率8%');
    expect(count(f, 'select count(*) n from ec_settings')).toBe(before);
  });

  it('creating a second setting seeds the manual payment-rule table', async () => {
    const base = await f.t.call<Record<string, unknown>>('settings:get', { id: f.settingId });
    const { id: _i, createdAt: _c, updatedAt: _u, ...values } = base;
    const s = await f.t.call<{ id: number }>('settings:create', { ...values, name: '2号店' });
    const rules = await f.t.call<{ rows: { paymentName: string; ruleKind: string; customerCode: string | null; customerStatus: string | null }[] }>('paymentRules:list', { settingId: s.id });
    expect(rules.rows.map((r) => r.paymentName)).toEqual(DEFAULT_PAYMENT_RULES.map((r) => r.payment));
    expect(rules.rows.find((r) => r.paymentName === '銀行振込')).toMatchObject({ ruleKind: 'member-ext-id', customerCode: null, customerStatus: null });
    expect(rules.rows.find((r) => r.paymentName === 'Paid')).toMatchObject({ ruleKind: 'unsupported' });
    expect(rules.rows.find((r) => r.paymentName === 'NP掛け払い')).toMatchObject({ customerCode: 'BC_NP-kakebarai', customerStatus: 'ok' });
  });

  it('check lists missing/unconfirmed customers; createMissingCustomers fixes them in one go', async () => {
    const id = f.settingId;
    const rules = await f.t.call<{ rows: { paymentName: string; ruleKind: string; customerCode: string | null }[] }>('paymentRules:list', { settingId: id });
    const edited = rules.rows.map(({ paymentName, ruleKind, customerCode }) => ({ paymentName, ruleKind, customerCode }));
    edited.push({ paymentName: '後払い.com', ruleKind: 'customer', customerCode: 'BC_Atobarai' });
    await f.t.call('paymentRules:update', { settingId: id, rules: edited });
    f.t.core.db.prepare("update partners set confirmed = 0 where code = 'BC_PayPal'").run();
    f.t.core.db.prepare("update partners set kind = '仕入先' where code = 'BC_YamatoBilling'").run();

    const check = await f.t.call<{ ok: boolean; problems: { code: string; status: string; paymentNames: string[] }[] }>('paymentRules:check', { settingId: id });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      { code: 'BC_PayPal', status: 'unconfirmed', paymentNames: ['PayPal'] },
      { code: 'BC_YamatoBilling', status: 'wrong-kind', paymentNames: ['クロネコ掛け払い'] },
      { code: 'BC_Atobarai', status: 'missing', paymentNames: ['後払い.com'] },
    ]);
    const r = await f.t.call<{ created: string[]; confirmed: string[]; skipped: { code: string }[] }>('paymentRules:createMissingCustomers', { settingId: id });
    expect(r.created).toEqual(['BC_Atobarai']);
    expect(r.confirmed).toEqual(['BC_PayPal']);
    expect(r.skipped.map((s) => s.code)).toEqual(['BC_YamatoBilling']);
    const created = f.t.core.db.prepare("select kind, confirmed, name from partners where code = 'BC_Atobarai'").get();
    expect(created).toEqual({ kind: '得意先', confirmed: 1, name: 'Bカート 後払い.com' });
    const again = await f.t.call<{ problems: { code: string }[] }>('paymentRules:check', { settingId: id });
    expect(again.problems.map((p) => p.code)).toEqual(['BC_YamatoBilling']);
  });

  it('paymentRules:update refuses duplicates and missing codes, all rows at once, and keeps the table', async () => {
    const before = count(f, `select count(*) n from payment_rules where ec_setting_id = ${f.settingId}`);
    const err = await failure(
      f.t.call('paymentRules:update', {
        settingId: f.settingId,
        rules: [
          { paymentName: 'PayPal', ruleKind: 'customer', customerCode: '' },
          { paymentName: 'PayPal', ruleKind: 'unsupported', customerCode: null },
        ],
      }),
    );
    expect(err.fields!.map((x) => x.path)).toEqual(['rules.0.customerCode', 'rules.1.paymentName']);
    expect(count(f, `select count(*) n from payment_rules where ec_setting_id = ${f.settingId}`)).toBe(before);
  });

  it('paymentRules:update keeps Paid 取込対象外 (an edit to a customer is refused naming the row) and saves a shop-created name with a 255-character code', async () => {
    const err = await failure(
      f.t.call('paymentRules:update', { settingId: f.settingId, rules: [{ paymentName: 'Paid', ruleKind: 'customer', customerCode: 'BC_CreditCard' }] }),
    );
    expect(err.fields).toEqual([{ path: 'rules.0.ruleKind', message: '1行目: 決済方法「Paid」の注文は取り込みに対応していないため、「取込対象外」から変更できません。' }]);
    const longCode = `山田商店-001/東京 本店-${'x'.repeat(230)}`;
    const saved = await f.t.call<{ rows: { paymentName: string; customerCode: string | null }[] }>('paymentRules:update', {
      settingId: f.settingId,
      rules: [
        { paymentName: 'Paid', ruleKind: 'unsupported', customerCode: null },
        { paymentName: '請求書払い(当社指定)', ruleKind: 'customer', customerCode: longCode },
      ],
    });
    expect(saved.rows.map((r) => [r.paymentName, r.customerCode])).toEqual([
      ['Paid', null],
      ['請求書払い(当社指定)', longCode],
    ]);
  });

  it('onboarding: preview shows existing codes; create twice creates nothing new', async () => {
    f.t.core.db.prepare("delete from products where code = 'TEA-100'").run();
    f.t.core.db.prepare("delete from partners where code = 'C0001'").run();
    const pp = await f.t.call<{ rows: { code: string; status: string }[] }>('onboarding:previewProducts', { settingId: f.settingId });
    expect(pp.rows.filter((r) => r.status === 'new').map((r) => r.code)).toEqual(['TEA-100']);
    const first = await f.t.call<{ created: string[]; skipped: unknown[] }>('onboarding:createProducts', { settingId: f.settingId });
    expect(first.created).toEqual(['TEA-100']);
    expect(first.skipped.length).toBe(pp.rows.length - 1);
    const second = await f.t.call<{ created: string[] }>('onboarding:createProducts', { settingId: f.settingId });
    expect(second.created).toEqual([]);
    const tea = f.t.core.db.prepare("select p.unit_quantity q, p.inventory_tracked t, p.confirmed c, x.kind k from products p join tax_classes x on x.id = p.tax_class_id where p.code = 'TEA-100'").get();
    expect(tea).toEqual({ q: 1, t: 1, c: 1, k: '軽減' });

    const pc = await f.t.call<{ rows: { code: string; status: string }[] }>('onboarding:previewCustomers', { settingId: f.settingId });
    expect(pc.rows.filter((r) => r.status === 'new').map((r) => r.code)).toEqual(['C0001']);
    expect((await f.t.call<{ created: string[] }>('onboarding:createCustomers', { settingId: f.settingId })).created).toEqual(['C0001']);
    expect((await f.t.call<{ created: string[] }>('onboarding:createCustomers', { settingId: f.settingId })).created).toEqual([]);
  });

  it('受付停止 blocks creating products from BCart (the tax update freezes the product master)', async () => {
    f.t.core.db.prepare("delete from products where code = 'TEA-200'").run();
    setStoreClosed(f.t.core, true);
    try {
      expect((await failure(f.t.call('onboarding:createProducts', { settingId: f.settingId }))).code).toBe('STORE_CLOSED');
      expect(count(f, "select count(*) n from products where code = 'TEA-200'")).toBe(0);
    } finally {
      setStoreClosed(f.t.core, false);
    }
    expect((await f.t.call<{ created: string[] }>('onboarding:createProducts', { settingId: f.settingId })).created).toEqual(['TEA-200']);
  });

  it('EC連携商品: fetch suggests by code, recent-order sets first; accept in bulk, list, delete', async () => {
    const fetched = await f.t.call<{ sets: { setId: number; productNo: string; quantity: number | null; name: string; janCode: string; inRecentOrders: boolean; linkedProductId: number | null; suggestions: { productId: number; reason: string }[] }[] }>(
      'productLinks:fetchBcart',
      { settingId: f.settingId },
    );
    expect(fetched.sets.length).toBe(f.sim.state.productSets.length);
    const firstOld = fetched.sets.findIndex((s) => !s.inRecentOrders);
    expect(firstOld).toBeGreaterThan(0);
    expect(fetched.sets.slice(firstOld).every((s) => !s.inRecentOrders)).toBe(true);
    expect(fetched.sets.every((s) => s.suggestions[0]?.reason === 'code')).toBe(true);

    const links = fetched.sets.slice(0, 5).map((s) => ({
      bcartSetId: s.setId, productId: s.suggestions[0]!.productId, bcartProductNo: s.productNo, bcartSetName: s.name, bcartJanCode: s.janCode, bcartQuantity: s.quantity,
    }));
    expect(await f.t.call('productLinks:accept', { settingId: f.settingId, links })).toEqual({ saved: 5 });
    expect(await f.t.call('productLinks:accept', { settingId: f.settingId, links })).toEqual({ saved: 5 });
    const list = await f.t.call<{ rows: { id: number; bcartSetId: number }[] }>('productLinks:list', { settingId: f.settingId });
    expect(list.rows.map((r) => r.bcartSetId).sort()).toEqual(links.map((l) => l.bcartSetId).sort());

    const wrongQty = { ...links[0]!, bcartQuantity: 999 };
    const err = await failure(f.t.call('productLinks:accept', { settingId: f.settingId, links: [wrongQty] }));
    expect(err.fields![0]!.message).toContain('入数');

    const refetched = await f.t.call<{ sets: { setId: number; linkedProductId: number | null }[] }>('productLinks:fetchBcart', { settingId: f.settingId });
    expect(refetched.sets.slice(-5).map((s) => s.linkedProductId !== null)).toEqual([true, true, true, true, true]);
    expect(await f.t.call('productLinks:delete', { settingId: f.settingId, ids: [list.rows[0]!.id] })).toEqual({ deleted: 1 });
  });
});
