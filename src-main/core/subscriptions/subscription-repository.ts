/**
 * 定期申込 in SQLite ⇄ the pure types of the tax update. Loaded objects carry their database ids
 * (the plan keeps extra properties), so apply can update exactly the rows the plan changed.
 * Every write is one synchronous transaction; callers check 受付停止 (edits are refused then).
 */
import { foldForSearch } from '../../../src-shared/domain/search-fold';
import type { SubscriptionApplication, SubscriptionItem, SubscriptionOption } from '../../../src-shared/tax-update/types';
import { AppError } from '../../../src-shared/errors';
import type { SubscriptionListInput, SubscriptionListRow } from '../../../src-shared/subscriptions/subscription-schema';
import type { SqliteDb } from '../db/open';

export interface StoredOption extends SubscriptionOption {
  id: number;
}
export interface StoredItem extends SubscriptionItem {
  id: number;
  options: StoredOption[];
}
export interface StoredApplication extends SubscriptionApplication {
  id: number;
  items: StoredItem[];
}

interface AppRow {
  id: number;
  code: string;
  customer_code: string;
  status: SubscriptionApplication['status'];
  order_processed: number;
  standard_rate: number;
  reduced_rate: number;
}
type ItemRow = [number, number, string, string, string, string, number, number, number, number, number, string];
type OptionRow = [number, number, string, number, number, string];

/**
 * Every application with items and options, ordered by id (items and options by line).
 * Raw arrays keep the 1,000,000-row load of the benchmark fast.
 */
/** A subscription_applications row with its items as the stored application. */
function applicationFromRow(r: AppRow, items: StoredItem[]): StoredApplication {
  return {
    id: r.id,
    code: r.code,
    customerCode: r.customer_code,
    status: r.status,
    orderProcessed: r.order_processed === 1,
    standardRate: r.standard_rate,
    reducedRate: r.reduced_rate,
    items,
  };
}

export function loadAllApplications(db: SqliteDb): StoredApplication[] {
  const apps = db
    .prepare('select id, code, customer_code, status, order_processed, standard_rate, reduced_rate from subscription_applications order by id')
    .all() as AppRow[];
  const byId = new Map<number, StoredApplication>();
  const out: StoredApplication[] = [];
  for (const r of apps) {
    const a = applicationFromRow(r, []);
    byId.set(r.id, a);
    out.push(a);
  }
  const itemById = new Map<number, StoredItem>();
  const items = db
    .prepare(
      'select id, application_id, product_code, variation_h, variation_v, name, quantity, first_price, regular_price, last_price, tax_included, tax_rate_type from subscription_items order by application_id, line_no',
    )
    .raw()
    .all() as ItemRow[];
  for (const r of items) {
    const item: StoredItem = {
      id: r[0],
      productCode: r[2],
      variationH: r[3],
      variationV: r[4],
      name: r[5],
      quantity: r[6],
      firstPrice: r[7],
      regularPrice: r[8],
      lastPrice: r[9],
      taxIncluded: r[10] === 1,
      taxRateType: r[11] as StoredItem['taxRateType'],
      options: [],
    };
    itemById.set(item.id, item);
    byId.get(r[1])?.items.push(item);
  }
  const options = db
    .prepare('select id, item_id, name, price, tax_included, tax_rate_type from subscription_options order by item_id, line_no')
    .raw()
    .all() as OptionRow[];
  for (const r of options) {
    itemById.get(r[1])?.options.push({ id: r[0], name: r[2], price: r[3], taxIncluded: r[4] === 1, taxRateType: r[5] as StoredOption['taxRateType'] });
  }
  return out;
}

/** Strips the database ids (for CSV, IPC and comparisons). */
export function toPlainApplication(a: SubscriptionApplication): SubscriptionApplication {
  return {
    code: a.code,
    customerCode: a.customerCode,
    status: a.status,
    orderProcessed: a.orderProcessed,
    standardRate: a.standardRate,
    reducedRate: a.reducedRate,
    items: a.items.map((i) => ({
      productCode: i.productCode,
      variationH: i.variationH,
      variationV: i.variationV,
      name: i.name,
      quantity: i.quantity,
      firstPrice: i.firstPrice,
      regularPrice: i.regularPrice,
      lastPrice: i.lastPrice,
      taxIncluded: i.taxIncluded,
      taxRateType: i.taxRateType,
      options: i.options.map((o) => ({ name: o.name, price: o.price, taxIncluded: o.taxIncluded, taxRateType: o.taxRateType })),
    })),
  };
}

/** Prepared inserts, made once per write (preparing per row dominated a 100,000-row import). */
function createInserter(db: SqliteDb) {
  const app = db.prepare(
    'insert into subscription_applications (code, customer_code, status, order_processed, standard_rate, reduced_rate, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const item = db.prepare(
    'insert into subscription_items (application_id, line_no, product_code, variation_h, variation_v, name, quantity, first_price, regular_price, last_price, tax_included, tax_rate_type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const option = db.prepare('insert into subscription_options (item_id, line_no, name, price, tax_included, tax_rate_type) values (?, ?, ?, ?, ?, ?)');
  const items = (applicationId: number, list: readonly SubscriptionItem[]): void => {
    list.forEach((i, n) => {
      const r = item.run(applicationId, n + 1, i.productCode, i.variationH, i.variationV, i.name, i.quantity, i.firstPrice, i.regularPrice, i.lastPrice, i.taxIncluded ? 1 : 0, i.taxRateType);
      const itemId = Number(r.lastInsertRowid);
      i.options.forEach((o, m) => option.run(itemId, m + 1, o.name, o.price, o.taxIncluded ? 1 : 0, o.taxRateType));
    });
  };
  return {
    items,
    /** one application with its items and options (inside the caller's transaction) */
    application(a: SubscriptionApplication, now: string): void {
      const r = app.run(a.code, a.customerCode, a.status, a.orderProcessed ? 1 : 0, a.standardRate, a.reducedRate, now, now);
      items(Number(r.lastInsertRowid), a.items);
    },
  };
}

/** Counts written by a replace-all import. */
export interface ReplaceCounts {
  applications: number;
  items: number;
  options: number;
}

/** Replaces every application by `apps` in one transaction (the CSV import). */
export function replaceAllApplications(db: SqliteDb, apps: readonly SubscriptionApplication[], now: string): ReplaceCounts {
  const counts: ReplaceCounts = { applications: apps.length, items: 0, options: 0 };
  const insert = createInserter(db);
  db.transaction(() => {
    db.prepare('delete from subscription_applications').run(); // items and options cascade
    for (const a of apps) {
      insert.application(a, now);
      counts.items += a.items.length;
      for (const i of a.items) counts.options += i.options.length;
    }
  })();
  return counts;
}

/** One application by 申込コード, or null. */
export function getApplication(db: SqliteDb, code: string): SubscriptionApplication | null {
  const row = db.prepare('select id from subscription_applications where code = ?').get(code) as { id: number } | undefined;
  if (!row) return null;
  // the full loader is simple and one application is small: filter after a targeted load
  const apps = loadApplicationsByIds(db, [row.id]);
  return apps[0] ? toPlainApplication(apps[0]) : null;
}

function loadApplicationsByIds(db: SqliteDb, ids: number[]): StoredApplication[] {
  const out: StoredApplication[] = [];
  for (const id of ids) {
    const r = db
      .prepare('select id, code, customer_code, status, order_processed, standard_rate, reduced_rate from subscription_applications where id = ?')
      .get(id) as AppRow | undefined;
    if (!r) continue;
    const items = (
      db
        .prepare(
          'select id, application_id, product_code, variation_h, variation_v, name, quantity, first_price, regular_price, last_price, tax_included, tax_rate_type from subscription_items where application_id = ? order by line_no',
        )
        .raw()
        .all(id) as ItemRow[]
    ).map(
      (i): StoredItem => ({
        id: i[0],
        productCode: i[2],
        variationH: i[3],
        variationV: i[4],
        name: i[5],
        quantity: i[6],
        firstPrice: i[7],
        regularPrice: i[8],
        lastPrice: i[9],
        taxIncluded: i[10] === 1,
        taxRateType: i[11] as StoredItem['taxRateType'],
        options: (
          db.prepare('select id, item_id, name, price, tax_included, tax_rate_type from subscription_options where item_id = ? order by line_no').raw().all(i[0]) as OptionRow[]
        ).map((o) => ({ id: o[0], name: o[2], price: o[3], taxIncluded: o[4] === 1, taxRateType: o[5] as StoredOption['taxRateType'] })),
      }),
    );
    out.push(applicationFromRow(r, items));
  }
  return out;
}

/**
 * Creates or updates one application (the edit form). Updating replaces its items and options;
 * the code cannot change (it identifies the application in BCart and in the CSV).
 */
export function saveApplication(db: SqliteDb, a: SubscriptionApplication, create: boolean, now: string): void {
  db.transaction(() => {
    const row = db.prepare('select id from subscription_applications where code = ?').get(a.code) as { id: number } | undefined;
    if (create) {
      if (row) {
        throw new AppError('CONFLICT', `申込コード「${a.code}」はすでに登録されています。別の申込コードを入力してください。`, {
          fields: [{ path: 'code', message: `申込コード「${a.code}」はすでに登録されています。別の申込コードを入力してください。` }],
        });
      }
      createInserter(db).application(a, now);
      return;
    }
    if (!row) throw new AppError('NOT_FOUND', `申込コード「${a.code}」の定期申込が見つかりません。一覧を更新してから、もう一度お試しください。`);
    db.prepare(
      'update subscription_applications set customer_code = ?, status = ?, order_processed = ?, standard_rate = ?, reduced_rate = ?, updated_at = ? where id = ?',
    ).run(a.customerCode, a.status, a.orderProcessed ? 1 : 0, a.standardRate, a.reducedRate, now, row.id);
    db.prepare('delete from subscription_items where application_id = ?').run(row.id);
    createInserter(db).items(row.id, a.items);
  })();
}

/** The virtualized list: filters by 状態, rates, 受注処理済 and a search over codes and item names. */
export function listApplications(db: SqliteDb, q: SubscriptionListInput): { rows: SubscriptionListRow[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.status !== undefined) {
    where.push('a.status = ?');
    params.push(q.status);
  }
  if (q.standardRate !== undefined) {
    where.push('a.standard_rate = ?');
    params.push(q.standardRate);
  }
  if (q.reducedRate !== undefined) {
    where.push('a.reduced_rate = ?');
    params.push(q.reducedRate);
  }
  if (q.orderProcessed !== undefined) {
    where.push('a.order_processed = ?');
    params.push(q.orderProcessed ? 1 : 0);
  }
  const search = q.search?.trim() ?? '';
  if (search !== '') {
    const like = `%${foldForSearch(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // search_fold (db/open.ts): kana, width and case forgiven on both sides
    where.push(
      "(search_fold(a.code) like ? escape '\\' or search_fold(a.customer_code) like ? escape '\\' or exists (select 1 from subscription_items s where s.application_id = a.id and (search_fold(s.product_code) like ? escape '\\' or search_fold(s.name) like ? escape '\\')))",
    );
    params.push(like, like, like, like);
  }
  const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const total = (db.prepare(`select count(*) as n from subscription_applications a ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `select a.code, a.customer_code, a.status, a.order_processed, a.standard_rate, a.reduced_rate, a.updated_at,
        (select count(*) from subscription_items i where i.application_id = a.id) as item_count,
        (select count(*) from subscription_options o join subscription_items i on o.item_id = i.id where i.application_id = a.id) as option_count,
        coalesce((select i.name from subscription_items i where i.application_id = a.id order by i.line_no limit 1), '') as first_item
       from subscription_applications a ${clause} order by a.code limit ?`,
    )
    .all(...params, q.limit ?? 100_000) as {
    code: string;
    customer_code: string;
    status: SubscriptionListRow['status'];
    order_processed: number;
    standard_rate: number;
    reduced_rate: number;
    updated_at: string;
    item_count: number;
    option_count: number;
    first_item: string;
  }[];
  return {
    total,
    rows: rows.map((r) => ({
      code: r.code,
      customerCode: r.customer_code,
      status: r.status,
      orderProcessed: r.order_processed === 1,
      standardRate: r.standard_rate,
      reducedRate: r.reduced_rate,
      itemCount: r.item_count,
      optionCount: r.option_count,
      firstItemName: r.first_item,
      updatedAt: r.updated_at,
    })),
  };
}
