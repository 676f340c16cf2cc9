/**
 * isIsoDate checks a 発送日 with calendar arithmetic (bench/import.bench.ts calls it 10,000 times a
 * run). Oracle: the JavaScript Date round trip — a real date parses and prints back unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../src-shared/domain/jst-date';

const roundTrip = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isIsoDate = the Date round trip', () => {
  it('every YYYY-MM-DD shape, leap years and impossible days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(isIsoDate(s)).toBe(roundTrip(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('other shapes are refused', () => {
    for (const s of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2025-04-31', '2025-12-31', '2025-1-01', ' 2025-01-01', '2025-01-01T00:00', '', '２０２５-01-01'])
      expect(isIsoDate(s), s).toBe(roundTrip(s));
  });
});
