/**
 * One money basis (docs/glossary.md#money-basis). Before, a slip's amount added tax-excluded goods
 * to tax-included 送料 and points (order 10231: ¥9,000 + ¥6,000 + ¥1,100 − ¥550 = ¥15,550, neither
 * 税抜 ¥15,500 nor 税込 ¥16,870). Now each line has net / tax / gross apportioned from the
 * invoice's per-rate figures, and the lines add up to them exactly.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { mapOrdersForImport } from '../../../src-main/core/import/mapping';
import { apportion, appRateFigures, lineMoneyAt, linesFromRates, sumMoney, type Money, type PricedLine, type SlipMoney } from '../../../src-main/core/import/mapping/money-basis';
import { feeRow, line, logistics, masters, order, product } from './fixtures';

const tea = product(301, 'TEA-1', 20);
const cup = product(302, 'CUP-1', 10);


/** a draft's flat line figures (3 numbers per line) as one object per line */
const linesOf = (m: SlipMoney): Money[] => Array.from({ length: m.byLine.length / 3 }, (_, i) => lineMoneyAt(m.byLine, i));
const totalOf = (m: SlipMoney): Money => ({ net: m.net, tax: m.tax, gross: m.gross });

describe('apportion', () => {
  it('splits by weight with the largest remainder; parts add up exactly', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(10, [2, 1])).toEqual([7, 3]);
    expect(apportion(0, [5, -5])).toEqual([0, 0]);
    expect(apportion(7, [0, 0])).toEqual([7, 0]);
    expect(apportion(10, [2n, 1n])).toEqual([7, 3]);
    // an exact tie (32/84 each): the earlier line gets the yen. Decimals at 20 digits broke it by
    // rounding noise in favour of the line with the longer integer part.
    expect(apportion(1612, [4080, 480, 15600])).toEqual([326, 39, 1247]);
  });

  it('1,000 random splits: integers, sum exact, each within 1 of its exact share', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let k = 0; k < 1000; k++) {
      const weights = Array.from({ length: 1 + rnd(8) }, () => 1 + rnd(50_000));
      const total = rnd(100_000);
      const parts = apportion(total, weights);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      const sum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
      parts.forEach((p, i) => expect(new Decimal(total).times(weights[i]!).div(sum).minus(p).abs().lt(1)).toBe(true));
    }
  });
});

describe('slips on one basis', () => {
  it('order 10231: goods, tax-included 送料 and a negative ポイント line each get 税抜 / 消費税 / 税込 that add up to BCart’s per-rate figures', () => {
    const o = order({
      id: 10231,
      lines: [
        line(550101, tea, { logisticsId: 88001, unitPrice: '150', setQuantity: '20', orderProCount: 3, taxRate: '0.08', taxTypeId: 2 }),
        line(550102, cup, { logisticsId: 88001, unitPrice: '300', setQuantity: '10', orderProCount: 2 }),
        feeRow(550103, 'shipping', '1100'),
        feeRow(550104, 'point', '-550'),
      ],
      logistics: [logistics(88001, '発送済', '2025-04-14')],
      shippingCost: 1100,
      usePoint: 550,
    });
    o.orderTotals = [
      { taxRate: '0.08', total: '9000', tax: '720', totalInclTax: '9720' },
      { taxRate: '0.1', total: '6500', tax: '650', totalInclTax: '7150' },
    ];
    o.finalPrice = 16870;
    const inv = mapOrdersForImport([o], masters([tea, cup])).invoices[0]!;
    // hand oracle: 8 %: the tea line is the bucket. 10 %: weights 6,000 / 1,000 / −500 → net as is,
    // tax 650 × 6000/6500 = 600, × 1000/6500 = 100, × −500/6500 = −50
    expect(inv.lines.map((l, i) => [l.kind, l.amount, linesOf(inv.money)[i]])).toEqual([
      ['product', 9000, { net: 9000, tax: 720, gross: 9720 }],
      ['product', 6000, { net: 6000, tax: 600, gross: 6600 }],
      ['shipping', 1100, { net: 1000, tax: 100, gross: 1100 }],
      ['point', -550, { net: -500, tax: -50, gross: -550 }],
    ]);
    expect(totalOf(inv.money)).toEqual({ net: 15500, tax: 1370, gross: 16870 });
    expect(inv.money.byLine).toHaveLength(3 * inv.lines.length);
    expect(inv.money.gross).toBe(inv.total);
  });

  it('a 出荷伝票: tax once per slip per rate (3 × ¥105 at 8 % → ¥25, not 3 × ¥8), apportioned to the lines', () => {
    const lines: PricedLine[] = [105, 105, 105].map((amount) => ({ amount, taxRate: 8, taxIncluded: false }));
    const m = linesFromRates(lines, appRateFigures(lines, 'floor'));
    expect(m.map((x) => x.tax)).toEqual([9, 8, 8]);
    expect(sumMoney(m)).toEqual({ net: 315, tax: 25, gross: 340 });
    const s = mapOrdersForImport(
      [order({ id: 5, lines: [1, 2, 3].map((k) => line(k, tea, { unitPrice: '5.25', setQuantity: '20', taxRate: '0.08' })), logistics: [logistics(501)] })],
      masters([tea]),
    ).shipments[0]!;
    expect(totalOf(s.money)).toEqual({ net: 315, tax: 25, gross: 340 });
  });

  it('300 random orders: every invoice’s lines add up per rate to BCart’s figures and every slip to its lines', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let k = 1; k <= 300; k++) {
      const goods = Array.from({ length: 1 + rnd(5) }, (_, j) =>
        line(k * 100 + j, j % 2 ? tea : cup, j % 2 ? { unitPrice: String(10 + rnd(300)), setQuantity: '20', orderProCount: 1 + rnd(9), taxRate: '0.08' } : { unitPrice: String(10 + rnd(300)), setQuantity: '10', orderProCount: 1 + rnd(9) }),
      );
      const ship = [0, 550, 880][rnd(3)]!;
      const o = order({ id: k, lines: ship ? [...goods, feeRow(k * 100 + 99, 'shipping', String(ship))] : goods, logistics: [logistics(k * 10)], shippingCost: ship });
      const plan = mapOrdersForImport([o], masters([tea, cup]));
      const inv = plan.invoices[0]!;
      for (const b of inv.byRate) {
        const ofRate = sumMoney(linesOf(inv.money).filter((_, i) => inv.lines[i]!.taxRate === b.rate));
        expect(ofRate).toEqual({ net: b.net, tax: b.tax, gross: b.gross });
      }
      expect(sumMoney(linesOf(inv.money))).toEqual(totalOf(inv.money));
      const s = plan.shipments[0]!;
      expect(sumMoney(linesOf(s.money))).toEqual(totalOf(s.money));
      linesOf(s.money).forEach((m, i) => expect(m.net).toBe(s.lines[i]!.amount));
    }
  });
});
