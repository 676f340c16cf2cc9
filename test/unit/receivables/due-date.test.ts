/** 入金予定日: 回収サイト and the bank-holiday shift (土日・祝日・年末年始), against the real holiday table. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/domain/jst-date';
import { isJapaneseHoliday } from '../../../src-main/core/schedules/holidays';
import { dueDate, isBankHoliday, nominalDueDate, shiftToBusinessDay } from '../../../src-main/core/receivables/rules/due-date';

const holiday = isJapaneseHoliday;

describe('due dates', () => {
  it('翌月末, 翌月10日, 翌々月末, 当月25日 from a closing date', () => {
    expect(nominalDueDate('2025-01-31', { months: 1, day: 31 })).toBe('2025-02-28');
    expect(nominalDueDate('2024-01-31', { months: 1, day: 31 })).toBe('2024-02-29');
    expect(nominalDueDate('2025-01-20', { months: 1, day: 10 })).toBe('2025-02-10');
    expect(nominalDueDate('2025-01-31', { months: 2, day: 31 })).toBe('2025-03-31');
    expect(nominalDueDate('2025-01-20', { months: 0, day: 25 })).toBe('2025-01-25');
    expect(nominalDueDate('2025-12-31', { months: 1, day: 31 })).toBe('2026-01-31');
  });

  it('a due date before its base moves to the next month (当月10日 after the 20th)', () => {
    expect(nominalDueDate('2025-01-20', { months: 0, day: 10 })).toBe('2025-02-10');
    expect(nominalDueDate('2025-01-10', { months: 0, day: 10 })).toBe('2025-01-10');
  });

  it('bank holidays: weekends, public holidays and 12/31–1/3', () => {
    expect(isBankHoliday('2025-05-31', holiday)).toBe(true); // Saturday
    expect(isBankHoliday('2025-06-01', holiday)).toBe(true); // Sunday
    expect(isBankHoliday('2025-05-05', holiday)).toBe(true); // こどもの日
    expect(isBankHoliday('2025-12-31', holiday)).toBe(true);
    expect(isBankHoliday('2026-01-02', holiday)).toBe(true);
    expect(isBankHoliday('2025-06-02', holiday)).toBe(false);
  });

  it('前営業日 / 翌営業日 shifts', () => {
    // 2025-05-31 (Sat): 前営業日 5/30 (Fri), 翌営業日 6/2 (Mon)
    expect(dueDate('2025-04-30', { months: 1, day: 31, holidayShift: '前営業日' }, holiday)).toBe('2025-05-30');
    expect(dueDate('2025-04-30', { months: 1, day: 31, holidayShift: '翌営業日' }, holiday)).toBe('2025-06-02');
    // 2025-11-30 (Sun) → 11/28 (Fri) / 12/1 (Mon)
    expect(dueDate('2025-10-31', { months: 1, day: 31, holidayShift: '前営業日' }, holiday)).toBe('2025-11-28');
    expect(dueDate('2025-10-31', { months: 1, day: 31, holidayShift: '翌営業日' }, holiday)).toBe('2025-12-01');
    // 2025-12-31 is closed: 前営業日 12/30; 翌営業日 skips 1/1–1/3 and the weekend → 2026-01-05
    expect(dueDate('2025-11-30', { months: 1, day: 31, holidayShift: '前営業日' }, holiday)).toBe('2025-12-30');
    expect(dueDate('2025-11-30', { months: 1, day: 31, holidayShift: '翌営業日' }, holiday)).toBe('2026-01-05');
    // Golden Week: 2025-05-05 (祝) and 5/6 (振替休日) → 5/2 / 5/7
    expect(dueDate('2025-04-20', { months: 1, day: 5, holidayShift: '前営業日' }, holiday)).toBe('2025-05-02');
    expect(dueDate('2025-04-20', { months: 1, day: 5, holidayShift: '翌営業日' }, holiday)).toBe('2025-05-07');
  });

  it('exhaustive 2025–2026: the shifted date is a business day, no business day is skipped, and business days stay', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      for (const shift of ['前営業日', '翌営業日'] as const) {
        const s = shiftToBusinessDay(d, shift, holiday);
        expect(isBankHoliday(s, holiday), `${d} ${shift}`).toBe(false);
        if (!isBankHoliday(d, holiday)) expect(s).toBe(d);
        const step = shift === '前営業日' ? -1 : 1;
        for (let x = d; x !== s; x = addDays(x, step)) expect(isBankHoliday(x, holiday), `${d} → ${s} skips ${x}`).toBe(true);
      }
    }
  });
});
