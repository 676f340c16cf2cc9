/** 取引先 validation: every rule, with its Japanese message on the right field. */
import { describe, expect, it } from 'vitest';
import { closingDayLabel, partnerInput } from '../../../src-shared/masters/partner';
import { problemsOf } from './problems';

const customer = { code: 'C001', name: '株式会社テスト', kind: '得意先', billingType: '締', closingDay: 20, taxDisplay: '税込' };
const warehouse = { code: 'W1', name: '本社倉庫', kind: '倉庫' };

describe('partnerInput', () => {
  it('accepts a 締 customer, an 個別 customer and a warehouse; blanks become null', () => {
    expect(partnerInput.parse(customer)).toEqual(customer);
    expect(partnerInput.parse({ ...customer, billingType: '個別', closingDay: '' })).toMatchObject({ billingType: '個別', closingDay: null });
    expect(partnerInput.parse({ ...warehouse, billingType: '', closingDay: Number.NaN, taxDisplay: '' })).toEqual({
      ...warehouse,
      billingType: null,
      closingDay: null,
      taxDisplay: null,
    });
  });

  it('code: required, any printable text up to 255 characters like BCart 貴社独自会員ID (BC_NP-kakebarai passes)', () => {
    expect(problemsOf(partnerInput, { ...warehouse, code: '' }).code).toBe('取引先コードを入力してください。');
    expect(problemsOf(partnerInput, { ...warehouse, code: '得意先1' })).toEqual({});
    expect(problemsOf(partnerInput, { ...warehouse, code: 'A\nB' }).code).toContain('制御文字');
    expect(problemsOf(partnerInput, { ...warehouse, code: 'BC_NP-kakebarai' })).toEqual({});
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

  it('締 needs 締日 1–31; 個別 must not have one', () => {
    expect(problemsOf(partnerInput, { ...customer, closingDay: '' }).closingDay).toContain('締日(1〜31、31は末日)を入力');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 0 }).closingDay).toContain('1〜31');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 32 }).closingDay).toContain('1〜31');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 15.5 }).closingDay).toContain('整数');
    expect(problemsOf(partnerInput, { ...customer, closingDay: 31 })).toEqual({});
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
