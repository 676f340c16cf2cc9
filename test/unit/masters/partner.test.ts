/** 取引先 validation: every rule, with its Japanese message on the right field. */
import { describe, expect, it } from 'vitest';
import { closingDayLabel, partnerInput } from '../../../src-shared/masters/partner';
import { problemsOf } from './problems';

const customer = { code: 'C001', name: '株式会社テスト', kind: '得意先', billingType: '締', closingDay: 20, taxDisplay: '税込' };
const warehouse = { code: 'W1', name: '本社倉庫', kind: '倉庫' };
const ADDRESS = { postalCode: null, address1: null, address2: null, phone: null, contactName: null, registrationNumber: null };
const CUSTOMER_DEFAULTS = { ...ADDRESS, collectMonths: 1, collectDay: 31, holidayShift: '前営業日', taxUnit: '伝票単位', taxRounding: '切り捨て', noStatement: false, openingBalance: 0 };
const NO_BILLING = { ...ADDRESS, collectMonths: null, collectDay: null, holidayShift: null, taxUnit: null, taxRounding: null, noStatement: null, openingBalance: null };

describe('partnerInput', () => {
  it('accepts a 締 customer, an 個別 customer and a warehouse; blanks become null', () => {
    expect(partnerInput.parse(customer)).toEqual({ ...customer, kana: '', ...CUSTOMER_DEFAULTS });
    expect(partnerInput.parse({ ...customer, billingType: '個別', closingDay: '' })).toMatchObject({ billingType: '個別', closingDay: null });
    expect(partnerInput.parse({ ...warehouse, billingType: '', closingDay: Number.NaN, taxDisplay: '' })).toEqual({
      ...warehouse,
      kana: '',
      billingType: null,
      closingDay: null,
      taxDisplay: null,
      ...NO_BILLING,
    });
  });

  it('a 得意先 with empty billing terms gets 翌月末・前営業日・伝票単位・切り捨て・期首0; payment-service codes get 請求書を発行しない', () => {
    expect(partnerInput.parse({ ...customer, collectMonths: '', collectDay: Number.NaN, holidayShift: '', taxUnit: '', taxRounding: '', noStatement: '', openingBalance: '' })).toEqual({
      ...customer,
      ...CUSTOMER_DEFAULTS,
      // フリガナ defaults to '' (added with the kana columns)
      kana: '',
    });
    for (const code of ['BC_CreditCard', 'BC_BcBilling', 'BC_BcBillingAgency', 'BC_PayPal', 'BC_NP-kakebarai', 'BC_CashOnDelivery', 'BC_YamatoBilling']) {
      expect(partnerInput.parse({ ...customer, code }).noStatement, code).toBe(true);
      // an explicit choice wins over the default
      expect(partnerInput.parse({ ...customer, code, noStatement: false }).noStatement, code).toBe(false);
    }
    expect(partnerInput.parse({ ...customer, code: 'C-BC_CreditCard' }).noStatement).toBe(false);
  });

  it('billing terms: 回収月 0–12, 回収日 1–28 or 末日, 休日 / 計算単位 / 端数 values, 期首残高 integer yen', () => {
    expect(partnerInput.parse({ ...customer, collectMonths: 2, collectDay: '末日', holidayShift: '翌営業日', taxUnit: '請求単位', taxRounding: '四捨五入', openingBalance: -500 })).toMatchObject({
      collectMonths: 2,
      collectDay: 31,
      holidayShift: '翌営業日',
      taxUnit: '請求単位',
      taxRounding: '四捨五入',
      openingBalance: -500,
    });
    expect(problemsOf(partnerInput, { ...customer, collectMonths: 13 }).collectMonths).toContain('0〜12');
    expect(problemsOf(partnerInput, { ...customer, collectDay: 29 }).collectDay).toContain('1〜28の日か「末日」');
    expect(problemsOf(partnerInput, { ...customer, holidayShift: '当日' }).holidayShift).toContain('「前営業日」「翌営業日」');
    expect(problemsOf(partnerInput, { ...customer, taxUnit: '明細単位' }).taxUnit).toContain('「伝票単位」「請求単位」');
    expect(problemsOf(partnerInput, { ...customer, taxRounding: '切捨' }).taxRounding).toContain('「切り捨て」');
    expect(problemsOf(partnerInput, { ...customer, openingBalance: 1.5 }).openingBalance).toContain('整数(円)');
  });

  it('recipient fields: 郵便番号, 電話番号 and 登録番号 (check digit) are validated on their own fields', () => {
    expect(partnerInput.parse({ ...customer, postalCode: '1500002', phone: '03-1234-5678', registrationNumber: 'T9234567890123', address1: '東京都渋谷区', contactName: '経理部 山田' })).toMatchObject({
      postalCode: '150-0002',
      registrationNumber: 'T9234567890123',
    });
    expect(problemsOf(partnerInput, { ...customer, registrationNumber: 'T8234567890123' }).registrationNumber).toContain('チェックディジット');
    expect(problemsOf(partnerInput, { ...customer, postalCode: '150' }).postalCode).toContain('7桁');
    expect(problemsOf(partnerInput, { ...customer, phone: 'abc' }).phone).toContain('電話番号');
    // address fields are fine for any kind
    expect(problemsOf(partnerInput, { ...warehouse, address1: '埼玉県' })).toEqual({});
  });

  it('code: required, any printable text up to 255 characters like BCart 貴社独自会員ID (BC_NP-kakebarai passes)', () => {
    expect(problemsOf(partnerInput, { ...warehouse, code: '' }).code).toBe('取引先コードを入力してください。');
    expect(problemsOf(partnerInput, { ...warehouse, code: '得意先1' })).toEqual({});
    expect(problemsOf(partnerInput, { ...warehouse, code: 'A\nB' }).code).toContain('制御文字');
    expect(problemsOf(partnerInput, { ...warehouse, code: 'BC_NP-kakebarai' })).toEqual({});
  });

  it('a 倉庫 code typed in full width becomes half width; a 得意先コード stays as typed (it must equal BCart\'s 会員ID)', () => {
    expect(partnerInput.parse({ ...warehouse, code: 'ＷＨ－０１' })).toMatchObject({ code: 'WH-01' });
    // a 得意先コード is BCart's 貴社独自会員ID as the shop typed it; the import matches both sides after NFKC
    expect(partnerInput.parse({ ...customer, code: 'Ｃ００１' })).toMatchObject({ code: 'Ｃ００１' });
  });

  it('フリガナ: optional, stored as full-width katakana whatever was typed', () => {
    expect(partnerInput.parse({ ...customer, kana: 'かぶしきがいしゃ　てすと' })).toMatchObject({ kana: 'カブシキガイシャ テスト' });
    expect(partnerInput.parse({ ...customer, kana: 'ﾃｽﾄ' })).toMatchObject({ kana: 'テスト' });
    expect(partnerInput.parse({ ...customer, kana: null })).toMatchObject({ kana: '' });
    expect(problemsOf(partnerInput, { ...customer, kana: 'ア'.repeat(101) }).kana).toContain('100文字以内');
  });

  it('name: required and at most 100 characters', () => {
    expect(problemsOf(partnerInput, { ...warehouse, name: '  ' }).name).toBe('取引先名を入力してください。');
    expect(problemsOf(partnerInput, { ...warehouse, name: 'あ'.repeat(101) }).name).toContain('100文字以内');
  });

  it('kind: one of the four', () => {
    expect(problemsOf(partnerInput, { ...warehouse, kind: '顧客' }).kind).toContain('「得意先」「仕入先」「納入先」「倉庫」');
  });

  it('a customer needs 請求区分 and 税表示', () => {
    const p = problemsOf(partnerInput, { code: 'C1', name: 'A', kind: '得意先' });
    expect(p.billingType).toContain('請求区分');
    expect(p.taxDisplay).toContain('税表示');
  });

  it('締 needs 締日 1–28 or 末日 (31); 個別 must not have one', () => {
    expect(problemsOf(partnerInput, { ...customer, closingDay: '' }).closingDay).toContain('締日(1〜28、末日は31)を入力');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 0 }).closingDay).toContain('1〜28の日か「末日」');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 32 }).closingDay).toContain('1〜28の日か「末日」');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 29 }).closingDay).toContain('1〜28の日か「末日」');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 15.5 }).closingDay).toContain('1〜28の日か「末日」');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 31 })).toEqual({});
    expect(partnerInput.parse({ ...customer, closingDay: '末日' }).closingDay).toBe(31);
    expect(partnerInput.parse({ ...customer, closingDay: '20日' }).closingDay).toBe(20);
    expect(problemsOf(partnerInput, { ...customer, billingType: '個別', closingDay: 10 }).closingDay).toContain('個別請求では締日は使いません');
  });

  it('請求区分 / 税表示 values are checked', () => {
    expect(problemsOf(partnerInput, { ...customer, billingType: '月締' }).billingType).toContain('「個別」「締」');
    expect(problemsOf(partnerInput, { ...customer, taxDisplay: '内税' }).taxDisplay).toContain('「税込」「税抜」');
  });

  it.each(['仕入先', '納入先', '倉庫'])('%s: billing fields must be empty, each reported on its own field', (kind) => {
    const p = problemsOf(partnerInput, { ...customer, kind });
    expect(p.billingType).toBe(`請求区分は${kind}では使いません。空にするか、取引先種別を「得意先」にしてください。`);
    expect(p.closingDay).toContain(`締日は${kind}では使いません`);
    expect(p.taxDisplay).toContain(`税表示は${kind}では使いません`);
    const b = problemsOf(partnerInput, { ...warehouse, kind, collectMonths: 1, taxUnit: '請求単位', noStatement: true, openingBalance: 100 });
    expect(Object.keys(b).sort()).toEqual(['collectMonths', 'noStatement', 'openingBalance', 'taxUnit']);
    expect(b.openingBalance).toBe(`期首売掛金残高は${kind}では使いません。空にするか、取引先種別を「得意先」にしてください。`);
  });

  it('unknown fields are refused (strict)', () => {
    expect(partnerInput.safeParse({ ...warehouse, extra: 1 }).success).toBe(false);
  });

  it('closingDayLabel: 31 is 末日', () => {
    expect(closingDayLabel(31)).toBe('末日');
    expect(closingDayLabel(20)).toBe('20日');
    expect(closingDayLabel(null)).toBe('');
  });
});
