/** Columns of a change list (a preview's, a run's): which application, item and field changed, and how. */
import type { ReactNode } from 'react';
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import type { Column } from '../../components/VirtualTable';
import { formatYen } from '../../format/number';

/** A changed value as the clerk reads it: rates in %, 税率区分 as its word, prices in yen (¥1,234). */
export function changeValueText(field: string, v: string | number | null): string {
  if (v === null) return '';
  if (field === 'standardRate' || field === 'reducedRate') return `${v}%`;
  if (field === 'taxRateType') return String(v);
  const n = typeof v === 'number' ? v : /^-?\d+$/.test(v) ? Number(v) : null;
  return n === null ? String(v) : formatYen(n);
}

/** What every change row has; `key` is the row's index (changes have no id of their own). */
export interface ChangeRowBase {
  key: number;
  applicationCode: string;
  productCode: string;
  variation: string;
  field: string;
  optionName?: string | null | undefined;
}

const LABELS: Record<string, string> = PLAN_FIELD_LABELS;

/** 申込コード, 商品番号, 枝番, 項目 (with the option's name) and 変更前 → 変更後 as `change` renders it. */
export function changeColumns<Row extends ChangeRowBase>(change: (row: Row) => ReactNode): Column<Row>[] {
  return [
    { key: 'app', header: '申込コード', width: 120, render: (c) => c.applicationCode },
    { key: 'product', header: '商品番号', width: 110, render: (c) => c.productCode },
    { key: 'variation', header: '枝番', width: 80, render: (c) => c.variation },
    { key: 'field', header: '項目', width: 200, render: (c) => `${LABELS[c.field] ?? c.field}${c.optionName ? `(${c.optionName})` : ''}` },
    { key: 'change', header: '変更前 → 変更後', align: 'right', render: change },
  ];
}

/** Rows numbered for the table's keys (from `start`: a page's rows keep their place in the whole list). */
export const numbered = <T,>(rows: readonly T[], start = 0): (T & { key: number })[] => rows.map((r, i) => ({ ...r, key: start + i }));
