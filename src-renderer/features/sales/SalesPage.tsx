/**
 * 売上伝票 (卸): the list (伝票番号 — 未採番 until 確定, 取消 kept with its number), the editor (保存 /
 * 保存して確定) and the detail with 確定 / 確定取消 / 編集 / 削除 and the 請求伝票 it created.
 */
import { formatJstDate } from '../../format/datetime';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SalesRow } from '../../../src-shared/sales/sales-slip';
import { SALES_STATUSES, STATUS_LABELS, type SalesStatus } from '../../../src-shared/sales/slip-status';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CodeName } from '../../components/CodeName';
import { ListActions } from '../../components/ListActions';
import { countText } from '../../components/list-tools';
import { sumOf, useListSort } from '../../components/use-list-sort';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatCount, formatYen } from '../../format/number';
import { salesQueries } from '../../queries/sales';
import { useNavigation } from '../../stores/navigation';
import { confirmLeave } from '../../stores/unsaved-changes';
import { SalesDetailPanel } from './SalesDetailPanel';
import { SalesCsvImport } from './SalesCsvImport';
import { SalesEditor } from './SalesEditor';
import { LabelOptions } from '../../components/LabelOptions';

const slipNoOf = (r: SalesRow) => r.slipNo ?? `未採番 (ID ${r.id})`;

const COLUMNS: Column<SalesRow>[] = [
  { key: 'no', header: '伝票番号', width: 130, sortable: true, render: slipNoOf, value: slipNoOf },
  {
    key: 'status',
    header: '状態',
    width: 76,
    sortable: true,
    render: (r) => <span className={`badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span>,
    value: (r) => STATUS_LABELS[r.status],
  },
  { key: 'date', header: '売上日', width: 104, sortable: true, render: (r) => formatJstDate(r.date), value: (r) => formatJstDate(r.date) },
  {
    key: 'customer',
    header: '得意先',
    sortable: true,
    render: (r) => <CodeName code={r.customerCode} name={r.customerName} />,
    value: (r) => `${r.customerCode} ${r.customerName}`,
  },
  { key: 'warehouse', header: '倉庫', width: 110, sortable: true, render: (r) => r.warehouseName, value: (r) => r.warehouseName },
  { key: 'net', header: '税抜', width: 104, align: 'right', sortable: true, render: (r) => formatYen(r.net), value: (r) => r.net },
  { key: 'tax', header: '消費税', width: 96, align: 'right', sortable: true, render: (r) => formatYen(r.tax), value: (r) => r.tax },
  { key: 'total', header: '合計', width: 110, align: 'right', sortable: true, render: (r) => formatYen(r.total), value: (r) => r.total },
];

/** The totals row: 取消 slips are listed (their number is kept) but count for nothing. */
function totalsOf(rows: readonly SalesRow[]) {
  const live = rows.filter((r) => r.status !== 'cancelled');
  const cancelled = rows.length - live.length;
  return {
    no: `${formatCount(rows.length)} 件${cancelled > 0 ? `(取消${formatCount(cancelled)}件を除いて合計)` : ''}`,
    net: formatYen(sumOf(live, (r) => r.net)),
    tax: formatYen(sumOf(live, (r) => r.tax)),
    total: formatYen(sumOf(live, (r) => r.total)),
  };
}

type Pane = { kind: 'none' } | { kind: 'detail'; id: number } | { kind: 'edit'; id: number | null };

export function SalesPage() {
  const { param, go } = useNavigation();
  const [status, setStatus] = useState<SalesStatus | ''>('');
  const [search, setSearch] = useState('');
  const [pane, setPane] = useState<Pane>(param ? { kind: 'detail', id: Number(param) } : { kind: 'none' });
  const list = useQuery(salesQueries.list({ ...(status ? { status } : {}), ...(search.trim() ? { search: search.trim() } : {}), limit: 500 }));
  const sorted = useListSort(list.data?.rows, COLUMNS);
  const open = (id: number) => {
    // an editor with unsaved edits asks before another slip replaces it
    if (!confirmLeave()) return;
    setPane({ kind: 'detail', id });
    go('sales', String(id));
  };
  return (
    <div className="page master-page wide list-page">
      <section aria-label="売上伝票一覧">
        <div className="page-head">
          <h1>売上伝票</h1>
          <ListActions title="売上伝票" rows={sorted.rows} columns={COLUMNS} />
        </div>
        <div className="toolbar no-print">
          <button type="button" className="primary" onClick={() => confirmLeave() && setPane({ kind: 'edit', id: null })}>
            新規
          </button>
          <input type="search" aria-label="検索" placeholder="伝票番号・得意先" value={search} onChange={(e) => setSearch(e.target.value)} />
          <select aria-label="状態" value={status} onChange={(e) => setStatus(e.target.value as SalesStatus | '')}>
            <LabelOptions values={SALES_STATUSES} labels={STATUS_LABELS} all="すべての状態" />
          </select>
          <span className="count">{list.data ? countText(list.data.total, list.data.rows.length) : ''}</span>
        </div>
        <SalesCsvImport />
        <ErrorNotice error={list.error} />
        <VirtualTable
          label="売上伝票"
          rows={sorted.rows}
          columns={COLUMNS}
          rowKey={(r) => r.id}
          selectedKey={pane.kind === 'detail' ? pane.id : null}
          onSelect={(r) => open(r.id)}
          sort={sorted.sort}
          onSort={sorted.onSort}
          height="var(--list-height)"
          rowHeight={46}
          totals={totalsOf(sorted.rows)}
          emptyText={search || status ? '条件に合う売上伝票はありません。' : '売上伝票はまだありません。「新規」から入力してください。'}
        />
      </section>
      <aside className="master-detail">
        {pane.kind === 'none' ? <p className="placeholder">一覧から売上伝票を選ぶか、「新規」で入力してください。</p> : null}
        {pane.kind === 'detail' ? <SalesDetailPanel id={pane.id} onEdit={() => setPane({ kind: 'edit', id: pane.id })} onDeleted={() => setPane({ kind: 'none' })} /> : null}
        {pane.kind === 'edit' ? <SalesEditor id={pane.id} onDone={(id) => open(id)} onCancel={() => setPane(pane.id === null ? { kind: 'none' } : { kind: 'detail', id: pane.id })} /> : null}
      </aside>
    </div>
  );
}
