/**
 * The arithmetic of one 請求書 (docs/receivables-rules.md, docs/tax-rules.md):
 *   繰越金額 = 前回請求額 − 今回入金額
 *   今回売上 per rate = Σ of the billed invoices' per-rate net and tax
 *   今回請求額 = 繰越金額 + 今回売上(税込)
 * 伝票単位 keeps each invoice's tax exactly as charged. 請求単位 recomputes the tax once per rate on
 * the statement's net (rounded once, by the customer's rounding); the difference from the sum of
 * the invoices' tax is the 消費税調整, an amount owed (or credited) of its own, so the open
 * amounts of the invoices plus the adjustment still add up to what the statement asks.
 */
import { divRound, type RoundingMode } from '../../../../src-shared/domain/rounding';
import type { TaxRounding, TaxUnit } from '../../../../src-shared/masters/partner-billing';

export const ROUNDING_OF: Record<TaxRounding, RoundingMode> = { 切り捨て: 'floor', 切り上げ: 'ceil', 四捨五入: 'round' };

export interface RateFigures {
  /** integer percent: 10, 8, 0 (非課税) */
  rate: number;
  net: number;
  tax: number;
}

export interface BilledInvoice {
  total: number;
  /** the invoice's own per-rate totals (as charged) */
  byRate: readonly RateFigures[];
}

export interface StatementInput {
  previous: number;
  /** amounts of the 入金伝票 this statement includes (every kind) */
  receipts: readonly number[];
  invoices: readonly BilledInvoice[];
  taxUnit: TaxUnit;
  rounding: TaxRounding;
}

export interface StatementRate extends RateFigures {
  /** Σ of the invoices' own tax at this rate */
  invoiceTax: number;
}

export interface StatementFigures {
  previous: number;
  received: number;
  carriedOver: number;
  /** highest rate first */
  sales: StatementRate[];
  salesNet: number;
  salesTax: number;
  /** 今回売上(税込) */
  salesTotal: number;
  /** statement tax − Σ invoice tax (always 0 with 伝票単位) */
  taxAdjustment: number;
  /** 今回請求額 */
  total: number;
}

/** Tax of one rate's net, rounded once. */
export function taxOf(net: number, rate: number, rounding: TaxRounding): number {
  return Number(divRound(BigInt(net) * BigInt(rate), 100n, ROUNDING_OF[rounding]));
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Figures of a statement from its inputs (pure; integer yen in, integer yen out). */
export function statementFigures(input: StatementInput): StatementFigures {
  const byRate = new Map<number, { net: number; invoiceTax: number }>();
  for (const inv of input.invoices) {
    for (const r of inv.byRate) {
      const acc = byRate.get(r.rate) ?? { net: 0, invoiceTax: 0 };
      acc.net += r.net;
      acc.invoiceTax += r.tax;
      byRate.set(r.rate, acc);
    }
  }
  const sales: StatementRate[] = [...byRate.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rate, v]) => ({
      rate,
      net: v.net,
      tax: input.taxUnit === '請求単位' ? taxOf(v.net, rate, input.rounding) : v.invoiceTax,
      invoiceTax: v.invoiceTax,
    }));
  const received = sum(input.receipts);
  const carriedOver = input.previous - received;
  const salesNet = sum(sales.map((s) => s.net));
  const salesTax = sum(sales.map((s) => s.tax));
  const salesTotal = salesNet + salesTax;
  const taxAdjustment = salesTax - sum(sales.map((s) => s.invoiceTax));
  return { previous: input.previous, received, carriedOver, sales, salesNet, salesTax, salesTotal, taxAdjustment, total: carriedOver + salesTotal };
}

/** An invoice whose per-rate totals do not add up to its total cannot be billed by rate. */
export function invoiceRatesMatchTotal(inv: BilledInvoice): boolean {
  return sum(inv.byRate.map((r) => r.net + r.tax)) === inv.total;
}
