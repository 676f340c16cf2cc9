/**
 * 得意先コード ↔ 貴社独自会員ID (docs/import-rules.md#customer-per-payment-method): any printable text up to
 * 255 characters, matched after the same NFKC normalisation on both sides, and only when unique.
 */
import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import { customerIndex } from '../../../src-main/core/import/mapping/customer-index';
import { planCustomersFromMembers } from '../../../src-main/core/setup/onboarding-plan';
import { partnerInput } from '../../../src-shared/masters/partner';
import { customers, errorCodes, line, logistics, masters, order, product } from './fixtures';

const p = product(1, 'ITEM');
const FORTY = 'KANTO-WHOLESALE-PARTNER-2025-TOKYO-STORE-0015'; // 45 characters

function bill(extId: string, localCodes: string[]) {
  const all = [...customers().values(), ...localCodes.map((code, i) => ({ id: 900 + i, code, name: code }))];
  const o = order({ id: 1, payment: '銀行振込', customerExtId: extId, lines: [line(11, p)], logistics: [logistics(101)] });
  return mapOrdersForImport([o], masters([p], { customers: customerIndex(all) }));
}

const partner = (code: string) => ({ code, name: '山田商店', kind: '得意先', billingType: '個別', closingDay: null, taxDisplay: '税込' });

describe('取引先コード accepts what 貴社独自会員ID holds', () => {
  it.each([['山田商店-001/東京 本店'], [FORTY], ['x'.repeat(255)], ['Ｃ００２５']])('%s is a valid 取引先コード', (code) => {
    // before: half-width alphanumerics only, at most 30
    const r = partnerInput.safeParse(partner(code));
    expect(r.success).toBe(true);
  });

  it('trims, and refuses 256 characters and control characters with a Japanese message', () => {
    expect(partnerInput.parse(partner('  山田商店-001/東京 本店 ')).code).toBe('山田商店-001/東京 本店');
    const long = partnerInput.safeParse(partner('x'.repeat(256)));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe('取引先コードは255文字以内で入力してください。');
    const tab = partnerInput.safeParse(partner('A\tB'));
    expect(tab.error?.issues[0]?.message).toContain('制御文字');
  });

  it('初期設定 creates 得意先 from such members (before: refused as 「半角英数字」)', () => {
    const rows = planCustomersFromMembers(
      [
        { id: 1, extId: '山田商店-001/東京 本店', compName: '山田商店', name: '', email: '', tel: '', payment: '', status: null },
        { id: 2, extId: FORTY, compName: '関東', name: '', email: '', tel: '', payment: '', status: null },
        { id: 3, extId: 'ＡＢＣ', compName: 'x', name: '', email: '', tel: '', payment: '', status: null },
        { id: 4, extId: 'ABC', compName: 'y', name: '', email: '', tel: '', payment: '', status: null },
      ],
      new Map(),
    );
    expect(rows.map((r) => r.status)).toEqual(['new', 'new', 'new', 'invalid']);
    expect(rows[3]!.reason).toContain('重複');
  });
});

describe('matching after NFKC on both sides', () => {
  it('a member whose ext_id has a slash and spaces is matched', () => {
    const plan = bill('山田商店-001/東京 本店', ['山田商店-001/東京 本店']);
    expect(plan.problems).toEqual([]);
    expect(plan.invoices[0]!.customerCode).toBe('山田商店-001/東京 本店');
  });

  it('a 40+ character ext_id is matched', () => {
    expect(bill(FORTY, [FORTY]).invoices[0]!.customerCode).toBe(FORTY);
  });

  it('full width in BCart finds the half-width code, and the other way round', () => {
    expect(bill('Ｃ００２５', ['C0025']).invoices[0]!.customerCode).toBe('C0025');
    expect(bill('C0025', ['Ｃ００２５']).invoices[0]!.customerCode).toBe('Ｃ００２５');
    // half-width katakana and the full-width space too
    expect(bill('ﾔﾏﾀﾞ　本店', ['ヤマダ 本店']).invoices[0]!.customerCode).toBe('ヤマダ 本店');
  });

  it('two 得意先 that differ only in width are ambiguous: an error naming both, never a guess', () => {
    const plan = bill('C0025', ['C0025', 'Ｃ００２５']);
    expect(errorCodes(plan)).toEqual(['CUSTOMER_AMBIGUOUS']);
    expect(plan.problems[0]!.message).toContain('「C0025」、「Ｃ００２５」');
    expect(plan.invoices).toEqual([]);
  });

  it('an unknown ext_id is still CUSTOMER_MISSING', () => {
    expect(errorCodes(bill('山田商店-002', ['山田商店-001/東京 本店']))).toEqual(['CUSTOMER_MISSING']);
  });
});
