/**
 * The search box of every list: a substring match over some columns that forgives how the clerk
 * typed — hiragana / katakana, full / half width and case are folded on both sides (ほてる, ﾎﾃﾙ and
 * ＨＯＴＥＬ find ホテル / Hotel; src-shared/domain/search-fold.ts, registered on the connection as
 * search_fold in db/open.ts) — with the user's % and _ taken literally (LIKE … ESCAPE '\').
 */
import { like, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { foldForSearch } from '../../../src-shared/domain/search-fold';

/** Escapes % _ and \ for LIKE … ESCAPE '\'. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `(search_fold(c1) like '%q%' escape '\' or …)` for the folded query; undefined when it is empty. */
export function containsText(columns: readonly (SQLiteColumn | SQL)[], query: string | undefined): SQL | undefined {
  const q = foldForSearch(query ?? '');
  if (q === '') return undefined;
  const pattern = likePattern(q);
  return sql`(${or(...columns.map((c) => sql`${like(sql`search_fold(${c})`, pattern)} escape '\\'`))})`;
}
