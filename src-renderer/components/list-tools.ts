/**
 * What the list screens do with the rows they show, as pure functions: sort by any column (the
 * column's value, text in Japanese order, numbers as numbers, empty last) and write exactly the
 * shown rows and columns as CSV (UTF-8 with BOM so Excel reads the Japanese, CRLF, cells that
 * would start a formula prefixed with ').
 */
import { compareJapanese } from '../format/compare';
import { formatCount } from '../format/number';
import type { Column } from './column';

export type SortDir = 'asc' | 'desc';

/** The column's sort/CSV value: its value() or, failing that, nothing. */
function valueOf<Row>(c: Column<Row>, row: Row): string | number | null {
  return c.value ? c.value(row) : null;
}

/** The rows sorted by one column; ties keep their order (the list's own order). */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: { key: string; dir: SortDir } | null): Row[] {
  const c = sort ? columns.find((col) => col.key === sort.key) : undefined;
  if (!c || !c.value || !sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: valueOf(c, row) }))
    .sort((a, b) => {
      if (a.v === null || a.v === '') return b.v === null || b.v === '' ? a.i - b.i : 1;
      if (b.v === null || b.v === '') return -1;
      const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : compareJapanese(String(a.v), String(b.v));
      return d === 0 ? a.i - b.i : sign * d;
    })
    .map((x) => x.row);
}

/** The next sort after a header click: the same column flips, another starts ascending. */
export function nextSort(current: { key: string; dir: SortDir } | null, key: string): { key: string; dir: SortDir } {
  return { key, dir: current?.key === key && current.dir === 'asc' ? 'desc' : 'asc' };
}

/** One CSV cell: quoted when needed; text that Excel would run as a formula gets a leading '. */
function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const guarded = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** The shown rows as CSV text (header = column headers; only columns with a value). */
export function rowsToCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cols = columns.filter((c) => c.value);
  const lines = [cols.map((c) => cell(c.header)).join(','), ...rows.map((r) => cols.map((c) => cell(valueOf(c, r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The columns worth showing: one that can be empty (isEmpty) is left out when every row is empty in
 * it, so a 商品 list without 枝番 or SKU gives their width to the names. With no rows (a search that
 * found nothing, still loading) every column stays, so the header does not jump while typing.
 */
export function visibleColumns<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): Column<Row>[] {
  if (rows.length === 0) return [...columns];
  return columns.filter((c) => !c.isEmpty || rows.some((r) => !c.isEmpty!(r)));
}

/** The count beside a list: 「120件」, or 「1,000件中 先頭500件を表示」 when main sent only the first rows. */
export function countText(total: number, shown: number): string {
  return shown < total ? `${formatCount(total)}件中 先頭${formatCount(shown)}件を表示` : `${formatCount(total)}件`;
}
