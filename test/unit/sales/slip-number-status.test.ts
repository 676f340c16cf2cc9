/** 売上伝票 numbers per 部門 and the life-cycle table, exhaustively. */
import { describe, expect, it } from 'vitest';
import { formatSlipNo, numberAtConfirm } from '../../../src-shared/sales/slip-number';
import { canDo, refusal, SALES_STATUSES, type SalesAction, type SalesStatus } from '../../../src-shared/sales/slip-status';

describe('formatSlipNo', () => {
  it('is the 部門 code and a zero-padded sequence', () => {
    expect(formatSlipNo('D01', 1)).toBe('D01-000001');
    expect(formatSlipNo('本社', 123456)).toBe('本社-123456');
    expect(formatSlipNo('D01', 1234567)).toBe('D01-1234567');
  });
  it('refuses a sequence that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => formatSlipNo('D', bad)).toThrow(RangeError);
  });
});

describe('numberAtConfirm', () => {
  it('takes the next number of the 部門 for a slip that never had one', () => {
    expect(numberAtConfirm({ seq: null }, 0)).toEqual({ seq: 1, fresh: true });
    expect(numberAtConfirm({ seq: null }, 41)).toEqual({ seq: 42, fresh: true });
  });
  it('gives a 確定取消 slip its own number back (no new number, no gap)', () => {
    expect(numberAtConfirm({ seq: 7 }, 41)).toEqual({ seq: 7, fresh: false });
  });
});

describe('life cycle', () => {
  const expected: Record<SalesStatus, Record<SalesAction, boolean>> = {
    draft: { edit: true, confirm: true, cancel: false, delete: true },
    confirmed: { edit: false, confirm: false, cancel: true, delete: false },
    cancelled: { edit: true, confirm: true, cancel: false, delete: false },
  };
  for (const s of SALES_STATUSES) {
    for (const a of ['edit', 'confirm', 'cancel', 'delete'] as const) {
      it(`${s} → ${a}: ${expected[s][a] ? 'allowed' : 'refused with a Japanese reason'}`, () => {
        expect(canDo(s, a)).toBe(expected[s][a]);
        if (!expected[s][a]) expect(refusal(s, a)).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      });
    }
  }
  it('a cancelled slip cannot be deleted because it keeps its number', () => {
    expect(refusal('cancelled', 'delete')).toContain('伝票番号');
  });
});
