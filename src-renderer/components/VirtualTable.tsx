/**
 * A table that stays responsive at 100,000 rows: only the visible rows are in the DOM
 * (@tanstack/react-virtual). Header clicks report the sort; rows are selectable by click or Enter.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
  render: (row: Row) => ReactNode;
}

export interface VirtualTableProps<Row> {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string | number;
  selectedKey?: string | number | null;
  onSelect?: (row: Row) => void;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?: (key: string) => void;
  height?: number | string;
  label: string;
  emptyText?: string;
}

const ROW_HEIGHT = 34;

export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const template = props.columns.map((c) => (c.width ? `${c.width}px` : 'minmax(120px, 1fr)')).join(' ');

  return (
    <div className="vtable" role="table" aria-label={props.label} aria-rowcount={props.rows.length + 1}>
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {props.columns.map((c) => {
          const active = props.sort?.key === c.key;
          return (
            <div key={c.key} role="columnheader" className={`vtable-cell align-${c.align ?? 'left'}`}
              aria-sort={active ? (props.sort?.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              {c.sortable && props.onSort ? (
                <button type="button" className="link-button" onClick={() => props.onSort?.(c.key)}>
                  {c.header}
                  {active ? (props.sort?.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </div>
      <div ref={parentRef} className="vtable-body" style={{ height: props.height ?? 480 }}>
        {props.rows.length === 0 ? (
          <div className="vtable-empty">{props.emptyText ?? 'データがありません。'}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = props.rows[item.index]!;
              const key = props.rowKey(row);
              const selected = props.selectedKey === key;
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  tabIndex={0}
                  className={`vtable-row${selected ? ' selected' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                  onClick={() => props.onSelect?.(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') props.onSelect?.(row);
                  }}
                >
                  {props.columns.map((c) => (
                    <div key={c.key} role="cell" className={`vtable-cell align-${c.align ?? 'left'}`}>
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
