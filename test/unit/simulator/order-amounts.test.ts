/** The money convention against BCart's worked examples (docs/bcart-api.md#worked-example-orders) and an exact reference. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOrderAmounts, exclOf10, taxOf } from '../../../src-main/simulator/order-amounts';

describe('computeOrderAmounts', () => {
  it('reproduces sample orders 10231 (points) and 10232 (代金引換)', () => {
    const a = computeOrderAmounts({ goods8: 9000, goods10: 6000, shippingCost: 1100, codCost: 0, usePoint: 550, has8: true, has10: true });
    expect(a.order_totals).toEqual([
      { tax_rate: '0.08', total: '9000', tax: '720', total_incl_tax: 9720 },
      { tax_rate: '0.1', total: '6500', tax: '650', total_incl_tax: 7150 },
    ]);
    expect(a.final_price).toBe(16870);
    expect(a.total_price).toBe(15000);
    expect(a.tax).toBe(1320);
    const b = computeOrderAmounts({ goods8: 3000, goods10: 4400, shippingCost: 0, codCost: 330, usePoint: 0, has8: true, has10: true });
    expect(b.order_totals).toEqual([
      { tax_rate: '0.08', total: '3000', tax: '240', total_incl_tax: 3240 },
      { tax_rate: '0.1', total: '4700', tax: '470', total_incl_tax: 5170 },
    ]);
    expect(b.final_price).toBe(8410);
  });

  it('rounds tax once per rate, down (3 × ¥105 → 31, not 30)', () => {
    expect(taxOf(315, 10)).toBe(31);
    expect(taxOf(13145, 10)).toBe(1314);
    expect(taxOf(5555, 8)).toBe(444);
    expect(exclOf10(1100)).toBe(1000);
  });

  it('only lists the buckets that exist', () => {
    expect(
      computeOrderAmounts({ goods8: 1000, goods10: 0, shippingCost: 0, codCost: 0, usePoint: 0, has8: true, has10: false }).order_totals,
    ).toHaveLength(1);
    const shipOnly = computeOrderAmounts({
      goods8: 1000,
      goods10: 0,
      shippingCost: 880,
      codCost: 0,
      usePoint: 0,
      has8: true,
      has10: false,
    });
    expect(shipOnly.order_totals.map((t) => t.tax_rate)).toEqual(['0.08', '0.1']);
    expect(shipOnly.final_price).toBe(1080 + 880);
  });

  it('property: with ×11 extras, final = Σ incl = goods + goods tax + shipping + COD − points; tax = floor per rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (g8, g10, s, c, p) => {
          const shippingCost = s * 11;
          const codCost = c * 11;
          const usePoint = Math.min(p * 11, Math.floor((g10 + s * 10 + c * 10) / 10) * 11);
          const a = computeOrderAmounts({ goods8: g8, goods10: g10, shippingCost, codCost, usePoint, has8: g8 > 0, has10: g10 > 0 });
          let sum = 0n;
          for (const t of a.order_totals) {
            const pct = t.tax_rate === '0.08' ? 8n : 10n;
            const total = BigInt(t.total);
            const tax = BigInt(t.tax);
            expect(total >= 0n).toBe(true);
            expect(tax).toBe((total * pct) / 100n);
            expect(BigInt(t.total_incl_tax)).toBe(total + tax);
            sum += BigInt(t.total_incl_tax);
          }
          expect(BigInt(a.final_price)).toBe(sum);
          expect(a.final_price).toBe(a.total_price + a.tax + shippingCost + codCost - usePoint);
          expect(a.tax).toBe(Number((BigInt(g8) * 8n) / 100n + (BigInt(g10) * 10n) / 100n));
        },
      ),
      { numRuns: 2000, seed: 20250401 },
    );
  });
});
