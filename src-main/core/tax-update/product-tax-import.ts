/**
 * `products:import` for the tax update: creates or updates 商品 master rows (confirmed) from the
 * products CSV, with the 税区分 whose kind matches the row's 税率区分. One transaction; refused
 * while 受付停止 like every product edit.
 */
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { AppError } from '../../../src-shared/errors';
import { csvInvalid } from '../csv/csv-problems';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { parseProductTaxCsv } from './product-tax-csv';

export interface ProductImportCounts {
  created: number;
  updated: number;
  encoding: CsvEncoding;
}

/** Parses and writes the file; CSV_INVALID (nothing written) when any row is wrong. */
export async function importProductTaxCsv(
  deps: { repos: Pick<Repositories, 'products' | 'taxClasses' | 'transaction'>; storeMode: StoreMode },
  bytes: Uint8Array,
): Promise<ProductImportCounts> {
  const { repos } = deps;
  deps.storeMode.assertOpen('商品のCSV取込');
  const parsed = await parseProductTaxCsv(bytes);
  if (!parsed.ok) throw csvInvalid('商品', parsed.problems);
  // reading let other work run: the store may have closed meanwhile
  deps.storeMode.assertOpen('商品のCSV取込');
  // the lowest-id confirmed 税区分 of each kind (first-run seed: STD10 / RED08)
  const classId = repos.taxClasses.firstConfirmedIdByKind();
  for (const kind of ['標準', '軽減']) {
    if (!classId.has(kind))
      throw new AppError(
        'NOT_FOUND',
        `税率区分「${kind}」の確定済み税区分がありません。税区分マスタで登録・確定してから取り込んでください。`,
      );
  }
  const counts = repos.transaction(() =>
    repos.products.upsertTaxRows(
      parsed.products.map((p) => ({
        code: p.productCode,
        variationH: p.variationH,
        variationV: p.variationV,
        name: p.name === '' ? p.productCode : p.name,
        taxClassId: classId.get(p.taxRateType)!,
      })),
    ),
  );
  return { ...counts, encoding: parsed.encoding };
}
