/** 請求口座 validation: every rule, with its Japanese message on the right field. */
import { describe, expect, it } from 'vitest';
import { bankAccountInput } from '../../../src-shared/masters/bank-account';
import { problemsOf } from './problems';

const base = { code: 'BANK01', bankName: 'みずほ銀行', branchName: '渋谷支店', accountType: '普通', accountNumber: '1234567', holder: 'カ）ビーカートシヨウジ' };

describe('bankAccountInput', () => {
  it('accepts a normal account', () => {
    expect(bankAccountInput.parse(base)).toEqual(base);
  });

  it('code, bank and branch are required', () => {
    const p = problemsOf(bankAccountInput, { ...base, code: '', bankName: '', branchName: '' });
    expect(p).toMatchObject({ code: '口座コードを入力してください。', bankName: '銀行名を入力してください。', branchName: '支店名を入力してください。' });
  });

  it('口座種別: 普通 / 当座 / 貯蓄', () => {
    expect(problemsOf(bankAccountInput, { ...base, accountType: '定期' }).accountType).toContain('「普通」「当座」「貯蓄」');
    for (const t of ['普通', '当座', '貯蓄']) expect(problemsOf(bankAccountInput, { ...base, accountType: t })).toEqual({});
  });

  it('口座番号: exactly 7 half-width digits', () => {
    for (const n of ['123456', '12345678', '１２３４５６７', '12345a7']) {
      expect(problemsOf(bankAccountInput, { ...base, accountNumber: n }).accountNumber).toContain('7桁の半角数字');
    }
    expect(problemsOf(bankAccountInput, { ...base, accountNumber: '0012345' })).toEqual({});
  });

  it('口座名義: full-width katakana and alphanumerics; hiragana and kanji refused', () => {
    for (const h of ['ビーカート　タロウ', 'ＢＣＡＲＴ（カ', 'カ）ABC123']) expect(problemsOf(bankAccountInput, { ...base, holder: h })).toEqual({});
    for (const h of ['びーかーと', '山田太郎', 'ｶﾌﾞｼｷｶﾞｲｼｬ']) expect(problemsOf(bankAccountInput, { ...base, holder: h }).holder).toContain('全角カタカナと英数字');
    expect(problemsOf(bankAccountInput, { ...base, holder: '' }).holder).toBe('口座名義を入力してください。');
  });
});
