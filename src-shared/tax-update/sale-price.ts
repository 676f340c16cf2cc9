/**
 * Step 4 of the update: the application's 販売価格 (sale prices), one per delivery kind.
 *
 * Definition (the seed leaves it open, this is what the app shows and stores):
 *   unit(kind)   = incl(item price of kind) + Σ options incl(option price)
 *   sale(kind)   = Σ over items unit(kind) × quantity
 * where incl(p) is p for a 税込 price and p + tax(p) for a 税抜 base, tax rounded once per unit
 * price with the run's rounding mode. An option's rate is its own 税率区分 when its price ≥ 0 and
 * the item's 税率区分 when it is negative (a discount is taxed like the goods it discounts).
 * Options apply to every delivery (初回 / 通常回 / 最終回).
 */
import type { RoundingMode } from '../domain/rounding';
import { priceIncludingTaxBig, toSafeNumber } from './rerate';
import type { SubscriptionItem, SubscriptionOption, TaxRateType } from './types';

/** 税率区分 that governs an option's price: its own when price ≥ 0, the item's when negative. */
export function effectiveOptionRateType(option: SubscriptionOption, itemRateType: TaxRateType): TaxRateType {
  return option.price < 0 ? itemRateType : option.taxRateType;
}

/** Rate (%) per 税率区分. */
export interface RatePair {
  standard: bigint;
  reduced: bigint;
}

/** Σ options incl. tax of one item, per unit. */
export function optionsIncludingTaxBig(item: SubscriptionItem, rates: RatePair, mode: RoundingMode): bigint {
  let sum = 0n;
  for (const o of item.options) {
    const type = effectiveOptionRateType(o, item.taxRateType);
    sum += priceIncludingTaxBig(BigInt(o.price), o.taxIncluded, type === '標準' ? rates.standard : rates.reduced, mode);
  }
  return sum;
}

/** Sale prices [first, regular, last] of the items under the given rates, exact bigint yen. */
export function salePricesBig(items: readonly SubscriptionItem[], rates: RatePair, mode: RoundingMode): [bigint, bigint, bigint] {
  let first = 0n;
  let regular = 0n;
  let last = 0n;
  for (const item of items) {
    const rate = item.taxRateType === '標準' ? rates.standard : rates.reduced;
    const opts = optionsIncludingTaxBig(item, rates, mode);
    const q = BigInt(item.quantity);
    first += (priceIncludingTaxBig(BigInt(item.firstPrice), item.taxIncluded, rate, mode) + opts) * q;
    regular += (priceIncludingTaxBig(BigInt(item.regularPrice), item.taxIncluded, rate, mode) + opts) * q;
    last += (priceIncludingTaxBig(BigInt(item.lastPrice), item.taxIncluded, rate, mode) + opts) * q;
  }
  return [first, regular, last];
}

/**
 * 販売価格 of an application at its own rates (standardRate / reducedRate), as numbers.
 * @throws RangeError when an amount does not fit a safe integer
 */
export function applicationSalePrices(
  app: { items: readonly SubscriptionItem[]; standardRate: number; reducedRate: number },
  mode: RoundingMode,
): { first: number; regular: number; last: number } {
  const [first, regular, last] = salePricesBig(app.items, { standard: BigInt(app.standardRate), reduced: BigInt(app.reducedRate) }, mode);
  return { first: toSafeNumber(first), regular: toSafeNumber(regular), last: toSafeNumber(last) };
}

/** Sale prices of one item (per delivery kind, × quantity) and its options' total per unit. */
export interface ItemSalePrices {
  first: number;
  regular: number;
  last: number;
  /** Σ options incl. tax per unit (オプション価格の合計) */
  optionsPerUnit: number;
}

/**
 * 販売価格 of one item at the given application rates: the per-item terms of
 * applicationSalePrices (which is their sum), for the preview's item lines and for storing.
 * @throws RangeError when an amount does not fit a safe integer
 */
export function itemSalePrices(item: SubscriptionItem, standardRate: number, reducedRate: number, mode: RoundingMode): ItemSalePrices {
  const rates: RatePair = { standard: BigInt(standardRate), reduced: BigInt(reducedRate) };
  const [first, regular, last] = salePricesBig([item], rates, mode);
  return {
    first: toSafeNumber(first),
    regular: toSafeNumber(regular),
    last: toSafeNumber(last),
    optionsPerUnit: toSafeNumber(optionsIncludingTaxBig(item, rates, mode)),
  };
}
