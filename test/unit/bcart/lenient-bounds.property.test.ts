/**
 * Lenient numbers are bounded (docs/bcart-api.md#numbers-and-timestamps): whatever BCart sends, a value the schemas accept
 * is a safe integer or a decimal of at most 15 integer and 10 fractional digits, so money and
 * quantities never become Infinity downstream and a hostile exponent never makes the main process
 * build a huge string. The oracle is decimal.js on the original text, not the code under test.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderProductWire } from '../../../src-main/core/bcart/schemas';
import { LENIENT_LIMITS } from '../../../src-main/core/bcart/schemas/lenient';

const line = (over: Record<string, unknown>) => ({ id: 1, order_id: 2, ...over });
const price = (v: unknown) => orderProductWire.safeParse(line({ unit_price: v }));
const count = (v: unknown) => orderProductWire.safeParse(line({ order_pro_count: v }));

/** The documented bounds, decided from the text with decimal.js alone. */
function withinBounds(text: string): boolean {
  const t = text.trim();
  const exp = /e([+-]?\d+)$/i.exec(t)?.[1];
  if (t.length > 40 || (exp !== undefined && Math.abs(Number(exp)) > 30)) return false;
  const d = new Decimal(t);
  return d.isFinite() && d.abs().lt(new Decimal(10).pow(15)) && d.decimalPlaces() <= 10;
}

/** Numeric-looking text, including exponents far beyond any amount and long digit runs. */
const numericText = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.stringMatching(/^\d{0,25}$/),
    fc.option(fc.stringMatching(/^\d{0,14}$/), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 400 })), { nil: undefined }),
  )
  .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : `${exp[0]}${exp[1]}${exp[2]}`}`)
  .filter((t) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t));

describe('lenient numbers are bounded', () => {
  it('a hostile exponent is refused without building its digits', () => {
    for (const v of ['1e300000000', '-1e300000000', '1e-300000000', '9.99e99999999999', '1E400']) {
      expect(price(v).success, v).toBe(false);
      expect(count(v).success, v).toBe(false);
    }
  });

  it('amounts beyond 15 integer digits or 10 fraction digits are refused, as text and as JSON numbers', () => {
    for (const v of ['1e15', '1000000000000000', '-1000000000000000', '0.00000000001', '1e-11', 1e15, 1e21, 1e-11, 1e300]) {
      expect(price(v).success, String(v)).toBe(false);
    }
    expect(price('999999999999999.9999999999').success).toBe(true);
    expect(price('1.5e3').success && price('1.5e3').data?.unitPrice).toBe('1500');
  });

  it('Infinity, NaN and overlong text are never accepted', () => {
    for (const v of ['Infinity', '-Infinity', 'NaN', Infinity, -Infinity, NaN, '1'.repeat(5000), `0.${'0'.repeat(5000)}1`]) {
      expect(price(v).success, String(v).slice(0, 20)).toBe(false);
      expect(count(v).success, String(v).slice(0, 20)).toBe(false);
    }
  });

  it('any accepted decimal is finite, canonical and bounded; anything refused was out of bounds (property)', () => {
    fc.assert(
      fc.property(numericText, (text) => {
        const r = price(text);
        if (r.success) {
          const got = r.data.unitPrice;
          expect(got).toMatch(/^-?(0|[1-9]\d{0,14})(\.\d{0,9}[1-9])?$/);
          expect(new Decimal(got).eq(new Decimal(text))).toBe(true);
        } else {
          expect(withinBounds(text)).toBe(false);
        }
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('any accepted integer is a safe integer equal to the text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(numericText, fc.string({ maxLength: 30 })), (text) => {
        const r = count(text);
        if (!r.success) return;
        const n = r.data.orderProCount;
        // "" stays empty (an error of the order later), never a silent 0
        if (text.trim() === '') {
          expect(n).toBeNull();
        } else {
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(new Decimal(text.trim()).eq(n!)).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 61 },
    );
  });

  it('any accepted JSON number is bounded (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (v) => {
        const r = price(v);
        if (!r.success) return;
        expect(Number.isFinite(v)).toBe(true);
        expect(r.data.unitPrice.length).toBeLessThanOrEqual(LENIENT_LIMITS.maxTextLength);
        expect(new Decimal(r.data.unitPrice).abs().lt(new Decimal(10).pow(LENIENT_LIMITS.maxIntegerDigits))).toBe(true);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
