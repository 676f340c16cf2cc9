/**
 * One repository for every master table (部門, 税区分, ワークフロー, 取引先, 商品, 請求口座):
 * list with search and sort, get, create, update (only while not 確定), 確定 / 確定取消.
 * The rule "a confirmed master can be referenced; editing needs 確定取消 first" lives here once.
 */
import { and, asc, Column, count, desc, eq, getTableName, inArray, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../../src-shared/errors';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { containsText } from '../db/contains-text';
import type { Db } from '../db/db-handle';
import { classifyError, type UniqueFieldMessage } from '../errors/classify-error';

/** The columns every master table has. */
export type MasterTable = SQLiteTable & {
  id: SQLiteColumn;
  code: SQLiteColumn;
  confirmed: SQLiteColumn;
  createdAt: SQLiteColumn;
  updatedAt: SQLiteColumn;
};

export interface MasterRepositoryConfig {
  /** Japanese name for messages, e.g. 部門 */
  label: string;
  table: MasterTable;
  searchColumns: SQLiteColumn[];
  sortColumns: Record<string, SQLiteColumn>;
  defaultSort: string;
  /** "table.col" of each UNIQUE index → the field to blame */
  uniqueFields: Record<string, UniqueFieldMessage>;
  /** extra filter applied to every list (e.g. partner kind); optional */
  baseFilter?: SQL;
}

/**
 * Whether `key` is certainly not among the keys already inserted (and records it): only a key of
 * strings is recorded, since the master tables compare text with SQLite's default BINARY collation,
 * where equal strings are equal keys; anything else is looked up.
 */
function isNewKey(inserted: Set<string>, key: readonly unknown[]): boolean {
  let joined = '';
  for (const part of key) {
    if (typeof part !== 'string') return false;
    joined += `${part}\u0000`;
  }
  if (inserted.has(joined)) return false;
  inserted.add(joined);
  return true;
}

/** What one row of a bulk upsert did (CSV import). */
export type UpsertResult = 'created' | 'updated' | 'unchanged' | 'confirmed' | { failed: unknown };

export interface MasterRepository<Row, Values> {
  list(input?: MasterListInput, extra?: SQL): { rows: Row[]; total: number };
  get(id: number): Row;
  find(id: number): Row | undefined;
  /** rows by id (missing ids are left out) */
  findByIds(ids: readonly number[]): Row[];
  /** id of the first row with this code (商品: of any 枝番), or null */
  idOfCode(code: string): number | null;
  create(values: Values): Row;
  /** inserts a row that is 確定 at once (初期設定, onboarding); returns its id */
  insertConfirmed(values: Values): number;
  /** refused on a 確定 row unless `allowConfirmed` (a master in use: only its free fields change, the caller checked) */
  update(id: number, values: Values, opts?: { allowConfirmed?: boolean }): Row;
  setConfirmed(id: number, confirmed: boolean): Row;
  /**
   * Bulk upsert by key fields for the CSV import, one prepared statement set for all rows (the
   * 100,000-row import of bench/csv-import.bench.ts). Each row's values are given by position, in
   * the order of `fields` (absent: null): the import reads a file straight into such rows, with no
   * object per row to look fields up in. A new key is inserted 未確定, an existing one updated
   * unless it is 確定 ('confirmed': left as it is) or already equal ('unchanged').
   * A row that breaks a constraint reports { failed } and the others go on; call inside the
   * caller's transaction, which decides whether to keep the rest.
   * `keysUnique`: the caller has checked that no two rows share a key (the CSV import refuses such
   * a file), so on a table empty before the call no row is looked up at all.
   */
  upsertRows(
    fields: readonly (keyof Values & string)[],
    rows: readonly (readonly unknown[])[],
    keyFields: readonly (keyof Values & string)[],
    opts?: { keysUnique?: boolean },
  ): UpsertResult[];
}


export function createMasterRepository<Row extends { id: number; confirmed: boolean }, Values extends object>(
  handle: Db,
  cfg: MasterRepositoryConfig,
  now: () => string,
): MasterRepository<Row, Values> {
  const t = cfg.table;
  const { orm: db, sqlite } = handle;
  // drizzle's generic table types do not compose; the casts stay inside this file.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const anyDb = db as unknown as {
    select: (fields?: unknown) => { from: (t: unknown) => any };
    insert: (t: unknown) => any;
    update: (t: unknown) => any;
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */

  function find(id: number): Row | undefined {
    return anyDb.select().from(t).where(eq(t.id, id)).get() as Row | undefined;
  }

  function findByIds(ids: readonly number[]): Row[] {
    return ids.length === 0 ? [] : (anyDb.select().from(t).where(inArray(t.id, [...ids])).all() as Row[]);
  }

  function idOfCode(code: string): number | null {
    const row = anyDb.select({ id: t.id }).from(t).where(eq(t.code, code)).orderBy(asc(t.id)).get() as { id: number } | undefined;
    return row?.id ?? null;
  }

  function get(id: number): Row {
    const row = find(id);
    if (!row) throw new AppError('NOT_FOUND', `指定の${cfg.label}が見つかりません。一覧を再読み込みしてください。`);
    return row;
  }

  function list(input: MasterListInput = {}, extra?: SQL): { rows: Row[]; total: number } {
    const filters: SQL[] = [];
    if (cfg.baseFilter) filters.push(cfg.baseFilter);
    if (extra) filters.push(extra);
    const search = containsText(cfg.searchColumns, input.query);
    if (search) filters.push(search);
    if (input.confirmed === 'confirmed') filters.push(eq(t.confirmed, true));
    if (input.confirmed === 'unconfirmed') filters.push(eq(t.confirmed, false));
    const where = filters.length > 0 ? and(...filters) : undefined;
    const sortCol = cfg.sortColumns[input.sortKey ?? cfg.defaultSort] ?? cfg.sortColumns[cfg.defaultSort]!;
    const order = input.sortDir === 'desc' ? desc(sortCol) : asc(sortCol);
    const total = (anyDb.select({ n: count() }).from(t).where(where).get() as { n: number }).n;
    const rows = anyDb
      .select()
      .from(t)
      .where(where)
      .orderBy(order, asc(t.id))
      .limit(input.limit ?? 200_000)
      .all() as Row[];
    return { rows, total };
  }

  function create(values: Values): Row {
    const stamp = now();
    try {
      return anyDb
        .insert(t)
        .values({ ...values, confirmed: false, createdAt: stamp, updatedAt: stamp })
        .returning()
        .get() as Row;
    } catch (e) {
      throw classifyError(e, { uniqueFields: cfg.uniqueFields });
    }
  }

  function insertConfirmed(values: Values): number {
    const stamp = now();
    try {
      return (anyDb.insert(t).values({ ...values, confirmed: true, createdAt: stamp, updatedAt: stamp }).returning({ id: t.id }).get() as { id: number }).id;
    } catch (e) {
      throw classifyError(e, { uniqueFields: cfg.uniqueFields });
    }
  }

  function upsertRows(
    fields: readonly (keyof Values & string)[],
    rows: readonly (readonly unknown[])[],
    keyFields: readonly (keyof Values & string)[],
    opts: { keysUnique?: boolean } = {},
  ): UpsertResult[] {
    if (rows.length === 0) return [];
    const columns = t as unknown as Record<string, SQLiteColumn>;
    const column = (f: string): SQLiteColumn => {
      const c = columns[f];
      if (!c) throw new Error(`${cfg.label}: unknown field ${f}`);
      return c;
    };
    // Raw statements generated from the drizzle table's own column names: the write of the
    // 100,000-row 商品 import of bench/masters-list.bench.ts took about twice as long through
    // drizzle's prepared queries (placeholder filling and row mapping on every call).
    const cols = fields.map(column);
    const names = cols.map((c) => c.name);
    const keyAt = keyFields.map((k) => fields.indexOf(k));
    const list = names.map((n) => `"${n}"`).join(', ');
    const table = `"${getTableName(t)}"`;
    const byKey = sqlite.prepare(`select * from ${table} where ${keyFields.map((k) => `"${column(k).name}" = ?`).join(' and ')}`);
    const insert = sqlite.prepare(`insert into ${table} (${list}, "confirmed", "created_at", "updated_at") values (${names.map(() => '?').join(', ')}, 0, ?, ?)`);
    const change = sqlite.prepare(`update ${table} set ${names.map((n) => `"${n}" = ?`).join(', ')}, "updated_at" = ? where "id" = ?`);
    const stamp = now();
    // A table empty before the call can only hold keys inserted by this call: no lookup when the
    // caller vouches that keys are unique, else only for a key that came up before (the first
    // import of a 100,000-row 商品 file, bench/csv-import.bench.ts).
    const emptyBefore = sqlite.prepare(`select 1 from ${table} limit 1`).get() === undefined;
    const inserted = emptyBefore && opts.keysUnique !== true ? new Set<string>() : null;
    // one loop per row without per-row closures or argument spreads (a 100,000-row 商品 file goes
    // through here; bench/csv-import.bench.ts): the drizzle mapping only where a column has one
    const mappers = cols.map((c) => (c.mapToDriverValue === Column.prototype.mapToDriverValue ? null : c));
    const n = fields.length;
    const out: UpsertResult[] = new Array<UpsertResult>(rows.length);
    // one parameter array and one key array for every row: better-sqlite3 copies what it binds
    const params: unknown[] = new Array<unknown>(n + 2);
    const keyArgs: unknown[] = new Array<unknown>(keyAt.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      // the values as stored (booleans as 0 / 1), in the order of `fields`, then the two stamps
      for (let i = 0; i < n; i++) {
        const v = row[i];
        const mapper = mappers[i];
        params[i] = v === undefined || v === null ? null : mapper ? mapper.mapToDriverValue(v) : v;
      }
      for (let k = 0; k < keyAt.length; k++) keyArgs[k] = params[keyAt[k]!];
      const lookUp = !emptyBefore || (inserted !== null && !isNewKey(inserted, keyArgs));
      const current = (lookUp ? byKey.get(keyArgs) : undefined) as Record<string, unknown> | undefined;
      try {
        if (!current) {
          params[n] = stamp;
          params[n + 1] = stamp;
          insert.run(params);
          out[r] = 'created';
          continue;
        }
        let same = true;
        for (let i = 0; i < n && same; i++) same = current[names[i]!] === params[i];
        if (same) out[r] = 'unchanged';
        else if (current['confirmed'] === 1) out[r] = 'confirmed';
        else {
          params[n] = stamp;
          params[n + 1] = current['id'];
          change.run(params);
          out[r] = 'updated';
        }
      } catch (e) {
        out[r] = { failed: e };
      }
    }
    return out;
  }

  function update(id: number, values: Values, opts: { allowConfirmed?: boolean } = {}): Row {
    const current = get(id);
    if (current.confirmed && opts.allowConfirmed !== true) {
      throw new AppError('CONFIRMED_LOCKED', `この${cfg.label}は確定済みのため編集できません。編集するには先に「確定取消」を行ってください。`);
    }
    try {
      return anyDb.update(t).set({ ...values, updatedAt: now() }).where(eq(t.id, id)).returning().get() as Row;
    } catch (e) {
      throw classifyError(e, { uniqueFields: cfg.uniqueFields });
    }
  }

  function setConfirmed(id: number, confirmed: boolean): Row {
    const current = get(id);
    if (current.confirmed === confirmed) return current;
    return anyDb.update(t).set({ confirmed, updatedAt: now() }).where(eq(t.id, id)).returning().get() as Row;
  }

  return { list, get, find, findByIds, idOfCode, create, insertConfirmed, update, setConfirmed, upsertRows };
}
