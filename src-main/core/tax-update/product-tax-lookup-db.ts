/**
 * The 商品 master as the tax update's ProductTaxLookup: 商品番号 + 枝番(横)(縦) → the 税区分's kind.
 * A product that is not in the master is "deleted" (null: the application keeps its own setting).
 * A product whose 税区分 is 非課税 or unset has no 標準/軽減 to follow, so it also keeps the
 * application's setting (null) rather than being guessed.
 */
import { productKey } from '../../../src-shared/tax-update/product-lookup';
import type { ProductTaxLookup, TaxRateType } from '../../../src-shared/tax-update/types';
import type { MasterRepositories } from '../masters/master-repositories';

/** Reads every product once; the lookup is then a Map access. */
export function productTaxLookupFromDb(products: MasterRepositories['products']): ProductTaxLookup {
  const map = new Map<string, TaxRateType | null>();
  for (const p of products.taxKinds())
    map.set(productKey(p.code, p.variationH, p.variationV), p.kind === '標準' || p.kind === '軽減' ? p.kind : null);
  return (code, h, v) => map.get(productKey(code, h, v)) ?? null;
}
