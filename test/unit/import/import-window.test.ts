/** The 受注日 window of a run and the cursor after it (docs/import-rules.md#window-and-cursor). */
import { describe, expect, it } from 'vitest';
import { importWindow, isCaughtUp, nextCursor } from '../../../src-main/core/import/import-window';

describe('import window', () => {
  it('covers at most 7 days of 受注日 from the cursor', () => {
    expect(importWindow('2025-04-01', '2025-05-01')).toEqual({ from: '2025-04-01', to: '2025-04-07' });
  });

  it('never goes past today', () => {
    expect(importWindow('2025-04-28', '2025-05-01')).toEqual({ from: '2025-04-28', to: '2025-05-01' });
    expect(importWindow('2025-05-01', '2025-05-01')).toEqual({ from: '2025-05-01', to: '2025-05-01' });
  });

  it('is empty when the cursor is after today', () => {
    expect(importWindow('2025-05-02', '2025-05-01')).toBeNull();
    expect(isCaughtUp(null, '2025-05-01')).toBe(true);
  });

  it('moves the cursor to the day after the window, but keeps it on today once caught up', () => {
    expect(nextCursor({ from: '2025-04-01', to: '2025-04-07' }, '2025-05-01')).toBe('2025-04-08');
    expect(nextCursor({ from: '2025-04-28', to: '2025-05-01' }, '2025-05-01')).toBe('2025-05-01');
    expect(isCaughtUp({ from: '2025-04-01', to: '2025-04-07' }, '2025-05-01')).toBe(false);
    expect(isCaughtUp({ from: '2025-04-28', to: '2025-05-01' }, '2025-05-01')).toBe(true);
  });

  it('crosses month and year ends on the calendar', () => {
    expect(importWindow('2024-12-28', '2025-02-01')).toEqual({ from: '2024-12-28', to: '2025-01-03' });
    expect(importWindow('2024-02-26', '2024-03-30')).toEqual({ from: '2024-02-26', to: '2024-03-03' });
  });
});
