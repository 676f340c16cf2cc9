/**
 * The table of an editor whose rows the clerk adds and removes (明細, 決済方法の対応, 会社の休日):
 * the screen gives the header cells and each row's cells; every row ends with its 「削除」 button
 * (named 「N行目を削除」 for screen readers and tests), and AddRowButton goes under the table.
 */
import type { Key, ReactNode } from 'react';

export interface LineTableProps<R> {
  label: string;
  /** the <th> cells of the editable columns; the 削除 column's header is added */
  head: ReactNode;
  rows: readonly R[];
  rowKey: (row: R, index: number) => Key;
  /** the <td> cells of one row, before its 削除 cell */
  cells: (row: R, index: number) => ReactNode;
  onRemove: (index: number) => void;
  /** false keeps the 削除 buttons disabled (e.g. a slip needs one line) */
  canRemove?: boolean;
}

export function LineTable<R>(p: LineTableProps<R>) {
  return (
    <table className="data" aria-label={p.label}>
      <thead>
        <tr>
          {p.head}
          <th aria-label="操作" />
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row, i) => (
          <tr key={p.rowKey(row, i)}>
            {p.cells(row, i)}
            <td style={{ whiteSpace: 'nowrap' }}>
              <button type="button" disabled={p.canRemove === false} aria-label={`${i + 1}行目を削除`} onClick={() => p.onRemove(i)}>
                削除
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AddRowButton({ onAdd }: { onAdd: () => void }) {
  return (
    <button type="button" onClick={onAdd}>
      行を追加
    </button>
  );
}
