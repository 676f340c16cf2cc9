/**
 * Duplicates counted by BCart id, where a duplicate can exist at all: the UNIQUE indexes on BCart
 * ids turn a double import into an error, so a count over an indexed column is 0 by construction.
 * The suites drop those indexes in their own copy of the database first (dropBcartUniqueIndexes):
 * then only the importer's own bookkeeping stands between an order and a second slip, and a
 * duplicate shows up in the count instead of as a rollback.
 */
import type { SqliteDb } from '../../../src-main/core/db/open';

/** Columns holding a BCart id that must be unique, with the table (and scope) it is unique in. */
export const UNIQUE_BCART_IDS = [
  { table: 'shipments', columns: ['bcart_logistics_id'] },
  { table: 'shipment_lines', columns: ['bcart_order_product_id'] },
  { table: 'invoices', columns: ['bcart_order_id'] },
  { table: 'import_watch', columns: ['ec_setting_id', 'bcart_order_id'] },
  // written by 商品連携 (product link screens), never by an import: counted, its index kept
  { table: 'product_links', columns: ['ec_setting_id', 'bcart_set_id'], keepIndex: true },
] as const;

/**
 * bcart_* columns that legitimately repeat: one order has several 出荷伝票 (partial shipments), codes
 * repeat their id, and a product link's copies of BCart attributes are not ids.
 */
export const REPEATING_BCART_IDS = [
  'shipments.bcart_order_id',
  'shipments.bcart_order_code',
  'invoices.bcart_order_code',
  'import_watch.bcart_order_code',
  'product_links.bcart_product_no',
  'product_links.bcart_set_name',
  'product_links.bcart_jan_code',
  'product_links.bcart_quantity',
  // the buyer repeats on every slip of the same BCart member
  'shipments.bcart_member_id',
  'shipments.bcart_member_ext_id',
  'shipments.bcart_member_company',
  'invoices.bcart_member_id',
  'invoices.bcart_member_ext_id',
  'invoices.bcart_member_company',
  // one 要確認 row per order and reason: an order may stand there for two reasons
  'import_reviews.bcart_order_id',
  'import_reviews.bcart_order_code',
];

/** Every `bcart_*` column of the schema, as table.column. */
export function bcartIdColumns(db: SqliteDb): string[] {
  const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).pluck().all() as string[];
  return tables.flatMap((t) => (db.prepare(`select name from pragma_table_info(?)`).pluck().all(t) as string[]).filter((c) => c.startsWith('bcart_')).map((c) => `${t}.${c}`));
}

/** Drops every UNIQUE index (not primary keys) that covers a BCart id column; returns their names. */
export function dropBcartUniqueIndexes(db: SqliteDb): string[] {
  const dropped: string[] = [];
  for (const u of UNIQUE_BCART_IDS) {
    if ('keepIndex' in u) continue;
    const table = u.table;
    const indexes = db.prepare(`select name, "unique", origin from pragma_index_list(?)`).all(table) as { name: string; unique: number; origin: string }[];
    for (const ix of indexes) {
      if (!ix.unique || ix.origin === 'pk') continue;
      const cols = db.prepare(`select name from pragma_index_info(?)`).pluck().all(ix.name) as string[];
      if (!cols.some((c) => c.startsWith('bcart_'))) continue;
      db.exec(`drop index "${ix.name}"`);
      dropped.push(ix.name);
    }
  }
  return dropped;
}

/** Rows beyond the first per BCart id, summed over every table that carries one. */
export function duplicatesByBcartId(db: SqliteDb): number {
  let n = 0;
  for (const { table, columns } of UNIQUE_BCART_IDS) {
    const key = columns.join(', ');
    const notNull = columns.map((c) => `${c} is not null`).join(' and ');
    n += (db.prepare(`select coalesce(sum(c - 1), 0) as n from (select count(*) as c from ${table} where ${notNull} group by ${key})`).get() as { n: number }).n;
  }
  return n;
}
