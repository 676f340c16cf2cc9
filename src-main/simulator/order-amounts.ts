/**
 * Order money exactly as the simulator's BCart computes it (the convention is spelled out at the top
 * of order-generator.ts, which the import reconciles against):
 * - goods lines are tax-excluded; tax is computed ONCE per rate on the per-rate total, floored
 *   (インボイス rule, docs/tax-rules.md#invoices-from-bcart), never per line;
 * - shipping_cost, COD_cost and use_point are tax-included 10 % amounts; their tax-excluded part
 *   (×10/11) goes into the 10 % bucket (points reduce it), like BCart's インボイス mode;
 * - final_price = Σ order_totals.total_incl_tax.
 * Integer arithmetic only (bigint through divRound), never floats.
 */
import { divRound } from '../../src-shared/domain/rounding';
import type { WireOrderTotal } from './wire-types';

export interface OrderAmountInput {
  /** Σ tax-excluded goods at 8 % (whole yen) */
  goods8: number;
  /** Σ tax-excluded goods at 10 % (whole yen) */
  goods10: number;
  /** tax-included */
  shippingCost: number;
  /** tax-included 決済手数料 */
  codCost: number;
  /** points used, tax-included yen (positive) */
  usePoint: number;
  /** whether the order has 8 % / 10 % lines (a bucket is listed even when its total is 0) */
  has8: boolean;
  has10: boolean;
}

export interface OrderAmounts {
  total_price: number;
  tax: number;
  tax_rate: string;
  final_price: number;
  get_point: number;
  order_totals: WireOrderTotal[];
}

/** floor(amount × pct / 100) by magnitude, exact. */
export function taxOf(amount: number, pct: number): number {
  return Number(divRound(BigInt(amount) * BigInt(pct), 100n, 'floor'));
}

/** Tax-excluded part of a tax-included 10 % amount (exact when the amount is a multiple of 11). */
export function exclOf10(inclAmount: number): number {
  return Number(divRound(BigInt(inclAmount) * 10n, 11n, 'round'));
}

/** Computes every amount field of an order from its goods per rate and its extras. */
export function computeOrderAmounts(input: OrderAmountInput): OrderAmounts {
  const totals: WireOrderTotal[] = [];
  let finalPrice = 0;
  if (input.has8 || input.goods8 !== 0) {
    const tax = taxOf(input.goods8, 8);
    totals.push({ tax_rate: '0.08', total: String(input.goods8), tax: String(tax), total_incl_tax: input.goods8 + tax });
    finalPrice += input.goods8 + tax;
  }
  if (input.has10 || input.goods10 !== 0 || input.shippingCost !== 0 || input.codCost !== 0 || input.usePoint !== 0) {
    const total10 = input.goods10 + exclOf10(input.shippingCost) + exclOf10(input.codCost) - exclOf10(input.usePoint);
    const tax = taxOf(total10, 10);
    totals.push({ tax_rate: '0.1', total: String(total10), tax: String(tax), total_incl_tax: total10 + tax });
    finalPrice += total10 + tax;
  }
  const totalPrice = input.goods8 + input.goods10;
  // goods-only tax (BCart's order `tax`), each rate floored once
  const goodsTax = taxOf(input.goods8, 8) + taxOf(input.goods10, 10);
  return {
    total_price: totalPrice,
    tax: goodsTax,
    tax_rate: input.goods8 > 0 ? '0.08' : '0.1',
    final_price: finalPrice,
    get_point: Math.floor(totalPrice / 100),
    order_totals: totals,
  };
}
