/**
 * The renderer's one yen / count formatter and its one JST date-time formatter, on a table of
 * inputs with the text a clerk must read. Timestamps in any offset come out in JST wall time,
 * whatever the machine's own time zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDatesInText, formatJstDate, formatJstDateTime, parseDateText } from '../../../src-renderer/format/datetime';
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

describe('formatJstDate (business dates)', () => {
  it.each([
    ['2026-12-04', {}, '2026/12/04'],
    ['2026-12-04', { weekday: true }, '2026/12/04(金)'],
    ['2026-12-06', { weekday: true }, '2026/12/06(日)'],
    ['2024-02-29', { weekday: true }, '2024/02/29(木)'],
    [null, {}, '—'],
    ['', {}, '—'],
    ['2026-02-30', {}, '2026-02-30'],
  ] as const)('%s %o → %s', (ymd, opts, text) => {
    expect(formatJstDate(ymd, opts)).toBe(text);
  });
});

describe('parseDateText: what a clerk types, whatever the PC locale', () => {
  const today = '2026-12-04';
  it.each([
    ['2026/12/04', '2026-12-04'],
    ['2026/12/4', '2026-12-04'],
    ['2026-12-04', '2026-12-04'],
    ['2026.1.5', '2026-01-05'],
    ['20261204', '2026-12-04'],
    ['２０２６／１２／４', '2026-12-04'],
    ['2026年12月4日', '2026-12-04'],
    ['2026/12/04(金)', '2026-12-04'],
    ['12/4', '2026-12-04'],
    ['1/15', '2026-01-15'],
    ['0105', '2026-01-05'],
    ['2026/02/30', null],
    ['2026/13/01', null],
    ['12/04/2026', null],
    ['あした', null],
    ['', null],
  ])('%s → %s', (text, ymd) => {
    expect(parseDateText(text, today)).toBe(ymd);
  });
});

describe('formatDatesInText (messages from main)', () => {
  it('turns real ISO dates into 2026/12/04 and leaves other digits alone', () => {
    expect(formatDatesInText('出荷取込処理（受注日 2026-11-29〜2026-12-05）: 注文 40 件')).toBe('出荷取込処理（受注日 2026/11/29〜2026/12/05）: 注文 40 件');
    expect(formatDatesInText('受注番号 20261204001、値 2026-13-45')).toBe('受注番号 20261204001、値 2026-13-45');
  });
});
