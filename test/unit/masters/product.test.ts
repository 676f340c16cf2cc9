/** 商品 validation: every rule, with its Japanese message on the right field. */
import { describe, expect, it } from 'vitest';
import { janCheckDigitOk, productInput } from '../../../src-shared/masters/product';
import { problemsOf } from './problems';

const base = { code: 'P001', name: 'コーヒー豆 200g', unitQuantity: 12, inventoryTracked: true, unitPrice: 1200 };

describe('productInput', () => {
  it('accepts a minimal product; variations default to "", optional fields to null', () => {
    expect(productInput.parse(base)).toEqual({ ...base, variationH: '', variationV: '', skuCode: null, taxClassId: null, janCode: null, costPrice: null, kana: '' });
  });

  it('accepts every field, form-style strings included', () => {
    const v = productInput.parse({ ...base, variationH: 'RED', variationV: 'M', skuCode: 'SKU-1', taxClassId: '3', janCode: '4901234567894' });
    expect(v).toMatchObject({ variationH: 'RED', variationV: 'M', skuCode: 'SKU-1', taxClassId: 3, janCode: '4901234567894' });
    expect(productInput.parse({ ...base, skuCode: '', taxClassId: '', janCode: '' })).toMatchObject({ skuCode: null, taxClassId: null, janCode: null });
  });

  it('原価: optional, a whole yen amount ≥ 0; blank (or a cleared number input) is none', () => {
    expect(productInput.parse({ ...base, costPrice: 700 }).costPrice).toBe(700);
    expect(productInput.parse({ ...base, costPrice: 0 }).costPrice).toBe(0);
    expect(productInput.parse({ ...base, costPrice: '' }).costPrice).toBeNull();
    expect(productInput.parse({ ...base, costPrice: Number.NaN }).costPrice).toBeNull();
    expect(problemsOf(productInput, { ...base, costPrice: -1 }).costPrice).toContain('原価は0以上の整数');
    expect(problemsOf(productInput, { ...base, costPrice: 1.5 }).costPrice).toContain('原価は0以上の整数');
  });

  it('code: required, half-width', () => {
    expect(problemsOf(productInput, { ...base, code: '' }).code).toBe('商品コードを入力してください。');
    expect(problemsOf(productInput, { ...base, code: 'コーヒー' }).code).toContain('半角英数字');
  });

  it('codes typed in full width (IME on) become half width: 商品コード, 枝番, SKUコード', () => {
    expect(productInput.parse({ ...base, code: 'ＰＯＯ１', variationH: 'ＲＥＤ', skuCode: 'ＳＫＵ－１' })).toMatchObject({ code: 'POO1', variationH: 'RED', skuCode: 'SKU-1' });
  });

  it('枝番(横)/(縦): half-width, at most 20, may be empty', () => {
    expect(problemsOf(productInput, { ...base, variationH: '赤' }).variationH).toContain('枝番(横)は半角英数字');
    expect(problemsOf(productInput, { ...base, variationV: 'x'.repeat(21) }).variationV).toContain('20文字以内');
    expect(problemsOf(productInput, { ...base, variationH: '', variationV: '' })).toEqual({});
  });

  it('SKU code: half-width when given', () => {
    expect(problemsOf(productInput, { ...base, skuCode: 'SKU 1' }).skuCode).toContain('SKUコードは半角英数字');
  });

  it('name: required', () => {
    expect(problemsOf(productInput, { ...base, name: '' }).name).toBe('商品名を入力してください。');
  });

  it('計上単位: an integer ≥ 1', () => {
    for (const q of [0, -1, 1.5, Number.NaN, '12']) expect(problemsOf(productInput, { ...base, unitQuantity: q }).unitQuantity).toContain('1以上の整数');
    expect(problemsOf(productInput, { ...base, unitQuantity: 1 })).toEqual({});
  });

  it('棚卸対象: a boolean', () => {
    expect(problemsOf(productInput, { ...base, inventoryTracked: 'yes' }).inventoryTracked).toContain('棚卸対象');
  });

  it('税区分: optional positive id', () => {
    expect(problemsOf(productInput, { ...base, taxClassId: -1 }).taxClassId).toBeDefined();
    expect(problemsOf(productInput, { ...base, taxClassId: 2 })).toEqual({});
  });

  it('単価: integer yen ≥ 0', () => {
    expect(problemsOf(productInput, { ...base, unitPrice: -1 }).unitPrice).toBe('単価は0以上の整数(円)で入力してください。');
    expect(problemsOf(productInput, { ...base, unitPrice: 10.5 }).unitPrice).toContain('整数(円)');
    expect(problemsOf(productInput, { ...base, unitPrice: 0 })).toEqual({});
  });

  it('JAN: 8 or 13 digits with a valid check digit', () => {
    expect(problemsOf(productInput, { ...base, janCode: '490123456789' }).janCode).toContain('8桁または13桁');
    expect(problemsOf(productInput, { ...base, janCode: '4901234567890' }).janCode).toContain('チェックデジット');
    expect(problemsOf(productInput, { ...base, janCode: '49012347' })).toEqual({});
    expect(problemsOf(productInput, { ...base, janCode: '4901234567894' })).toEqual({});
  });

  it('janCheckDigitOk on known codes', () => {
    expect(janCheckDigitOk('4549995186550')).toBe(true);
    expect(janCheckDigitOk('4549995186551')).toBe(false);
    expect(janCheckDigitOk('49968705')).toBe(true);
    expect(janCheckDigitOk('49968706')).toBe(false);
  });
});
