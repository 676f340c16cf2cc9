/**
 * 定期申込 (subscription_applications / items / options) ⇄ the pure types of the tax update. Loaded
 * objects carry their database ids (the plan keeps extra properties), so the tax update can write
 * exactly the rows its plan changed. Every write is one synchronous transaction; callers check
 * 受付停止 (edits are refused then). The only code that writes these tables.
 *
 * Hot paths keep raw prepared statements, each measured by bench/tax-update.bench.ts: loading all
 * 100,000 applications (raw arrays), the replace-all import, and the rerated prices written by apply.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SubscriptionApplication, SubscriptionItem, SubscriptionOption } from '../../../src-shared/tax-update/types';
import { AppError } from '../../../src-shared/errors';
import type { SubscriptionListInput, SubscriptionListRow } from '../../../src-shared/subscriptions/subscription-schema';
import { applicationSalePrices } from '../../../src-shared/tax-update/sale-price';
import { createBatcher, placeholders } from '../db/batched-writes';
import { containsText } from '../db/contains-text';
import { inTransaction, type Db } from '../db/db-handle';
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from '../db/open';
import { subscriptionApplications, subscriptionItems, subscriptionOptions } from '../db/schema';

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

const APP_SELECT = 'select id, code, customer_code, status, order_processed, standard_rate, reduced_rate from subscription_applications';
const ITEM_SELECT =
  'select id, application_id, product_code, variation_h, variation_v, name, quantity, first_price, regular_price, last_price, tax_included, tax_rate_type from subscription_items';
const OPTION_SELECT = 'select id, item_id, name, price, tax_included, tax_rate_type from subscription_options';

/** Application rows with their item and option rows (items by line within each application, options by line) → stored applications. */
function assemble(apps: Iterable<AppRow>, items: Iterable<ItemRow>, options: Iterable<OptionRow>): StoredApplication[] {
  const byId = new Map<number, StoredApplication>();
  const out: StoredApplication[] = [];
  for (const r of apps) {
    const a = applicationFromRow(r, []);
    byId.set(r.id, a);
    out.push(a);
  }
  const itemById = new Map<number, StoredItem>();
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
  for (const r of options) {
    itemById
      .get(r[1])
      ?.options.push({ id: r[0], name: r[2], price: r[3], taxIncluded: r[4] === 1, taxRateType: r[5] as StoredOption['taxRateType'] });
  }
  return out;
}

/**
 * Every application with items and options, ordered by id (items and options by line).
 * Raw arrays keep the 1,000,000-row load of the benchmark fast.
 */
function loadAll(db: SqliteDb): StoredApplication[] {
  return assemble(
    db.prepare(`${APP_SELECT} order by id`).all() as AppRow[],
    db.prepare(`${ITEM_SELECT} order by application_id, line_no`).raw().all() as ItemRow[],
    db.prepare(`${OPTION_SELECT} order by item_id, line_no`).raw().all() as OptionRow[],
  );
}

/**
 * The tax update's input in bounded memory: the applications in code order (the plan's order),
 * `limit` at a time after `afterCode` (keyset paging on the unique code index, so each chunk is one
 * short query and writes between chunks cannot shift it). Raw prepared statements: the 100,000-
 * application stream of bench/tax-update.bench.ts; the chunk's ids travel as one JSON array.
 */
function createChunkReader(db: SqliteDb) {
  let statements: Record<'first' | 'after' | 'items' | 'options', Statement> | null = null;
  return (afterCode: string | null, limit: number): StoredApplication[] => {
    // prepared on first use: the repository exists before the migrations ran
    statements ??= {
      first: db.prepare(`${APP_SELECT} order by code limit ?`),
      after: db.prepare(`${APP_SELECT} where code > ? order by code limit ?`),
      items: db.prepare(`${ITEM_SELECT} where application_id in (select value from json_each(?)) order by application_id, line_no`).raw(),
      options: db.prepare(`${OPTION_SELECT} where item_id in (select value from json_each(?)) order by item_id, line_no`).raw(),
    };
    const { first, after, items, options } = statements;
    const apps = (afterCode === null ? first.all(limit) : after.all(afterCode, limit)) as AppRow[];
    if (apps.length === 0) return [];
    const itemRows = items.all(JSON.stringify(apps.map((a) => a.id))) as ItemRow[];
    const optionRows = itemRows.length === 0 ? [] : (options.all(JSON.stringify(itemRows.map((i) => i[0]))) as OptionRow[]);
    return assemble(apps, itemRows, optionRows);
  };
}

/**
 * Every application in id order (loadAll's order), `chunk` at a time by keyset on the primary key:
 * the CSV export walks 100,000 applications without holding them all (one chunk of objects at a time).
 */
function* iterateById(db: SqliteDb, chunk: number): Generator<StoredApplication> {
  const page = db.prepare(`${APP_SELECT} where id > ? order by id limit ?`);
  const items = db
    .prepare(`${ITEM_SELECT} where application_id in (select value from json_each(?)) order by application_id, line_no`)
    .raw();
  const options = db.prepare(`${OPTION_SELECT} where item_id in (select value from json_each(?)) order by item_id, line_no`).raw();
  for (let after = 0; ;) {
    const apps = page.all(after, chunk) as AppRow[];
    if (apps.length === 0) return;
    const itemRows = items.all(JSON.stringify(apps.map((a) => a.id))) as ItemRow[];
    const optionRows = itemRows.length === 0 ? [] : (options.all(JSON.stringify(itemRows.map((i) => i[0]))) as OptionRow[]);
    yield* assemble(apps, itemRows, optionRows);
    after = apps[apps.length - 1]!.id;
  }
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

/**
 * The 販売価格 stored with an application on import or edit: at its own rates, tax of a 税抜 price
 * rounded 切り捨て — the CSV and the form carry no 算出設定, and 切り捨て is BCart's default (the
 * tax update then stores its own, with the run's 算出設定). Null when a total is beyond a safe integer.
 */
export function storedSalePrices(a: SubscriptionApplication): {
  saleFirst: number | null;
  saleRegular: number | null;
  saleLast: number | null;
} {
  try {
    const s = applicationSalePrices(a, 'floor');
    return { saleFirst: s.first, saleRegular: s.regular, saleLast: s.last };
  } catch (e) {
    if (e instanceof RangeError) return { saleFirst: null, saleRegular: null, saleLast: null };
    throw e;
  }
}

/** Prepared inserts, made once per write (preparing per row dominated a 100,000-row import). */
function createInserter(db: SqliteDb) {
  const app = db.prepare(
    'insert into subscription_applications (code, customer_code, status, order_processed, standard_rate, reduced_rate, sale_first, sale_regular, sale_last, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const item = db.prepare(
    'insert into subscription_items (application_id, line_no, product_code, variation_h, variation_v, name, quantity, first_price, regular_price, last_price, tax_included, tax_rate_type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const option = db.prepare(
    'insert into subscription_options (item_id, line_no, name, price, tax_included, tax_rate_type) values (?, ?, ?, ?, ?, ?)',
  );
  const items = (applicationId: number, list: readonly SubscriptionItem[]): void => {
    list.forEach((i, n) => {
      const r = item.run(
        applicationId,
        n + 1,
        i.productCode,
        i.variationH,
        i.variationV,
        i.name,
        i.quantity,
        i.firstPrice,
        i.regularPrice,
        i.lastPrice,
        i.taxIncluded ? 1 : 0,
        i.taxRateType,
      );
      const itemId = Number(r.lastInsertRowid);
      i.options.forEach((o, m) => option.run(itemId, m + 1, o.name, o.price, o.taxIncluded ? 1 : 0, o.taxRateType));
    });
  };
  return {
    items,
    /** one application with its items and options (inside the caller's transaction) */
    application(a: SubscriptionApplication, now: string): void {
      const sale = storedSalePrices(a);
      const r = app.run(
        a.code,
        a.customerCode,
        a.status,
        a.orderProcessed ? 1 : 0,
        a.standardRate,
        a.reducedRate,
        sale.saleFirst,
        sale.saleRegular,
        sale.saleLast,
        now,
        now,
      );
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

function itemChanged(a: StoredItem, b: StoredItem): boolean {
  return (
    a.taxRateType !== b.taxRateType || a.firstPrice !== b.firstPrice || a.regularPrice !== b.regularPrice || a.lastPrice !== b.lastPrice
  );
}

const TABLES = ['subscription_applications', 'subscription_items', 'subscription_options'] as const;

/** the columns of subscription_applications / subscription_items named as the stored types' fields */
const APP_FIELDS = ['code', 'customerCode', 'status', 'orderProcessed', 'standardRate', 'reducedRate'] as const;
const ITEM_FIELDS = [
  'id',
  'productCode',
  'variationH',
  'variationV',
  'name',
  'quantity',
  'firstPrice',
  'regularPrice',
  'lastPrice',
  'taxIncluded',
  'taxRateType',
] as const;

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/**
 * `alias.column` for the list's correlated subqueries: drizzle leaves the columns of a one-table
 * query unqualified, so the inner tables get aliases and the outer row is named in full.
 */
const col = (alias: string, column: string): SQL => sql`${sql.identifier(alias)}.${sql.identifier(column)}`;
const APP_ID = col('subscription_applications', 'id');

function columnsOf(db: SqliteDb, schema: 'main' | 'bk', table: string): string[] {
  return (db.prepare(`pragma ${schema}.table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * The tax update's rerated rows, staged in connection-private TEMP tables (SQLite keeps them in a
 * temporary file, not in memory, and drops them with the connection): the plan is streamed into
 * them in chunks, and apply writes them in three set-based UPDATE … FROM statements
 * (bench/tax-update.bench.ts: ~1 M rows at 100,000 applications).
 */
const STAGE_DDL = [
  'create temp table if not exists subscription_rerated_apps (id integer primary key, standard_rate integer not null, reduced_rate integer not null)',
  'create temp table if not exists subscription_rerated_items (id integer primary key, tax_rate_type text not null, first_price integer not null, regular_price integer not null, last_price integer not null)',
  'create temp table if not exists subscription_rerated_options (id integer primary key, price integer not null)',
];
const STAGE_TABLES = ['subscription_rerated_apps', 'subscription_rerated_items', 'subscription_rerated_options'] as const;

function createReratedStage(db: SqliteDb) {
  let ready = false;
  const ensure = (): void => {
    if (ready) return;
    for (const ddl of STAGE_DDL) db.exec(ddl);
    ready = true;
  };
  return {
    /** Empties the stage (a new plan is about to be streamed into it). */
    clear(): void {
      ensure();
      for (const t of STAGE_TABLES) db.prepare(`delete from temp.${t}`).run();
    },
    /**
     * A writer for one streamed plan: `add` an application as loaded and as rerated (the same
     * object when it is no target); only rows whose values changed are staged. `flush` at the end.
     */
    writer() {
      ensure();
      const apps = createBatcher(
        db,
        3,
        (n) => `insert into temp.subscription_rerated_apps (id, standard_rate, reduced_rate) values ${placeholders(n, 3)}`,
      );
      const items = createBatcher(
        db,
        5,
        (n) =>
          `insert into temp.subscription_rerated_items (id, tax_rate_type, first_price, regular_price, last_price) values ${placeholders(n, 5)}`,
      );
      const options = createBatcher(db, 2, (n) => `insert into temp.subscription_rerated_options (id, price) values ${placeholders(n, 2)}`);
      return {
        add(before: StoredApplication, rerated: SubscriptionApplication): void {
          const after = rerated as StoredApplication;
          if (after === before) return; // not a target
          let changed = before.standardRate !== after.standardRate || before.reducedRate !== after.reducedRate;
          for (let k = 0; k < before.items.length; k++) {
            const bi = before.items[k] as StoredItem;
            const ai = after.items[k] as StoredItem;
            if (itemChanged(bi, ai)) {
              items.add(bi.id, ai.taxRateType, ai.firstPrice, ai.regularPrice, ai.lastPrice);
              changed = true;
            }
            for (let m = 0; m < bi.options.length; m++) {
              const bo = bi.options[m]!;
              const ao = ai.options[m]!;
              if (bo.price !== ao.price) {
                options.add(bo.id, ao.price);
                changed = true;
              }
            }
          }
          if (changed) apps.add(before.id, after.standardRate, after.reducedRate);
        },
        flush(): void {
          apps.flush();
          items.flush();
          options.flush();
        },
      };
    },
    /** Writes the staged rows over the stored ones (inside the caller's transaction). */
    apply(now: string): void {
      ensure();
      db.prepare(
        'update subscription_applications set standard_rate = s.standard_rate, reduced_rate = s.reduced_rate, updated_at = ? from temp.subscription_rerated_apps s where subscription_applications.id = s.id',
      ).run(now);
      db.prepare(
        'update subscription_items set tax_rate_type = s.tax_rate_type, first_price = s.first_price, regular_price = s.regular_price, last_price = s.last_price from temp.subscription_rerated_items s where subscription_items.id = s.id',
      ).run();
      db.prepare(
        'update subscription_options set price = s.price from temp.subscription_rerated_options s where subscription_options.id = s.id',
      ).run();
    },
  };
}

export function createSubscriptionRepository(db: Db) {
  const { orm, sqlite } = db;
  const readChunk = createChunkReader(sqlite);

  /** Applications by id with items and options, in the stored shape (fields named as the types). */
  function loadByIds(ids: readonly number[]): StoredApplication[] {
    if (ids.length === 0) return [];
    const a = subscriptionApplications;
    const i = subscriptionItems;
    const o = subscriptionOptions;
    const apps = orm
      .select({ id: a.id, ...pick(a, APP_FIELDS) })
      .from(a)
      .where(inArray(a.id, [...ids]))
      .orderBy(asc(a.id))
      .all();
    const items = orm
      .select({ applicationId: i.applicationId, ...pick(i, ITEM_FIELDS) })
      .from(i)
      .where(inArray(i.applicationId, [...ids]))
      .orderBy(asc(i.lineNo))
      .all();
    const options =
      items.length === 0
        ? []
        : orm
            .select({ itemId: o.itemId, id: o.id, name: o.name, price: o.price, taxIncluded: o.taxIncluded, taxRateType: o.taxRateType })
            .from(o)
            .where(
              inArray(
                o.itemId,
                items.map((x) => x.id),
              ),
            )
            .orderBy(asc(o.lineNo))
            .all();
    return apps.map((app) => ({
      ...app,
      items: items
        .filter((x) => x.applicationId === app.id)
        .map(({ applicationId: _a, ...item }) => ({
          ...item,
          options: options.filter((x) => x.itemId === item.id).map(({ itemId: _i, ...option }) => option),
        })),
    }));
  }

  const idOfCode = (code: string): number | undefined =>
    orm.select({ id: subscriptionApplications.id }).from(subscriptionApplications).where(eq(subscriptionApplications.code, code)).get()?.id;

  /** Stores the 販売価格 of applications that have none yet (storedSalePrices), a chunk at a time. */
  function fillMissingSalePrices(): void {
    const set = sqlite.prepare(
      'update subscription_applications set sale_first = ?, sale_regular = ?, sale_last = ? where id = ? and sale_first is null',
    );
    for (let after: string | null = null; ;) {
      const chunk = readChunk(after, 1000);
      if (chunk.length === 0) return;
      for (const a of chunk) {
        const s = storedSalePrices(a);
        if (s.saleFirst !== null) set.run(s.saleFirst, s.saleRegular, s.saleLast, a.id);
      }
      after = chunk[chunk.length - 1]!.code;
    }
  }

  return {
    /** every application with its ids (tests, the CSV export) */
    loadAll: (): StoredApplication[] => loadAll(sqlite),
    /** every application in loadAll's order, read `chunk` at a time (the CSV export) */
    iterateById: (chunk = 1000): Iterable<StoredApplication> => iterateById(sqlite, chunk),
    /** true when some application has no item (the CSV export refuses such an application by its row) */
    hasApplicationWithoutItems: (): boolean =>
      sqlite
        .prepare(
          'select exists (select 1 from subscription_applications a where not exists (select 1 from subscription_items i where i.application_id = a.id))',
        )
        .pluck()
        .get() === 1,
    /** the tax update's input: `limit` applications after `afterCode` (null: from the first) in code order, with ids */
    chunkByCode: (afterCode: string | null, limit: number): StoredApplication[] => readChunk(afterCode, limit),
    /** the tax update's rerated rows, staged while the plan streams, written by apply */
    rerated: createReratedStage(sqlite),

    fillMissingSalePrices,

    /** Replaces every application by `apps` in one transaction (the CSV import). */
    replaceAll(apps: readonly SubscriptionApplication[], now: string): ReplaceCounts {
      const counts: ReplaceCounts = { applications: apps.length, items: 0, options: 0 };
      const insert = createInserter(sqlite);
      inTransaction(db, () => {
        orm.delete(subscriptionApplications).run(); // items and options cascade
        for (const a of apps) {
          insert.application(a, now);
          counts.items += a.items.length;
          for (const i of a.items) counts.options += i.options.length;
        }
      });
      return counts;
    },

    /** One application by 申込コード, or null. */
    get(code: string): SubscriptionApplication | null {
      const id = idOfCode(code);
      const app = id === undefined ? undefined : loadByIds([id])[0];
      return app ? toPlainApplication(app) : null;
    },

    /**
     * Creates or updates one application (the edit form). Updating replaces its items and options;
     * the code cannot change (it identifies the application in BCart and in the CSV).
     */
    save(a: SubscriptionApplication, create: boolean, now: string): void {
      inTransaction(db, () => {
        const id = idOfCode(a.code);
        if (create) {
          if (id !== undefined) {
            throw new AppError('CONFLICT', `申込コード「${a.code}」はすでに登録されています。別の申込コードを入力してください。`, {
              fields: [{ path: 'code', message: `申込コード「${a.code}」はすでに登録されています。別の申込コードを入力してください。` }],
            });
          }
          createInserter(sqlite).application(a, now);
          return;
        }
        if (id === undefined)
          throw new AppError(
            'NOT_FOUND',
            `申込コード「${a.code}」の定期申込が見つかりません。一覧を更新してから、もう一度お試しください。`,
          );
        orm
          .update(subscriptionApplications)
          .set({
            customerCode: a.customerCode,
            status: a.status,
            orderProcessed: a.orderProcessed,
            standardRate: a.standardRate,
            reducedRate: a.reducedRate,
            ...storedSalePrices(a),
            updatedAt: now,
          })
          .where(eq(subscriptionApplications.id, id))
          .run();
        orm.delete(subscriptionItems).where(eq(subscriptionItems.applicationId, id)).run();
        createInserter(sqlite).items(id, a.items);
      });
    },

    /** Deletes one application with its items and options (they cascade); false when the code is unknown. */
    delete(code: string): boolean {
      return orm.delete(subscriptionApplications).where(eq(subscriptionApplications.code, code)).run().changes > 0;
    },

    /** The virtualized list: filters by 状態, rates, 受注処理済 and a search over codes and item names. */
    list(q: SubscriptionListInput): { rows: SubscriptionListRow[]; total: number } {
      const a = subscriptionApplications;
      const filters: (SQL | undefined)[] = [
        q.status === undefined ? undefined : eq(a.status, q.status),
        q.standardRate === undefined ? undefined : eq(a.standardRate, q.standardRate),
        q.reducedRate === undefined ? undefined : eq(a.reducedRate, q.reducedRate),
        q.orderProcessed === undefined ? undefined : eq(a.orderProcessed, q.orderProcessed),
      ];
      const codes = containsText([a.code, a.customerCode], q.search);
      const items = containsText([col('i', 'product_code'), col('i', 'name')], q.search);
      if (codes && items)
        filters.push(
          sql`(${codes} or exists (select 1 from ${subscriptionItems} i where ${col('i', 'application_id')} = ${APP_ID} and ${items}))`,
        );
      const present = filters.filter((f): f is SQL => f !== undefined);
      const where = present.length > 0 ? and(...present) : undefined;
      const total = orm.select({ n: count() }).from(a).where(where).get()?.n ?? 0;
      const rows = orm
        .select({
          ...pick(a, APP_FIELDS),
          itemCount: sql<number>`(select count(*) from ${subscriptionItems} i where ${col('i', 'application_id')} = ${APP_ID})`,
          optionCount: sql<number>`(select count(*) from ${subscriptionOptions} o join ${subscriptionItems} i on ${col('o', 'item_id')} = ${col('i', 'id')} where ${col('i', 'application_id')} = ${APP_ID})`,
          firstItemName: sql<string>`coalesce((select ${col('i', 'name')} from ${subscriptionItems} i where ${col('i', 'application_id')} = ${APP_ID} order by ${col('i', 'line_no')} limit 1), '')`,
          updatedAt: a.updatedAt,
        })
        .from(a)
        .where(where)
        .orderBy(asc(a.code))
        .limit(q.limit ?? 100_000)
        .all();
      return { total, rows };
    },

    /**
     * Puts every application back as it is in a backup file (the tax update's restore), then runs
     * `alsoInTransaction` in the same transaction. ATTACH works on the live connection but not inside
     * a transaction: attach first, copy in one transaction, detach always. Raw SQL: the column lists
     * come from the backup's own schema (an older backup may lack newer columns).
     */
    restoreFromBackup(file: string, alsoInTransaction: () => void): void {
      sqlite.prepare('attach database ? as bk').run(file);
      try {
        for (const t of TABLES) {
          if (columnsOf(sqlite, 'bk', t).length === 0) {
            throw new AppError(
              'DB_CORRUPT',
              'バックアップファイルに定期申込のデータがないため復元できません。バックアップファイルを確認してください。',
            );
          }
        }
        inTransaction(db, () => {
          sqlite.prepare('delete from main.subscription_applications').run(); // items and options cascade
          for (const t of TABLES) {
            const backupCols = new Set(columnsOf(sqlite, 'bk', t));
            const cols = columnsOf(sqlite, 'main', t)
              .filter((c) => backupCols.has(c))
              .join(', ');
            sqlite.prepare(`insert into main.${t} (${cols}) select ${cols} from bk.${t} order by id`).run();
          }
          // a backup from before the 販売価格 were stored gives none: computed as an import would
          if (!columnsOf(sqlite, 'bk', 'subscription_applications').includes('sale_first')) fillMissingSalePrices();
          alsoInTransaction();
        });
      } finally {
        sqlite.prepare('detach database bk').run();
      }
    },
  };
}

export type SubscriptionRepository = ReturnType<typeof createSubscriptionRepository>;
