/** Property tests: every wire spelling of a number normalises to the same exact value. */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderProductWire } from '../../../src-main/core/bcart/schemas';

const line = (over: Record<string, unknown>) => ({ id: 1, order_id: 2, ...over });

describe('lenient numbers (properties)', () => {
  it('an integer as number, string, padded or with ".0" reads the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const forms = [n, String(n), ` ${n} `, `${n}.0`, `${n}.000`];
        const got = forms.map((f) => orderProductWire.parse(line({ order_pro_count: f })).orderProCount);
        expect(new Set(got)).toEqual(new Set([n === 0 ? 0 : n]));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  // every amount within the bounds (lenient-bounds.property.test.ts covers what lies beyond them)
  it('decimals stay exact and canonical, equal to decimal.js', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }), (units, scale, pad) => {
        const exact = new Decimal(units.toString()).div(new Decimal(10).pow(scale));
        const text = exact.toFixed(scale) + (scale > 0 ? '0'.repeat(pad) : ''); // trailing zeros as BCart may send ("0.10")
        const got = orderProductWire.parse(line({ unit_price: text })).unitPrice;
        expect(new Decimal(got).eq(exact)).toBe(true);
        expect(got).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('JSON numbers with a fraction keep their shortest decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 4 }), (n, scale) => {
        const v = n / 10 ** scale; // what JSON.parse gives for "1.23"
        const got = orderProductWire.parse(line({ tax_rate: v })).taxRate;
        expect(got).toBe(new Decimal(String(v)).toFixed() === '-0' ? '0' : new Decimal(String(v)).toFixed());
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('"" and null mean no value; garbage is rejected', () => {
    expect(orderProductWire.parse(line({ tax_rate: '', tax_type_id: null })).taxRate).toBeNull();
    for (const bad of ['1,000', '12a', '--1', 'NaN', '0x10']) {
      expect(orderProductWire.safeParse(line({ unit_price: bad })).success).toBe(false);
    }
  });
});
