/**
 * `products:import` for the tax update: creates or updates 商品 master rows (confirmed) from the
 * products CSV, with the 税区分 whose kind matches the row's 税率区分. One transaction; refused
 * while 受付停止 like every product edit.
 */
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import { AppError } from '../../../src-shared/errors';
import { csvInvalid } from '../csv/csv-problems';
import type { SqliteDb } from '../db/open';
import { assertStoreOpen } from '../store-mode/store-mode';
import { parseProductTaxCsv } from './product-tax-csv';

export interface ProductImportCounts {
  created: number;
  updated: number;
  encoding: CsvEncoding;
}

/** Parses and writes the file; CSV_INVALID (nothing written) when any row is wrong. */
export async function importProductTaxCsv(db: SqliteDb, bytes: Uint8Array, now: string): Promise<ProductImportCounts> {
  assertStoreOpen(db, '商品のCSV取込');
  const parsed = await parseProductTaxCsv(bytes);
  if (!parsed.ok) throw csvInvalid('商品', parsed.problems);
  // reading let other work run: the store may have closed meanwhile
  assertStoreOpen(db, '商品のCSV取込');
  // the lowest-id confirmed 税区分 of each kind (first-run seed: STD10 / RED08)
  const classes = db.prepare("select kind, min(id) as id from tax_classes where confirmed = 1 and kind in ('標準', '軽減') group by kind").all() as {
    kind: string;
    id: number;
  }[];
  const classId = new Map(classes.map((c) => [c.kind, c.id]));
  for (const kind of ['標準', '軽減']) {
    if (!classId.has(kind)) throw new AppError('NOT_FOUND', `税率区分「${kind}」の確定済み税区分がありません。税区分マスタで登録・確定してから取り込んでください。`);
  }
  const find = db.prepare('select id from products where code = ? and variation_h = ? and variation_v = ?');
  const insert = db.prepare(
    'insert into products (code, variation_h, variation_v, name, tax_class_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?)',
  );
  const update = db.prepare('update products set name = ?, tax_class_id = ?, confirmed = 1, updated_at = ? where id = ?');
  const counts: ProductImportCounts = { created: 0, updated: 0, encoding: parsed.encoding };
  db.transaction(() => {
    for (const p of parsed.products) {
      const row = find.get(p.productCode, p.variationH, p.variationV) as { id: number } | undefined;
      const name = p.name === '' ? p.productCode : p.name;
      if (row) {
        update.run(name, classId.get(p.taxRateType), now, row.id);
        counts.updated++;
      } else {
        insert.run(p.productCode, p.variationH, p.variationV, name, classId.get(p.taxRateType), now, now);
        counts.created++;
      }
    }
  })();
  return counts;
}
