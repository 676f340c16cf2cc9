/** 登録番号: format and check digit (the 法人番号 scheme), with the issue's two examples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyInput } from '../../../src-shared/company/company';
import {
  normalizeRegistrationNumber,
  registrationCheckDigit,
  registrationNumberProblem,
} from '../../../src-shared/company/registration-number';

describe('registration number', () => {
  it('T9234567890123 is valid and T8234567890123 is not', () => {
    expect(registrationNumberProblem('T9234567890123')).toBeNull();
    expect(registrationNumberProblem('T8234567890123')).toBe('check-digit');
  });

  it('a real 法人番号 passes (国税庁: 7000012050002)', () => {
    expect(registrationNumberProblem('T7000012050002')).toBeNull();
  });

  it('exactly one of the ten leading digits is valid for any base', () => {
    for (const base of ['000000000000', '234567890123', '999999999999', '123456789012', '000012050002']) {
      const valid = [...'0123456789'].filter((d) => registrationNumberProblem(`T${d}${base}`) === null);
      expect(valid, base).toEqual([String(registrationCheckDigit(base))]);
    }
  });

  it('property: (Σ weighted digits + check digit) is a multiple of 9 and the check digit is 1–9', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }), (digits) => {
        const base = digits.join('');
        const check = registrationCheckDigit(base);
        // independent reading of the rule: weights 1,2,1,2… from the rightmost digit
        const weighted = digits.reduceRight((acc, d, i) => acc + d * ((11 - i) % 2 === 0 ? 1 : 2), 0);
        expect(check).toBeGreaterThanOrEqual(1);
        expect(check).toBeLessThanOrEqual(9);
        expect((weighted + check) % 9).toBe(0);
        expect(registrationNumberProblem(`T${check}${base}`)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('format problems: missing T, wrong length, letters', () => {
    for (const bad of ['9234567890123', 'T923456789012', 'T92345678901234', 'TX234567890123', 'A9234567890123', '']) {
      expect(registrationNumberProblem(bad), bad).toBe('format');
    }
  });

  it('full-width digits, a lower-case t, spaces and hyphens are normalized', () => {
    expect(normalizeRegistrationNumber(' ｔ９２３４５６７８９０１２３ ')).toBe('T9234567890123');
    expect(normalizeRegistrationNumber('T9-2345-6789-0123')).toBe('T9234567890123');
  });

  it('自社情報: a bad 登録番号 is reported on its field in Japanese; blank means none', () => {
    const bad = companyInput.safeParse({ name: '株式会社テスト', registrationNumber: 'T8234567890123' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['registrationNumber']);
    expect(bad.error?.issues[0]?.message).toContain('チェックディジット');
    expect(companyInput.parse({ name: '株式会社テスト', registrationNumber: '' }).registrationNumber).toBeNull();
    expect(companyInput.parse({ name: '株式会社テスト', registrationNumber: 'T9234567890123', postalCode: '1000001' })).toMatchObject({
      registrationNumber: 'T9234567890123',
      postalCode: '100-0001',
      bankAccountIds: [],
    });
  });
});
