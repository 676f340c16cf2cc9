/**
 * A table that stays responsive at 100,000 rows: only the visible rows are in the DOM
 * (@tanstack/react-virtual). Header clicks report the sort; ↑↓ (and Home / End) move the
 * highlighted row, Enter or a click opens it (onSelect). An optional totals row sits under the
 * rows. Columns take their preferred width when there is room and shrink towards their header's
 * width when there is not, so a small window shows every column without a sideways scroll.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Column } from './column';

export type { Column } from './column';

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
  /** a totals row under the rows: content per column key */
  totals?: Partial<Record<string, ReactNode>>;
  /** taller rows for cells that show two lines (e.g. 得意先 code over name) */
  rowHeight?: number;
}

const ROW_HEIGHT = 34;

/** The narrowest a column may get: its header (and sort mark) must still read in full. */
function headerWidth(header: string): number {
  let w = 0;
  for (const ch of header) w += ch.charCodeAt(0) < 0x100 ? 8 : 14;
  return w + 34;
}

/** CSS grid columns: fixed columns shrink from their width to their header; the others share the rest. */
export function gridTemplate(columns: readonly { header: string; width?: number }[]): string {
  return columns
    .map((c) => {
      const min = headerWidth(c.header);
      return c.width ? `minmax(${Math.min(min, c.width)}px, ${Math.max(min, c.width)}px)` : `minmax(${Math.max(min, 96)}px, 1fr)`;
    })
    .join(' ');
}

export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const parentRef = useRef<HTMLDivElement>(null);
  const rowHeight = props.rowHeight ?? ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const template = gridTemplate(props.columns);
  const selectedIndex = props.selectedKey === undefined || props.selectedKey === null ? -1 : props.rows.findIndex((r) => props.rowKey(r) === props.selectedKey);
  const [active, setActive] = useState<number | null>(null);
  const activeIndex = active !== null && active < props.rows.length ? active : selectedIndex;

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(props.rows.length - 1, index));
    setActive(i);
    virtualizer.scrollToIndex(i);
    // the row is in the DOM after the scroll renders it
    requestAnimationFrame(() => parentRef.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (props.rows.length === 0) return;
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step !== undefined) {
      e.preventDefault();
      moveTo((activeIndex < 0 ? -1 : activeIndex) + step);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      moveTo(e.key === 'Home' ? 0 : props.rows.length - 1);
    } else if (e.key === 'Enter') {
      // the highlighted row, else the row that has the focus (Tab lands on the first row)
      const focused = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      const index = activeIndex >= 0 ? activeIndex : focused ? Number(focused.dataset.index) : -1;
      if (index < 0 || index >= props.rows.length) return;
      e.preventDefault();
      setActive(index);
      props.onSelect?.(props.rows[index]!);
    }
  };

  return (
    <div className="vtable" role="table" aria-label={props.label} aria-rowcount={props.rows.length + 1}>
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {props.columns.map((c) => {
          const isSorted = props.sort?.key === c.key;
          return (
            <div key={c.key} role="columnheader" className={`vtable-cell align-${c.align ?? 'left'}`}
              aria-sort={isSorted ? (props.sort?.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              {c.sortable && props.onSort ? (
                <button type="button" className="link-button" onClick={() => props.onSort?.(c.key)} title={`${c.header}で並べ替え`}>
                  {c.header}
                  {isSorted ? (props.sort?.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </div>
      <div ref={parentRef} className="vtable-body" style={{ height: props.height ?? 480 }} onKeyDown={onKeyDown}>
        {props.rows.length === 0 ? (
          <div className="vtable-empty">{props.emptyText ?? 'データがありません。'}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = props.rows[item.index]!;
              const key = props.rowKey(row);
              const selected = props.selectedKey === key;
              const isActive = item.index === activeIndex;
              return (
                <div
                  key={key}
                  role="row"
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  // one tab stop for the whole list: the highlighted row (or the first)
                  tabIndex={isActive || (activeIndex < 0 && item.index === 0) ? 0 : -1}
                  className={`vtable-row${selected ? ' selected' : ''}${isActive ? ' active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: rowHeight, gridTemplateColumns: template }}
                  onClick={() => {
                    setActive(item.index);
                    props.onSelect?.(row);
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
      {props.totals ? (
        <div className="vtable-totals" role="row" aria-label="合計" style={{ gridTemplateColumns: template }}>
          {props.columns.map((c) => (
            <div key={c.key} role="cell" className={`vtable-cell align-${c.align ?? 'left'}`}>
              {props.totals?.[c.key] ?? ''}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
