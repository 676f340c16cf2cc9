/**
 * The sort of a list screen kept in the screen: a header click sorts by that column (again flips
 * it), and the rows come back sorted by the column's value (list-tools). The same rows then feed
 * the list, its totals row, CSV出力 and 印刷, so all four show the same thing.
 */
import { useMemo, useState } from 'react';
import type { Column } from './column';
import { nextSort, sortRows, type SortDir } from './list-tools';

export function useListSort<Row>(rows: readonly Row[] | undefined, columns: readonly Column<Row>[]) {
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(null);
  const sorted = useMemo(() => sortRows(rows ?? [], columns, sort), [rows, columns, sort]);
  return { rows: sorted, sort: sort ?? undefined, onSort: (key: string) => setSort((s) => nextSort(s, key)) };
}

/** The sum of one integer per row (yen, quantities): integers only, so no float drift. */
export function sumOf<Row>(rows: readonly Row[], of: (row: Row) => number): number {
  let n = 0;
  for (const r of rows) n += of(r);
  return n;
}
