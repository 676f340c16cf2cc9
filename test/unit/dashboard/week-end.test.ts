/** ホーム's week runs Monday to Sunday: every weekday of a known week, a month and a year turn. */
import { describe, expect, it } from 'vitest';
import { weekEndOf } from '../../../src-shared/dashboard/week';

describe('weekEndOf', () => {
  it('maps each day of the week of Mon 2025-04-28 to Sun 2025-05-04', () => {
    for (const d of ['2025-04-28', '2025-04-29', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']) expect(weekEndOf(d)).toBe('2025-05-04');
    expect(weekEndOf('2025-05-05')).toBe('2025-05-11');
  });
  it('crosses a year end and a leap day', () => {
    expect(weekEndOf('2025-12-31')).toBe('2026-01-04'); // a Wednesday
    expect(weekEndOf('2024-02-27')).toBe('2024-03-03'); // a Tuesday, 29 Feb in between
  });
});
