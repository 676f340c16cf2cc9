/** A column of a list (VirtualTable): its header, width, how a cell shows a row, and its sort/CSV value. */
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
  render: (row: Row) => ReactNode;
  /** the value sorted by and written to CSV (lists that sort in the screen, e.g. the slip lists) */
  value?: (row: Row) => string | number | null;
  /** whether the row has nothing in this column: a column empty for every shown row is left out (visibleColumns) */
  isEmpty?: (row: Row) => boolean;
}
