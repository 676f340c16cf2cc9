/**
 * 入荷・在庫移動: the list of 入荷伝票 / 在庫移動伝票 / 棚卸調整 (one id space) with filters and
 * CSV出力, and beside it the selected slip (detail, 確定 / 確定取消) or the editor. The selection
 * lives in the route (#/stock-slips/<id>), like 出荷伝票.
 */
import { DateInput } from '../../components/DateInput';
import { formatJstDate } from '../../format/datetime';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import {
  STOCK_SLIP_KINDS,
  STOCK_SLIP_LABELS,
  type StockSlipKind,
  type StockSlipListInput,
  type StockSlipRow,
} from '../../../src-shared/stock/stock-slip';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListActions } from '../../components/ListActions';
import { sumOf, useListSort } from '../../components/use-list-sort';
import { formatCount } from '../../format/number';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { stockQueries } from '../../queries/stock';
import { useNavigation } from '../../stores/navigation';
import { confirmLeave } from '../../stores/unsaved-changes';
import { CsvExportButton } from './CsvExportButton';
import { StockSlipEditor } from './StockSlipEditor';
import { StockSlipView } from './StockSlipView';
import { countText } from '../../components/list-tools';
import { qty } from './stock-labels';
import { LabelOptions } from '../../components/LabelOptions';

const warehouseOf = (r: StockSlipRow) => (r.kind === 'transfer' ? `${r.warehouseCode} → ${r.toWarehouseCode}` : r.warehouseCode);

const columns: Column<StockSlipRow>[] = [
  { key: 'id', header: '伝票番号', width: 90, align: 'right', sortable: true, render: (r) => r.id, value: (r) => r.id },
  { key: 'kind', header: '種類', width: 120, sortable: true, render: (r) => STOCK_SLIP_LABELS[r.kind], value: (r) => STOCK_SLIP_LABELS[r.kind] },
  { key: 'date', header: '日付', width: 110, sortable: true, render: (r) => formatJstDate(r.date), value: (r) => formatJstDate(r.date) },
  { key: 'wh', header: '倉庫', sortable: true, render: warehouseOf, value: warehouseOf },
  { key: 'qty', header: '数量計', width: 90, align: 'right', sortable: true, render: (r) => qty(r.totalQuantity), value: (r) => r.totalQuantity },
  {
    key: 'state',
    header: '状態',
    width: 80,
    sortable: true,
    render: (r) => <span className={`badge ${r.confirmed ? 'badge-ok' : 'badge-draft'}`}>{r.confirmed ? '確定' : '未確定'}</span>,
    value: (r) => (r.confirmed ? '確定' : '未確定'),
  },
];

/** The totals row: the count, and the quantity only while every row is one kind (入荷 + 移動 + 棚卸 add up to nothing). */
function totalsOf(rows: readonly StockSlipRow[]) {
  const oneKind = rows.length > 0 && rows.every((r) => r.kind === rows[0]!.kind);
  return { id: `${formatCount(rows.length)} 件`, qty: oneKind ? qty(sumOf(rows, (r) => r.totalQuantity)) : '' };
}

type Panel = { mode: 'new'; kind: StockSlipKind } | { mode: 'edit'; id: number } | null;

export function StockSlipsPage() {
  const { param, go } = useNavigation();
  const [filter, setFilter] = useState<StockSlipListInput>({});
  const [panel, setPanel] = useState<Panel>(null);
  const list = useQuery(stockQueries.slips(filter));
  const sorted = useListSort(list.data?.rows, columns);
  const selected = param && /^\d+$/.test(param) ? Number(param) : null;
  const editing = useQuery({ ...stockQueries.slip(panel?.mode === 'edit' ? panel.id : 0), enabled: panel?.mode === 'edit' });
  const today = jstDateOf(Date.now());
  const set = (patch: Partial<StockSlipListInput>) =>
    setFilter(
      (f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as StockSlipListInput,
    );

  let right;
  if (panel?.mode === 'new' || (panel?.mode === 'edit' && editing.data)) {
    const kind = panel.mode === 'new' ? panel.kind : editing.data!.kind;
    right = (
      <StockSlipEditor
        key={panel.mode === 'new' ? `new-${panel.kind}` : `edit-${panel.id}`}
        kind={kind}
        slip={panel.mode === 'edit' ? editing.data! : null}
        today={today}
        onSaved={(s) => {
          setPanel(null);
          go('stock-slips', String(s.id));
        }}
        onCancel={() => setPanel(null)}
      />
    );
  } else if (selected) {
    right = <StockSlipView id={selected} onEdit={() => setPanel({ mode: 'edit', id: selected })} onDeleted={() => go('stock-slips')} />;
  } else {
    right = <p className="placeholder">一覧から伝票を選ぶか、新規作成してください。</p>;
  }

  return (
    <div className="page list-page">
      <div className="page-head">
        <h1>入荷・在庫移動</h1>
        <ListActions title="在庫伝票" rows={sorted.rows} columns={columns} />
      </div>
      <div className="toolbar no-print">
        {STOCK_SLIP_KINDS.map((k) => (
          <button key={k} type="button" onClick={() => confirmLeave() && setPanel({ mode: 'new', kind: k })}>
            {STOCK_SLIP_LABELS[k]}を作成
          </button>
        ))}
      </div>
      <div className="toolbar">
        <select
          aria-label="伝票の種類"
          value={filter.kind ?? ''}
          onChange={(e) => set({ kind: (e.target.value || undefined) as StockSlipKind | undefined })}
        >
          <LabelOptions values={STOCK_SLIP_KINDS} labels={STOCK_SLIP_LABELS} all="すべての種類" />
        </select>
        <DateInput aria-label="期間の開始日" value={filter.from ?? ''} onChange={(v) => set({ from: v || undefined })} />
        〜
        <DateInput aria-label="期間の終了日" value={filter.to ?? ''} onChange={(v) => set({ to: v || undefined })} />
        <input
          type="search"
          aria-label="倉庫・商品・備考で検索"
          placeholder="倉庫・商品・備考で検索"
          value={filter.search ?? ''}
          onChange={(e) => set({ search: e.target.value || undefined })}
        />
        <span className="count">{list.data ? countText(list.data.total, list.data.rows.length) : ''}</span>
        <CsvExportButton label="在庫伝票の明細(1明細1行)" text="明細CSV出力" run={(encoding) => unwrap(api().stockSlips.export({ query: filter, encoding }))} />
      </div>
      <ErrorNotice error={list.error} />
      <div className="master-page">
        <VirtualTable
          label="在庫伝票一覧"
          rows={sorted.rows}
          columns={columns}
          rowKey={(r) => r.id}
          sort={sorted.sort}
          onSort={sorted.onSort}
          totals={totalsOf(sorted.rows)}
          selectedKey={selected}
          onSelect={(r) => {
            // an editor with unsaved edits asks before another slip replaces it
            if (!confirmLeave()) return;
            setPanel(null);
            go('stock-slips', String(r.id));
          }}
          height="var(--list-height)"
          emptyText="在庫伝票はありません。入荷伝票・在庫移動伝票・棚卸調整を作成してください。"
        />
        <div className="master-detail">{right}</div>
      </div>
    </div>
  );
}
