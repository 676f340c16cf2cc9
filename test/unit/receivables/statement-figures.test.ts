/** Statement arithmetic: worked examples (伝票単位 vs 請求単位 on the same slips) and a property test. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRatesMatchTotal, statementFigures, taxOf } from '../../../src-main/core/receivables/rules/statement-figures';

/** Three invoices whose tax BCart rounded per invoice (floor): 10 % on 1,005 / 1,005 / 1,005 and 8 % on 555. */
const SLIPS = [
  { total: 1005 + 100, byRate: [{ rate: 10, net: 1005, tax: 100 }] },
  { total: 1005 + 100 + 555 + 44, byRate: [{ rate: 10, net: 1005, tax: 100 }, { rate: 8, net: 555, tax: 44 }] },
  { total: 1005 + 100 + 2000, byRate: [{ rate: 10, net: 1005, tax: 100 }, { rate: 0, net: 2000, tax: 0 }] },
];

describe('statement figures', () => {
  it('伝票単位: tax as charged; 請求単位: once per rate on the net, the difference is the 消費税調整', () => {
    const slip = statementFigures({ previous: 0, receipts: [], invoices: SLIPS, taxUnit: '伝票単位', rounding: '切り捨て' });
    expect(slip.sales).toEqual([
      { rate: 10, net: 3015, tax: 300, invoiceTax: 300 },
      { rate: 8, net: 555, tax: 44, invoiceTax: 44 },
      { rate: 0, net: 2000, tax: 0, invoiceTax: 0 },
    ]);
    expect(slip.taxAdjustment).toBe(0);
    expect(slip.salesTotal).toBe(3015 + 300 + 555 + 44 + 2000);

    const stmt = statementFigures({ previous: 0, receipts: [], invoices: SLIPS, taxUnit: '請求単位', rounding: '切り捨て' });
    // floor(3015 × 10%) = 301 (not 300): the statement asks ¥1 more than the invoices' tax
    expect(stmt.sales[0]).toEqual({ rate: 10, net: 3015, tax: 301, invoiceTax: 300 });
    // floor(555 × 8%) = 44.4 → 44: no difference at 8 %
    expect(stmt.sales[1]).toEqual({ rate: 8, net: 555, tax: 44, invoiceTax: 44 });
    expect(stmt.taxAdjustment).toBe(1);
    expect(stmt.salesTotal).toBe(slip.salesTotal + 1);
    expect(stmt.total).toBe(stmt.salesTotal);
  });

  it('rounding of the 請求単位 tax: 切り捨て / 切り上げ / 四捨五入', () => {
    expect([taxOf(3015, 10, '切り捨て'), taxOf(3015, 10, '切り上げ'), taxOf(3015, 10, '四捨五入')]).toEqual([301, 302, 302]);
    expect([taxOf(3014, 10, '切り捨て'), taxOf(3014, 10, '切り上げ'), taxOf(3014, 10, '四捨五入')]).toEqual([301, 302, 301]);
    expect([taxOf(1110, 8, '切り捨て'), taxOf(1110, 8, '切り上げ'), taxOf(1110, 8, '四捨五入')]).toEqual([88, 89, 89]);
    expect(taxOf(-1005, 10, '切り捨て')).toBe(-100);
    expect(taxOf(5000, 0, '切り上げ')).toBe(0);
  });

  it('繰越金額 = 前回請求額 − 今回入金額; 今回請求額 = 繰越金額 + 今回売上(税込)', () => {
    const f = statementFigures({ previous: 50_000, receipts: [20_000, 330], invoices: SLIPS.slice(0, 1), taxUnit: '伝票単位', rounding: '切り捨て' });
    expect(f).toMatchObject({ previous: 50_000, received: 20_330, carriedOver: 29_670, salesTotal: 1105, total: 30_775 });
  });

  it('invoiceRatesMatchTotal', () => {
    expect(SLIPS.every(invoiceRatesMatchTotal)).toBe(true);
    expect(invoiceRatesMatchTotal({ total: 1000, byRate: [{ rate: 10, net: 900, tax: 90 }] })).toBe(false);
  });

  it('property: totals add up exactly with either unit; 伝票単位 equals Σ invoice totals', () => {
    const rateRow = fc.record({ rate: fc.constantFrom(10, 8, 0), net: fc.integer({ min: -50_000, max: 5_000_000 }) });
    const invoice = fc.uniqueArray(rateRow, { selector: (r) => r.rate, minLength: 1, maxLength: 3 }).map((rows) => {
      const byRate = rows.map((r) => ({ ...r, tax: Math.floor((Math.abs(r.net) * r.rate) / 100) * Math.sign(r.net) }));
      return { total: byRate.reduce((s, r) => s + r.net + r.tax, 0), byRate };
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }),
        fc.array(invoice, { maxLength: 20 }),
        fc.constantFrom('伝票単位' as const, '請求単位' as const),
        fc.constantFrom('切り捨て' as const, '切り上げ' as const, '四捨五入' as const),
        (previous, receipts, invoices, taxUnit, rounding) => {
          const f = statementFigures({ previous, receipts, invoices, taxUnit, rounding });
          const invoiceTotal = invoices.reduce((s, i) => s + i.total, 0);
          expect(f.received).toBe(receipts.reduce((s, r) => s + r, 0));
          expect(f.carriedOver).toBe(previous - f.received);
          expect(f.total).toBe(previous - f.received + f.salesTotal);
          expect(f.salesTotal).toBe(invoiceTotal + f.taxAdjustment);
          if (taxUnit === '伝票単位') expect(f.taxAdjustment).toBe(0);
          for (const s of f.sales) {
            if (taxUnit === '請求単位') {
              // exact reference: |net| × rate / 100 rounded by magnitude
              const exact = (Math.abs(s.net) * s.rate) / 100;
              const mag = rounding === '切り捨て' ? Math.floor(exact) : rounding === '切り上げ' ? Math.ceil(exact) : Math.floor(exact + 0.5);
              expect(s.tax).toBe(mag * Math.sign(s.net) || 0);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
