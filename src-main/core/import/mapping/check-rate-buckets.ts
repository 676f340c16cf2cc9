/**
 * Per-rate check of an invoice's lines against BCart's order_totals
 * (docs/import-rules.md#the-invoice). Goods billed tax-excluded add as they are; tax-included
 * lines (送料, 決済手数料, points, and goods with tax_incl = 1) are converted to tax-excluded at
 * their rate, which BCart rounds somewhere we cannot see, so each converted line allows ±¥1.
 *
 * A mismatch is only a warning: BCart's own published sample is not self-consistent on how the
 * standard bucket counts tax-included shipping, and the invoice keeps BCart's per-rate figures
 * because they are what the customer was charged. The clerk checks the order (要確認).
 */
import Decimal from 'decimal.js';
import type { InvoiceLineDraft, RateTotals } from './import-plan';
import type { OrderProblems } from './import-problem';

/**
 * What the lines add up to at one rate, tax-excluded, exactly: `scaled` / (100 + rate). Every
 * converted line of a rate shares that denominator, so integers hold the exact sum (decimal.js
 * is only needed to word a mismatch; this runs once per 請求伝票, 9,000 times in bench/import.bench.ts).
 */
export interface RateLineSum {
  rate: number;
  /** Σ tax-excluded × (100 + rate): amount × (100 + rate) for a tax-excluded line, amount × 100 for a tax-included one */
  scaled: bigint;
  convertedLines: number;
}

/** Σ of the lines per rate, tax-excluded (exact, scaled by 100 + rate). */
export function lineSumsByRate(lines: readonly Pick<InvoiceLineDraft, 'amount' | 'taxRate' | 'taxIncluded'>[]): RateLineSum[] {
  // plain numbers while every partial sum is a safe integer (exact), then one bigint per rate
  const sums: { rate: number; scaled: number; convertedLines: number }[] = [];
  for (const l of lines) {
    if (l.amount === 0) continue;
    let sum: { rate: number; scaled: number; convertedLines: number } | undefined;
    for (const s of sums) if (s.rate === l.taxRate) sum = s;
    if (sum === undefined) sums.push((sum = { rate: l.taxRate, scaled: 0, convertedLines: 0 }));
    const converted = l.taxIncluded && l.taxRate !== 0;
    const scaled = l.amount * (converted ? 100 : 100 + l.taxRate);
    sum.scaled += scaled;
    if (!Number.isSafeInteger(l.amount) || !Number.isSafeInteger(scaled) || !Number.isSafeInteger(sum.scaled))
      return lineSumsByRateBig(lines);
    if (converted) sum.convertedLines += 1;
  }
  return sums.map((s) => ({ rate: s.rate, scaled: BigInt(s.scaled), convertedLines: s.convertedLines }));
}

function lineSumsByRateBig(lines: readonly Pick<InvoiceLineDraft, 'amount' | 'taxRate' | 'taxIncluded'>[]): RateLineSum[] {
  const sums = new Map<number, RateLineSum>();
  for (const l of lines) {
    if (l.amount === 0) continue;
    const sum = sums.get(l.taxRate) ?? { rate: l.taxRate, scaled: 0n, convertedLines: 0 };
    const converted = l.taxIncluded && l.taxRate !== 0;
    sum.scaled += BigInt(l.amount) * BigInt(converted ? 100 : 100 + l.taxRate);
    if (converted) sum.convertedLines += 1;
    sums.set(l.taxRate, sum);
  }
  return [...sums.values()];
}

/**
 * Warns (RATE_TOTAL_MISMATCH, naming both figures) for every rate whose lines do not add up to
 * BCart's tax-excluded bucket; returns the mismatching rates (the order then goes on 要確認).
 */
export function checkRateBuckets(lines: readonly InvoiceLineDraft[], byRate: readonly RateTotals[], problems: OrderProblems): number[] {
  const mismatched: number[] = [];
  for (const sum of lineSumsByRate(lines)) {
    const bucket = byRate.find((b) => b.rate === sum.rate);
    if (bucket === undefined) continue; // a rate without its bucket is an error reported by the caller
    // |Σ − bucket| ≤ converted lines, both sides × (100 + rate)
    const den = BigInt(100 + sum.rate);
    const diff = sum.scaled - BigInt(bucket.net) * den;
    if ((diff < 0n ? -diff : diff) <= BigInt(sum.convertedLines) * den) continue;
    mismatched.push(sum.rate);
    const net = new Decimal(sum.scaled.toString()).div(100 + sum.rate);
    problems.warning(
      'RATE_TOTAL_MISMATCH',
      `税率 ${sum.rate}% の明細の合計（税抜換算 ${yenText(net)}）がBカートの税率別合計の税抜 ¥${bucket.net.toLocaleString('en-US')} と一致しません。請求伝票はBカートの税率別の金額（請求した金額）で取り込みました。Bカートで注文の金額を確認してください。`,
    );
  }
  return mismatched;
}

function yenText(d: Decimal): string {
  const sign = d.isNegative() ? '-' : '';
  const abs = d.abs();
  const whole = abs.isInteger() ? abs.toNumber().toLocaleString('en-US') : abs.toDecimalPlaces(2).toString();
  return `${sign}¥${whole}`;
}
