/**
 * One money basis per figure (docs/glossary.md#money-basis): every slip line and slip carries
 * net (税抜), tax (消費税) and gross (税込) in integer yen, so sums add like with like — BCart mixes
 * tax-excluded goods with tax-included 送料 / 手数料 / points (and goods with tax_incl = 1).
 *
 * Per rate, the slip's figures are fixed first (an invoice: BCart's order_totals, what was charged;
 * a 出荷伝票: the app's tax once per slip per rate), then apportioned to the lines by each line's
 * exact tax-excluded value with the largest-remainder method, so the lines add up to them exactly.
 */
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

/**
 * The line's exact tax-excluded value as an integer weight: every line of one rate shares the
 * denominator (100 + rate), so amount × (100 + rate) for a tax-excluded line and amount × 100 for a
 * tax-included one are the exact values scaled alike (only proportions matter to `apportion`).
 * Integers instead of decimals: the import apportions ~80,000 lines per 10,000 orders
 * (bench/import.bench.ts), and rational comparisons on integers are exact where 20-digit decimals
 * were not quite.
 */
function netWeight(l: PricedLine): number | bigint {
  const scale = l.taxIncluded && l.taxRate !== 0 ? 100 : 100 + l.taxRate;
  const w = l.amount * scale;
  return Number.isSafeInteger(w) ? w : BigInt(l.amount) * BigInt(scale);
}

/**
 * Splits an integer `total` over integer `weights` in proportion, largest remainder first (ties:
 * the earlier part): the parts are integers and add up to `total` exactly. All-zero weights give
 * everything to the first part. Exact rational arithmetic: plain numbers while every product
 * total × weight is a safe integer, bigint otherwise.
 */
export function apportion(total: number, weights: readonly (number | bigint)[]): number[] {
  if (weights.length === 0) return [];
  if (!Number.isSafeInteger(total)) throw new RangeError(`apportion: total ${total} is not a safe integer`);
  let absSum = 0;
  let small = true;
  for (const w of weights) {
    if (typeof w !== 'number') small = false;
    else if (!Number.isSafeInteger(w)) throw new RangeError(`apportion: weight ${w} is not a safe integer`);
    else absSum += Math.abs(w);
  }
  // |total × w| and |Σ w| (and q × Σw below) stay far inside 2^53
  if (small && Math.abs(total) * absSum < 2 ** 51 && absSum < 2 ** 51) return apportionSmall(total, weights as readonly number[]);
  return apportionBig(
    total,
    weights.map((w) => BigInt(w)),
  );
}

/** floor(total × w / Σw) per weight plus the remainder that orders the leftover yen. */
function apportionSmall(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = sum < 0 ? -1 : 1;
  const den = sum * sign;
  const parts: number[] = new Array<number>(weights.length);
  const rems: number[] = new Array<number>(weights.length);
  let rest = total;
  for (let i = 0; i < weights.length; i++) {
    const n = total * weights[i]! * sign;
    // exact: with |n| < 2^51 the float quotient cannot round across an integer (that needs |n| > 2^52)
    const q = Math.floor(n / den);
    const r = n - q * den;
    parts[i] = q === 0 ? 0 : q;
    rems[i] = r;
    rest -= q;
  }
  return giveRest(parts, rems, rest);
}

function apportionBig(total: number, weights: readonly bigint[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = sum < 0n ? -1n : 1n;
  const den = sum * sign;
  const t = BigInt(total);
  const parts: number[] = [];
  const rems: bigint[] = [];
  let rest = t;
  for (const w of weights) {
    const n = t * w * sign;
    let q = n / den; // truncates toward zero
    let r = n - q * den;
    if (r < 0n) {
      q -= 1n;
      r += den;
    }
    parts.push(Number(q));
    rems.push(r);
    rest -= q;
  }
  return giveRest(parts, rems, Number(rest));
}

/** The leftover yen (0 ≤ rest < parts) go one each to the largest remainders, earlier part first on ties. */
function giveRest<R extends number | bigint>(parts: number[], rems: readonly R[], rest: number): number[] {
  if (rest <= 0) return parts;
  if (rest < parts.length && parts.length <= 32) return giveRestByScan(parts, rems, rest);
  const order = rems.map((_, i) => i).sort((a, b) => (rems[a]! < rems[b]! ? 1 : rems[a]! > rems[b]! ? -1 : a - b));
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!]! += 1;
  return parts;
}

/**
 * The same choice for a slip-sized split without an index array and a sort: `rest` times, the
 * largest remainder not yet given (the first one on ties); `given` marks the chosen parts by bit.
 */
function giveRestByScan<R extends number | bigint>(parts: number[], rems: readonly R[], rest: number): number[] {
  let given = 0;
  for (; rest > 0; rest--) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) {
      if ((given & (1 << i)) !== 0) continue;
      if (best < 0 || rems[i]! > rems[best]!) best = i;
    }
    given |= 1 << best;
    parts[best]! += 1;
  }
  return parts;
}

/**
 * Net / tax / gross of a slip's lines in ONE flat array: line i's at 3i, 3i + 1 and 3i + 2. A slip
 * draft keeps this instead of an object per line: the plan of 10,000 orders holds ~80,000 line
 * figures, and the garbage collector copies every object of a plan while the mapping runs
 * (bench/RESULTS.md, section 3).
 */
export type LineMoney = number[];

/** A drafted slip's figures: its own net / tax / gross (Σ of the lines) and each line's, flat. */
export interface SlipMoney extends Money {
  byLine: LineMoney;
}

/** Line i of flat figures, as an object (for readers off the import's hot path). */
export function lineMoneyAt(m: LineMoney, i: number): Money {
  return { net: m[3 * i]!, tax: m[3 * i + 1]!, gross: m[3 * i + 2]! };
}

/** Flat net / tax / gross of each line (input order) from the slip's per-rate figures; 0s for a line of no given rate. */
export function lineMoneyFromRates(lines: readonly PricedLine[], rates: readonly RateFigures[]): LineMoney {
  const out: LineMoney = new Array<number>(3 * lines.length).fill(0);
  // one pass per rate collecting indexes and weights together (the import runs this ~19,000 times per 10,000 orders)
  for (const r of rates) {
    const idx: number[] = [];
    const weights: (number | bigint)[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.taxRate === r.rate) {
        idx.push(i);
        weights.push(netWeight(l));
      }
    }
    if (idx.length === 0) continue;
    const nets = apportion(r.net, weights);
    const taxes = apportion(r.tax, nets);
    for (let k = 0; k < idx.length; k++) {
      const at = 3 * idx[k]!;
      out[at] = nets[k]!;
      out[at + 1] = taxes[k]!;
      out[at + 2] = nets[k]! + taxes[k]!;
    }
  }
  return out;
}

/** The slip's figures from its per-rate figures: the lines apportioned, the slip = Σ lines. */
export function slipMoneyFromRates(lines: readonly PricedLine[], rates: readonly RateFigures[]): SlipMoney {
  const byLine = lineMoneyFromRates(lines, rates);
  let net = 0;
  let tax = 0;
  let gross = 0;
  for (let at = 0; at < byLine.length; at += 3) {
    net += byLine[at]!;
    tax += byLine[at + 1]!;
    gross += byLine[at + 2]!;
  }
  return { net, tax, gross, byLine };
}

/** Net / tax / gross of each line (input order) from the slip's per-rate figures, one object per line. */
export function linesFromRates(lines: readonly PricedLine[], rates: readonly RateFigures[]): Money[] {
  const flat = lineMoneyFromRates(lines, rates);
  return lines.map((_, i) => lineMoneyAt(flat, i));
}

/**
 * The app's per-rate figures of a slip (tax once per slip per rate, docs/tax-rules.md): tax-excluded
 * lines are summed and taxed once; tax-included lines are summed and their tax split out once.
 */
export function appRateFigures(lines: readonly PricedLine[], rounding: RoundingMode): (RateFigures & { gross: number })[] {
  // the distinct rates (a slip has one to three) with their tax-excluded and tax-included sums, in
  // one pass; plain numbers while every partial sum is a safe integer (exact), bigint otherwise
  const rates: number[] = [];
  const excl: number[] = [];
  const incl: number[] = [];
  for (const l of lines) {
    let k = rates.indexOf(l.taxRate);
    if (k < 0) {
      k = rates.push(l.taxRate) - 1;
      excl.push(0);
      incl.push(0);
    }
    const sum = l.taxIncluded ? (incl[k]! += l.amount) : (excl[k]! += l.amount);
    if (!Number.isSafeInteger(l.amount) || !Number.isSafeInteger(sum)) return appRateFiguresBig(lines, rounding);
  }
  const out: (RateFigures & { gross: number })[] = [];
  for (let k = 0; k < rates.length; k++) out.push(rateFigures(rates[k]!, BigInt(excl[k]!), BigInt(incl[k]!), rounding));
  return out.sort((a, b) => b.rate - a.rate);
}

function appRateFiguresBig(lines: readonly PricedLine[], rounding: RoundingMode): (RateFigures & { gross: number })[] {
  const rates = [...new Set(lines.map((l) => l.taxRate))].sort((a, b) => b - a);
  return rates.map((rate) => {
    const ofRate = lines.filter((l) => l.taxRate === rate);
    const excl = ofRate.filter((l) => !l.taxIncluded).reduce((n, l) => n + BigInt(l.amount), 0n);
    const incl = ofRate.filter((l) => l.taxIncluded).reduce((n, l) => n + BigInt(l.amount), 0n);
    return rateFigures(rate, excl, incl, rounding);
  });
}

function rateFigures(rate: number, excl: bigint, incl: bigint, rounding: RoundingMode): RateFigures & { gross: number } {
  const r = BigInt(rate);
  const taxOfExcl = divRound(excl * r, 100n, rounding);
  const taxOfIncl = divRound(incl * r, 100n + r, rounding);
  const net = Number(excl + incl - taxOfIncl);
  const tax = Number(taxOfExcl + taxOfIncl);
  return { rate, net, tax, gross: net + tax };
}

export function sumMoney(items: readonly Money[]): Money {
  let net = 0;
  let tax = 0;
  let gross = 0;
  for (const m of items) {
    net += m.net;
    tax += m.tax;
    gross += m.gross;
  }
  return { net, tax, gross };
}
