/**
 * Tax of a 売上伝票 (docs/sales-rules.md#slip-tax): computed once per rate per slip with the
 * customer's rounding, never per line. A 税抜 slip rounds the tax of each rate's net total; a 税込
 * slip backs the tax out of each rate's gross total (gross × rate / (100 + rate)). Every line also
 * gets a tax-excluded amount (lineNet) whose sum per rate equals the rate's net exactly, so 売上分析
 * adds up to the slips to the yen. Integer (bigint) arithmetic only.
 */
import { divRound, type RoundingMode } from '../domain/rounding';

/** 税込: unit prices include tax; 税抜: they exclude it. */
export type PriceMode = '税込' | '税抜';

export interface TaxLineInput {
  /** signed, in 計上単位 (negative = 返品) */
  quantity: number;
  /** integer yen per 計上単位, as entered (tax-included for a 税込 slip) */
  unitPrice: number;
  /** integer percent */
  taxRate: number;
}

export interface RateTotal {
  rate: number;
  /** tax-excluded */
  net: number;
  tax: number;
  /** tax-included */
  gross: number;
}

export interface SlipTotals {
  /** per line in input order: quantity × unitPrice as entered */
  lineAmounts: number[];
  /** per line: tax-excluded amount; Σ per rate = that rate's net */
  lineNets: number[];
  /** highest rate first; rates without lines are left out */
  byRate: RateTotal[];
  net: number;
  tax: number;
  total: number;
}

/** quantity × unitPrice; a RangeError past what integer yen can hold safely. */
export function lineAmount(quantity: number, unitPrice: number): number {
  const a = BigInt(quantity) * BigInt(unitPrice);
  if (a > BigInt(Number.MAX_SAFE_INTEGER) || a < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return Number(a);
}

/** The tax of one rate's total: on the net (税抜) or backed out of the gross (税込). */
export function rateTotal(rate: number, amount: number, mode: PriceMode, rounding: RoundingMode): RateTotal {
  const a = BigInt(amount);
  const r = BigInt(rate);
  if (mode === '税抜') {
    const tax = Number(divRound(a * r, 100n, rounding));
    return { rate, net: amount, tax, gross: amount + tax };
  }
  const tax = Number(divRound(a * r, 100n + r, rounding));
  return { rate, net: amount - tax, tax, gross: amount };
}

/** Totals of a slip's lines. */
export function computeSlipTotals(lines: readonly TaxLineInput[], mode: PriceMode, rounding: RoundingMode): SlipTotals {
  const lineAmounts = lines.map((l) => lineAmount(l.quantity, l.unitPrice));
  const sums = new Map<number, number>();
  lines.forEach((l, i) => sums.set(l.taxRate, (sums.get(l.taxRate) ?? 0) + lineAmounts[i]!));
  const byRate = [...sums.entries()].sort((a, b) => b[0] - a[0]).map(([rate, amount]) => rateTotal(rate, amount, mode, rounding));
  const lineNets = mode === '税抜' ? [...lineAmounts] : allocateNets(lines, lineAmounts, byRate);
  const net = byRate.reduce((s, r) => s + r.net, 0);
  const tax = byRate.reduce((s, r) => s + r.tax, 0);
  return { lineAmounts, lineNets, byRate, net, tax, total: net + tax };
}

/**
 * 税込 lines: each line's own back-out (half away from zero), then the rate's remainder (at most a
 * few yen) on the line with the largest amount of that rate, so Σ lineNets = the rate's net.
 */
function allocateNets(lines: readonly TaxLineInput[], amounts: number[], byRate: RateTotal[]): number[] {
  const nets = lines.map((l, i) => Number(divRound(BigInt(amounts[i]!) * 100n, 100n + BigInt(l.taxRate), 'round')));
  for (const r of byRate) {
    let sum = 0;
    let largest = -1;
    lines.forEach((l, i) => {
      if (l.taxRate !== r.rate) return;
      sum += nets[i]!;
      if (largest < 0 || Math.abs(amounts[i]!) > Math.abs(amounts[largest]!)) largest = i;
    });
    if (largest >= 0) nets[largest]! += r.net - sum;
  }
  return nets;
}
