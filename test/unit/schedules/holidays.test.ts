import { describe, expect, it } from 'vitest';
import { isJapaneseHoliday, japaneseHolidayName } from '../../../src-main/core/schedules/holidays';

describe('isJapaneseHoliday', () => {
  it('knows 元日, Golden Week 2026 with its 振替休日, and 勤労感謝の日', () => {
    for (const d of ['2026-01-01', '2026-04-29', '2026-05-04', '2026-05-05', '2026-05-06', '2026-11-23']) {
      expect(isJapaneseHoliday(d)).toBe(true);
    }
    expect(japaneseHolidayName('2026-01-01')).toBe('元日');
    expect(japaneseHolidayName('2026-05-06')).toContain('振替休日');
  });

  it('is false on working days and for anything that is not a date key', () => {
    for (const d of ['2026-01-02', '2026-05-07', '2026-11-24', 'toString', '', '2026-1-1']) {
      expect(isJapaneseHoliday(d)).toBe(false);
    }
    expect(japaneseHolidayName('2026-05-07')).toBeNull();
  });
});
