/** 締日 periods: exhaustive over several years against a brute-force oracle, plus 締日 changes. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/domain/jst-date';
import { daysInMonth } from '../../../src-main/core/receivables/rules/calendar-month';
import {
  checkClosing,
  closingDateBefore,
  closingDateOnOrAfter,
  isClosingDate,
  projectedClosingDate,
} from '../../../src-main/core/receivables/rules/closing-calendar';

const DAYS = [...Array.from({ length: 28 }, (_, i) => i + 1), 31];

/** Oracle: a date closes for day N when it is the N-th, or the month's last day and the month is shorter than N. */
function oracleIsClosing(date: string, n: number): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return d.getUTCDate() === Math.min(n, last);
}

function* dates(from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

describe('closing calendar', () => {
  it('daysInMonth follows the Gregorian leap rule', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 31, 30, 31]);
  });

  it('exhaustive 2023-12-01 … 2028-03-31: isClosingDate, on-or-after and before agree with the oracle', () => {
    const all = [...dates('2023-12-01', '2028-03-31')];
    for (const n of DAYS) {
      const closings = all.filter((d) => oracleIsClosing(d, n));
      for (const d of all) expect(isClosingDate(d, n), `${d} ${n}`).toBe(oracleIsClosing(d, n));
      for (const d of all.filter((x) => x >= '2024-01-01' && x <= '2028-02-01')) {
        expect(closingDateOnOrAfter(d, n), `${d} ${n}`).toBe(closings.find((c) => c >= d));
        expect(closingDateBefore(d, n), `${d} ${n}`).toBe([...closings].reverse().find((c) => c < d));
      }
    }
  });

  it('末日 closes on 2/29 in a leap year and 2/28 otherwise; 20日 on the 20th', () => {
    expect(closingDateOnOrAfter('2024-02-10', 31)).toBe('2024-02-29');
    expect(closingDateOnOrAfter('2025-02-10', 31)).toBe('2025-02-28');
    expect(closingDateOnOrAfter('2025-02-21', 20)).toBe('2025-03-20');
    expect(closingDateOnOrAfter('2025-12-21', 20)).toBe('2026-01-20');
  });

  it('first closing: any closing date of the current 締日; the period starts after the previous one', () => {
    expect(checkClosing('2025-01-31', 31, null)).toEqual({ due: true, periodFrom: '2025-01-01', closingDay: 31 });
    expect(checkClosing('2025-01-20', 20, null)).toEqual({ due: true, periodFrom: '2024-12-21', closingDay: 20 });
    expect(checkClosing('2025-01-30', 31, null)).toMatchObject({ due: false, reason: 'not-closing-day', expected: '2025-01-31' });
  });

  it('after a closing: only the next closing date is due; earlier is closed, later waits for the missed one', () => {
    const last = { closingDate: '2025-01-20', closingDay: 20 };
    expect(checkClosing('2025-02-20', 20, last)).toEqual({ due: true, periodFrom: '2025-01-21', closingDay: 20 });
    expect(checkClosing('2025-01-20', 20, last)).toMatchObject({ due: false, reason: 'already-closed' });
    expect(checkClosing('2025-02-10', 20, last)).toMatchObject({ due: false, reason: 'not-closing-day', expected: '2025-02-20' });
    expect(checkClosing('2025-03-20', 20, last)).toMatchObject({ due: false, reason: 'earlier-closing-pending', expected: '2025-02-20' });
  });

  it('changing 締日 takes effect from the next period', () => {
    // closed on 1/20 with 20日; the clerk then changed 締日 to 末日: the open period still ends on 2/20
    const last = { closingDate: '2025-01-20', closingDay: 20 };
    expect(checkClosing('2025-01-31', 31, last)).toMatchObject({ due: false, reason: 'not-closing-day', expected: '2025-02-20' });
    expect(checkClosing('2025-02-20', 31, last)).toEqual({ due: true, periodFrom: '2025-01-21', closingDay: 31 });
    // that closing records 末日, so the next period is 2/21–2/28
    const next = { closingDate: '2025-02-20', closingDay: 31 };
    expect(checkClosing('2025-02-28', 31, next)).toEqual({ due: true, periodFrom: '2025-02-21', closingDay: 31 });
    expect(checkClosing('2025-03-20', 31, next)).toMatchObject({ due: false, reason: 'earlier-closing-pending', expected: '2025-02-28' });
    expect(projectedClosingDate('2025-02-25', 31, next)).toBe('2025-02-28');
    expect(projectedClosingDate('2025-02-15', 31, last)).toBe('2025-02-20');
  });

  it('projected closing of an unbilled invoice: inside the open period → its end; after it → the current 締日', () => {
    const last = { closingDate: '2025-01-20', closingDay: 20 };
    expect(projectedClosingDate('2025-01-10', 31, last)).toBe('2025-02-20'); // late: billed on the open period
    expect(projectedClosingDate('2025-02-05', 31, last)).toBe('2025-02-20');
    expect(projectedClosingDate('2025-02-25', 31, last)).toBe('2025-02-28');
    expect(projectedClosingDate('2025-02-25', 20, null)).toBe('2025-03-20');
  });
});
