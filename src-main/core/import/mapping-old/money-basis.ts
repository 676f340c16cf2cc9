/**
 * One money basis per figure (docs/glossary.md#money-basis): every slip line and slip carries
 * net (税抜), tax (消費税) and gross (税込) in integer yen, so sums add like with like — BCart mixes
 * tax-excluded goods with tax-included 送料 / 手数料 / points (and goods with tax_incl = 1).
 *
 * Per rate, the slip's figures are fixed first (an invoice: BCart's order_totals, what was charged;
 * a 出荷伝票: the app's tax once per slip per rate), then apportioned to the lines by each line's
 * exact tax-excluded value with the largest-remainder method, so the lines add up to them exactly.
 */
import Decimal from 'decimal.js';
import { divRound, type RoundingMode } from '../../../../src-shared/domain/rounding';

export interface Money {
  net: number;
  tax: number;
  gross: number;
}

/** What a line needs for its basis. */
export interface PricedLine {
  /** as priced: tax-excluded, or tax-included when taxIncluded */
  amount: number;
  taxRate: number;
  taxIncluded: boolean;
}

export interface RateFigures {
  rate: number;
  net: number;
  tax: number;
}

export const ZERO: Money = { net: 0, tax: 0, gross: 0 };

/** The line's exact tax-excluded value. */
function exactNet(l: PricedLine): Decimal {
  return l.taxIncluded && l.taxRate !== 0 ? new Decimal(l.amount).times(100).div(100 + l.taxRate) : new Decimal(l.amount);
}

/**
 * Splits an integer `total` over `weights` in proportion, largest remainder first: the parts are
 * integers and add up to `total` exactly. All-zero weights give everything to the first part.
 */
export function apportion(total: number, weights: readonly Decimal[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
  if (sum.isZero()) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => new Decimal(total).times(w).div(sum));
  const parts = exact.map((e) => e.floor().toNumber());
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, frac: e.minus(e.floor()) })).sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!.i]! += 1;
  return parts;
}

/** Net / tax / gross of each line (input order) from the slip's per-rate figures. */
export function linesFromRates(lines: readonly PricedLine[], rates: readonly RateFigures[]): Money[] {
  const out: Money[] = lines.map(() => ZERO);
  for (const r of rates) {
    const idx = lines.flatMap((l, i) => (l.taxRate === r.rate ? [i] : []));
    if (idx.length === 0) continue;
    const weights = idx.map((i) => exactNet(lines[i]!));
    const nets = apportion(r.net, weights);
    const taxes = apportion(r.tax, nets.map((n) => new Decimal(n)));
    idx.forEach((i, k) => (out[i] = { net: nets[k]!, tax: taxes[k]!, gross: nets[k]! + taxes[k]! }));
  }
  return out;
}

/**
 * The app's per-rate figures of a slip (tax once per slip per rate, docs/tax-rules.md): tax-excluded
 * lines are summed and taxed once; tax-included lines are summed and their tax split out once.
 */
export function appRateFigures(lines: readonly PricedLine[], rounding: RoundingMode): (RateFigures & { gross: number })[] {
  const rates = [...new Set(lines.map((l) => l.taxRate))].sort((a, b) => b - a);
  return rates.map((rate) => {
    const ofRate = lines.filter((l) => l.taxRate === rate);
    const excl = ofRate.filter((l) => !l.taxIncluded).reduce((n, l) => n + BigInt(l.amount), 0n);
    const incl = ofRate.filter((l) => l.taxIncluded).reduce((n, l) => n + BigInt(l.amount), 0n);
    const r = BigInt(rate);
    const taxOfExcl = divRound(excl * r, 100n, rounding);
    const taxOfIncl = divRound(incl * r, 100n + r, rounding);
    const net = Number(excl + incl - taxOfIncl);
    const tax = Number(taxOfExcl + taxOfIncl);
    return { rate, net, tax, gross: net + tax };
  });
}

export function sumMoney(items: readonly Money[]): Money {
  return items.reduce((s, m) => ({ net: s.net + m.net, tax: s.tax + m.tax, gross: s.gross + m.gross }), ZERO);
}
