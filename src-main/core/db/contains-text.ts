/**
 * The search box of every list: a case-insensitive (ASCII) substring match over some columns, with
 * the user's % and _ taken literally (LIKE … ESCAPE '\').
 */
import { like, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Escapes % _ and \ for LIKE … ESCAPE '\'. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `(c1 like '%q%' escape '\' or c2 …)` for the trimmed query; undefined when it is empty. */
export function containsText(columns: readonly (SQLiteColumn | SQL)[], query: string | undefined): SQL | undefined {
  const q = query?.trim() ?? '';
  if (q === '') return undefined;
  const pattern = likePattern(q);
  return sql`(${or(...columns.map((c) => sql`${like(c, pattern)} escape '\\'`))})`;
}
