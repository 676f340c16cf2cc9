/** Builds a ProductTaxLookup from product master rows (e.g. a parsed products CSV). */
import type { ProductTaxLookup, TaxRateType } from './types';

/** A product master row as far as the tax update needs it. */
export interface ProductTaxRow {
  productCode: string;
  variationH: string;
  variationV: string;
  name: string;
  taxRateType: TaxRateType;
}

/** Key of a product: 商品番号 + 枝番(横)(縦), joined with a separator that codes cannot contain. */
export function productKey(productCode: string, variationH: string, variationV: string): string {
  return `${productCode}\u0000${variationH}\u0000${variationV}`;
}

/** Lookup over the given rows; a product not in the rows counts as deleted (null). */
export function productTaxLookupFrom(rows: readonly ProductTaxRow[]): ProductTaxLookup {
  const map = new Map<string, TaxRateType>();
  for (const r of rows) map.set(productKey(r.productCode, r.variationH, r.variationV), r.taxRateType);
  return (code, h, v) => map.get(productKey(code, h, v)) ?? null;
}
