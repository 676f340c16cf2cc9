/**
 * The renderer's one yen / count formatter and its one JST date-time formatter, on a table of
 * inputs with the text a clerk must read. Timestamps in any offset come out in JST wall time,
 * whatever the machine's own time zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatJstDateTime } from '../../../src-renderer/format/datetime';
import { formatCount, formatYen } from '../../../src-renderer/format/number';

describe('formatYen', () => {
  it.each([
    [0, '¥0'],
    [5, '¥5'],
    [999, '¥999'],
    [1000, '¥1,000'],
    [1234, '¥1,234'],
    [1234567, '¥1,234,567'],
    [99_999_999_999, '¥99,999,999,999'],
    [-1, '-¥1'],
    [-500, '-¥500'],
    [-1234567, '-¥1,234,567'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d → %s', (n, text) => {
    expect(formatYen(n)).toBe(text);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [12, '12'],
    [1000, '1,000'],
    [100000, '100,000'],
    [200_000, '200,000'],
    [-3000, '-3,000'],
    [1234.5, '1,234.5'],
    [Number.NaN, '—'],
  ])('%d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('formatJstDateTime', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it.each([
    ['2025-05-01T12:00:00+09:00', {}, '2025/05/01 12:00'],
    ['2025-05-01T03:00:00Z', {}, '2025/05/01 12:00'],
    ['2025-05-01T03:00:00.123Z', {}, '2025/05/01 12:00'],
    ['2025-04-30T18:30:00-08:00', {}, '2025/05/01 11:30'],
    ['2025-12-31T15:00:00Z', {}, '2026/01/01 00:00'],
    ['2026-11-26T07:30:00+09:00', { weekday: true }, '2026/11/26(木) 07:30'],
    ['2025-05-04T23:59:00+09:00', { weekday: true }, '2025/05/04(日) 23:59'],
    ['2025-05-04T15:00:00Z', { weekday: true }, '2025/05/05(月) 00:00'],
    // BCart's own form: JST without an offset
    ['2025-05-01 09:15:00', {}, '2025/05/01 09:15'],
    [null, {}, '—'],
    ['そのまま', {}, 'そのまま'],
  ] as const)('%s %o → %s', (iso, opts, text) => {
    expect(formatJstDateTime(iso, opts)).toBe(text);
  });

  it('does not depend on the machine time zone', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(formatJstDateTime('2025-05-04T15:00:00Z', { weekday: true })).toBe('2025/05/05(月) 00:00');
    }
  });
});
