/** The list screens' sort and CSV of what is shown, on hand-written rows and expected text. */
import { describe, expect, it } from 'vitest';
import { nextSort, rowsToCsv, sortRows } from '../../../src-renderer/components/list-tools';
import type { Column } from '../../../src-renderer/components/column';

interface Row {
  date: string;
  customer: string;
  amount: number;
  order: string | null;
}
const rows: Row[] = [
  { date: '2026-12-02', customer: 'ホテル銀座', amount: 1200, order: '=1+1' },
  { date: '2026-12-01', customer: 'あおば商店', amount: 980, order: null },
  { date: '2026-12-03', customer: 'カフェ "月"', amount: 15000, order: '20261203001' },
  { date: '2026-12-02', customer: 'いろは, 本店', amount: 980, order: '20261202001' },
];
const columns: Column<Row>[] = [
  { key: 'date', header: '日付', render: (r) => r.date, value: (r) => r.date },
  { key: 'customer', header: '得意先', render: (r) => r.customer, value: (r) => r.customer },
  { key: 'amount', header: '金額', render: (r) => String(r.amount), value: (r) => r.amount },
  { key: 'order', header: '受注番号', render: (r) => r.order ?? '', value: (r) => r.order },
  { key: 'badge', header: '状態', render: () => '確定' },
];

describe('sortRows', () => {
  it('numbers as numbers, ties in list order, both directions', () => {
    expect(sortRows(rows, columns, { key: 'amount', dir: 'asc' }).map((r) => r.amount)).toEqual([980, 980, 1200, 15000]);
    expect(sortRows(rows, columns, { key: 'amount', dir: 'asc' }).map((r) => r.customer).slice(0, 2)).toEqual(['あおば商店', 'いろは, 本店']);
    expect(sortRows(rows, columns, { key: 'amount', dir: 'desc' }).map((r) => r.amount)).toEqual([15000, 1200, 980, 980]);
  });
  it('text in Japanese order (あ, い before カ, ホ), empty values last', () => {
    expect(sortRows(rows, columns, { key: 'customer', dir: 'asc' }).map((r) => r.customer)).toEqual(['あおば商店', 'いろは, 本店', 'カフェ "月"', 'ホテル銀座']);
    expect(sortRows(rows, columns, { key: 'order', dir: 'desc' }).map((r) => r.order).at(-1)).toBeNull();
    expect(sortRows(rows, columns, { key: 'order', dir: 'asc' }).map((r) => r.order).at(-1)).toBeNull();
  });
  it('no sort or a column without a value keeps the order', () => {
    expect(sortRows(rows, columns, null)).toEqual(rows);
    expect(sortRows(rows, columns, { key: 'badge', dir: 'asc' })).toEqual(rows);
  });
  it('a header click flips its own column and starts another ascending', () => {
    expect(nextSort(null, 'date')).toEqual({ key: 'date', dir: 'asc' });
    expect(nextSort({ key: 'date', dir: 'asc' }, 'date')).toEqual({ key: 'date', dir: 'desc' });
    expect(nextSort({ key: 'date', dir: 'desc' }, 'amount')).toEqual({ key: 'amount', dir: 'asc' });
  });
});

describe('rowsToCsv', () => {
  it('writes the shown rows and value columns: BOM, CRLF, quoting, formula guard', () => {
    expect(rowsToCsv(rows.slice(0, 3), columns)).toBe(
      '\uFEFF日付,得意先,金額,受注番号\r\n' + "2026-12-02,ホテル銀座,1200,'=1+1\r\n" + '2026-12-01,あおば商店,980,\r\n' + '2026-12-03,"カフェ ""月""",15000,20261203001\r\n',
    );
    expect(rowsToCsv([], columns)).toBe('\uFEFF日付,得意先,金額,受注番号\r\n');
  });
});
