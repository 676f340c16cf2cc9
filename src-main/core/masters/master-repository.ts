/**
 * One repository for every master table (部門, 税区分, ワークフロー, 取引先, 商品, 請求口座):
 * list with search and sort, get, create, update (only while not 確定), 確定 / 確定取消.
 * The rule "a confirmed master can be referenced; editing needs 確定取消 first" lives here once.
 */
import { and, asc, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { foldForSearch } from '../../../src-shared/domain/search-fold';
import { AppError } from '../../../src-shared/errors';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { mapConstraintError, type UniqueFieldMessage } from '../db/sqlite-errors';

/** The columns every master table has. */
export type MasterTable = SQLiteTable & {
  id: SQLiteColumn;
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

export interface MasterRepository<Row, Values> {
  list(input?: MasterListInput, extra?: SQL): { rows: Row[]; total: number };
  get(id: number): Row;
  find(id: number): Row | undefined;
  create(values: Values): Row;
  update(id: number, values: Values): Row;
  setConfirmed(id: number, confirmed: boolean): Row;
}

type Db = BetterSQLite3Database<Record<string, unknown>>;

/** The folded query with % and _ escaped for LIKE ... ESCAPE '\' (see src-shared/domain/search-fold.ts). */
function likePattern(q: string): string {
  return `%${foldForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createMasterRepository<Row extends { id: number; confirmed: boolean }, Values extends object>(
  db: Db,
  cfg: MasterRepositoryConfig,
  now: () => string,
): MasterRepository<Row, Values> {
  const t = cfg.table;
  // drizzle's generic table types do not compose; the casts stay inside this file.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const anyDb = db as unknown as {
    select: () => { from: (t: unknown) => any };
    insert: (t: unknown) => any;
    update: (t: unknown) => any;
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */

  function find(id: number): Row | undefined {
    return anyDb.select().from(t).where(eq(t.id, id)).get() as Row | undefined;
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
    const q = input.query?.trim();
    if (q) {
      const pattern = likePattern(q);
      // search_fold is registered on the connection (db/open.ts): both sides folded alike
      const parts = cfg.searchColumns.map((c) => like(sql`search_fold(${c})`, pattern));
      // LIKE needs the ESCAPE clause for the escaped wildcards above
      filters.push(sql`(${or(...parts.map((p) => sql`${p} escape '\\'`))})`);
    }
    if (input.confirmed === 'confirmed') filters.push(eq(t.confirmed, true));
    if (input.confirmed === 'unconfirmed') filters.push(eq(t.confirmed, false));
    const where = filters.length > 0 ? and(...filters) : undefined;
    const sortCol = cfg.sortColumns[input.sortKey ?? cfg.defaultSort] ?? cfg.sortColumns[cfg.defaultSort]!;
    const order = input.sortDir === 'desc' ? desc(sortCol) : asc(sortCol);
    const total = (
      db.get(sql`select count(*) as n from ${t} ${where ? sql`where ${where}` : sql``}`) as { n: number }
    ).n;
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
      return mapConstraintError(e, cfg.uniqueFields);
    }
  }

  function update(id: number, values: Values): Row {
    const current = get(id);
    if (current.confirmed) {
      throw new AppError('CONFIRMED_LOCKED', `この${cfg.label}は確定済みのため編集できません。編集するには先に「確定取消」を行ってください。`);
    }
    try {
      return anyDb.update(t).set({ ...values, updatedAt: now() }).where(eq(t.id, id)).returning().get() as Row;
    } catch (e) {
      return mapConstraintError(e, cfg.uniqueFields);
    }
  }

  function setConfirmed(id: number, confirmed: boolean): Row {
    const current = get(id);
    if (current.confirmed === confirmed) return current;
    return anyDb.update(t).set({ confirmed, updatedAt: now() }).where(eq(t.id, id)).returning().get() as Row;
  }

  return { list, get, find, create, update, setConfirmed };
}
