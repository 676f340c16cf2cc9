/**
 * Products CSV for `products:import`: reads each product's 税率区分 so the tax update can match
 * items by 商品コード + 枝番横 + 枝番縦. Other columns (price, stock …) are allowed and ignored, so
 * a full product export can be used as is.
 */
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { FieldProblem } from '../../../src-shared/errors';
import type { ProductTaxRow } from '../../../src-shared/tax-update/product-lookup';
import { productKey } from '../../../src-shared/tax-update/product-lookup';
import type { TaxRateType } from '../../../src-shared/tax-update/types';
import { readCsvRows, type CsvLayout, type CsvReadOptions } from '../csv/csv-read';

export const PRODUCT_TAX_CSV_HEADERS = ['商品コード', '枝番横', '枝番縦', '商品名', '税率区分'] as const;

/** Accepted spellings of 税率区分 in product files ("標準税率" is what some exports write). */
const RATE_TYPE_ALIASES: Record<string, TaxRateType> = { 標準: '標準', 標準税率: '標準', 軽減: '軽減', 軽減税率: '軽減' };

export type ProductTaxCsvParseResult =
  { ok: true; products: ProductTaxRow[]; encoding: CsvEncoding } | { ok: false; problems: FieldProblem[] };

/** These columns must be there; any other column of a wider product export is ignored. */
const LAYOUT: CsvLayout = { label: '商品', columns: PRODUCT_TAX_CSV_HEADERS, otherColumns: 'ignore', cellCount: 'exact' };

/**
 * Reads a products CSV (encoding detected as for subscriptions unless given). A product key that
 * appears twice is an error naming both rows. Throws only CSV_TOO_LARGE / CSV_CANCELLED (see readCsv).
 */
export async function parseProductTaxCsv(bytes: Uint8Array, opts: CsvReadOptions = {}): Promise<ProductTaxCsvParseResult> {
  const seen = new Map<string, number>();
  const read = await readCsvRows(
    bytes,
    LAYOUT,
    (r): ProductTaxRow | undefined => {
      const productCode = r.code('商品コード', true);
      const variationH = r.code('枝番横', false);
      const variationV = r.code('枝番縦', false);
      const name = r.text('商品名');
      const rawType = r.text('税率区分').trim();
      const taxRateType = RATE_TYPE_ALIASES[rawType];
      if (taxRateType === undefined) {
        r.problem(
          '税率区分',
          rawType === ''
            ? '値が空です。「標準」または「軽減」を入力してください。'
            : `「${rawType}」は使えません。「標準」または「軽減」を入力してください。`,
        );
      }
      if (productCode === '') return undefined;
      const key = productKey(productCode, variationH, variationV);
      const first = seen.get(key);
      if (first !== undefined) {
        r.problem(
          '商品コード',
          `商品コード「${productCode}」枝番「${variationH}/${variationV}」が${first}行目と重複しています。どちらか一方の行を削除してください。`,
        );
        return undefined;
      }
      seen.set(key, r.row);
      return taxRateType === undefined ? undefined : { productCode, variationH, variationV, name, taxRateType };
    },
    opts,
  );
  if (!read.ok) return read;
  return { ok: true, products: read.rows, encoding: read.encoding };
}
