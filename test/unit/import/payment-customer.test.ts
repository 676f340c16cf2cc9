import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import { customerIndex } from '../../../src-main/core/import/mapping/customer-index';
import { DEFAULT_PAYMENT_RULES, paymentRuleMap } from '../../../src-main/core/import/mapping/default-payment-rules';
import { customers, errorCodes, line, logistics, masters, order, product } from './fixtures';

const p = product(1, 'ITEM');
const fixed: [string, string][] = [
  ['Bカートクレカ決済', 'BC_CreditCard'],
  ['クレジットカード決済', 'BC_CreditCard'],
  ['クロネコwebコレクト', 'BC_CreditCard'],
  ['ペイジェント決済代行サービス', 'BC_CreditCard'],
  ['Bカート掛け払い', 'BC_BcBilling'],
  ['Bカート掛け払い 請求代行プラン', 'BC_BcBillingAgency'],
  ['PayPal', 'BC_PayPal'],
  ['NP掛け払い', 'BC_NP-kakebarai'],
  ['代金引換', 'BC_CashOnDelivery'],
  ['クロネコ掛け払い', 'BC_YamatoBilling'],
];

function run(payment: string, customerExtId = 'C-000123', over: Parameters<typeof masters>[1] = {}) {
  const o = order({ id: 1, payment, customerExtId, lines: [line(11, p)], logistics: [logistics(101)] });
  return mapOrdersForImport([o], masters([p], over));
}

describe('決済方法ごとの得意先', () => {
  it('the seeded table covers every method of the manual', () => {
    expect(DEFAULT_PAYMENT_RULES.map((r) => r.payment).sort()).toEqual(
      [...fixed.map(([n]) => n), '自社掛け払い', '銀行振込', 'Paid', 'カスタム決済(その他)'].sort(),
    );
  });

  it.each(fixed)('%s → 得意先 %s on the slip and the invoice', (payment, code) => {
    const plan = run(payment);
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.customerCode).toBe(code);
    expect(plan.invoices[0]!.customerCode).toBe(code);
    expect(plan.invoices[0]!.customerId).toBe(plan.shipments[0]!.customerId);
  });

  it('trims whitespace around the payment name', () => {
    expect(run('  代金引換 ').shipments[0]!.customerCode).toBe('BC_CashOnDelivery');
  });

  it.each(['自社掛け払い', '銀行振込'])('%s → the customer whose code is the 貴社独自会員ID', (payment) => {
    const plan = run(payment, 'C-000123');
    expect(plan.problems).toEqual([]);
    expect(plan.shipments[0]!.customerCode).toBe('C-000123');
  });

  it.each(['自社掛け払い', '銀行振込'])('%s with an empty 貴社独自会員ID → error telling to set it in BCart', (payment) => {
    const plan = run(payment, '  ');
    expect(errorCodes(plan)).toEqual(['MEMBER_EXT_ID_EMPTY']);
    expect(plan.problems[0]!.message).toContain('貴社独自会員IDを設定');
    expect(plan.shipments).toEqual([]);
  });

  it('a 貴社独自会員ID without a 得意先 of that code → error telling to register it', () => {
    const plan = run('銀行振込', 'C-999');
    expect(errorCodes(plan)).toEqual(['CUSTOMER_MISSING']);
    expect(plan.problems[0]!.message).toContain('得意先コード「C-999」の得意先を登録');
  });

  it.each(['Paid', 'カスタム決済(その他)'])('%s is unsupported → error', (payment) => {
    const plan = run(payment);
    expect(errorCodes(plan)).toEqual(['PAYMENT_UNSUPPORTED']);
    expect(plan.problems[0]!.message).toContain(`「${payment}」`);
  });

  it('Paid stays refused as not supported even when the table maps it to a customer or has no row for it', () => {
    // before: an edited Paid row imported the order; a table without a Paid row said 「追加してください」
    const edited = paymentRuleMap([...DEFAULT_PAYMENT_RULES.filter((r) => r.payment !== 'Paid'), { payment: 'Paid', rule: { kind: 'customer', customerCode: 'BC_CreditCard' } }]);
    const withoutRow = paymentRuleMap(DEFAULT_PAYMENT_RULES.filter((r) => r.payment !== 'Paid'));
    for (const paymentRules of [edited, withoutRow]) {
      const plan = run('Paid', 'C-000123', { paymentRules });
      expect(errorCodes(plan)).toEqual(['PAYMENT_UNSUPPORTED']);
      expect(plan.problems[0]!.message).toContain('取り込みに対応していません');
      expect(plan.problems[0]!.message).not.toMatch(/追加|指定してから/);
    }
  });

  it('a shop-created payment name mapped in the table is billed to its customer', () => {
    const paymentRules = paymentRuleMap([...DEFAULT_PAYMENT_RULES, { payment: '請求書払い(当社指定)', rule: { kind: 'customer', customerCode: 'BC_BcBilling' } }]);
    const plan = run('請求書払い(当社指定)', 'C-000123', { paymentRules });
    expect(plan.problems).toEqual([]);
    expect(plan.invoices[0]!.customerCode).toBe('BC_BcBilling');
    // and 自社掛け払い-style: the member's 貴社独自会員ID
    const byMember = paymentRuleMap([...DEFAULT_PAYMENT_RULES, { payment: '月末締め払い', rule: { kind: 'member-ext-id' } }]);
    expect(run('月末締め払い', 'C-000123', { paymentRules: byMember }).invoices[0]!.customerCode).toBe('C-000123');
  });

  it('an unknown payment name → error telling to add it to the table', () => {
    const plan = run('後払い.com');
    expect(errorCodes(plan)).toEqual(['PAYMENT_UNKNOWN']);
    expect(plan.problems[0]!.message).toContain('決済方法ごとの得意先');
  });

  it('a fixed customer code that is not a confirmed customer → error telling to create it', () => {
    const all = customers('C-000123');
    all.delete('BC_PayPal');
    const plan = run('PayPal', 'C-000123', { customers: customerIndex(all.values()) });
    expect(errorCodes(plan)).toEqual(['CUSTOMER_MISSING']);
    expect(plan.problems[0]!.message).toContain('BC_PayPal');
  });

  it('an order not shipped yet is not checked (nothing would be created from it)', () => {
    const o = order({ id: 2, payment: 'Paid', lines: [line(21, p)], logistics: [logistics(201, '未発送', null)] });
    const plan = mapOrdersForImport([o], masters([p]));
    expect(plan.problems).toEqual([]);
    expect(plan.watch).toEqual([{ orderId: 2, orderCode: o.code, reason: 'not-shipped' }]);
  });
});
