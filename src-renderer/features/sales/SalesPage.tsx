/**
 * 売上伝票 (卸): the list (伝票番号 — 未採番 until 確定, 取消 kept with its number), the editor (保存 /
 * 保存して確定) and the detail with 確定 / 確定取消 / 編集 / 削除 and the 請求伝票 it created.
 */
import { formatJstDate } from '../../format/datetime';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SALES_STATUSES, STATUS_LABELS, type SalesStatus } from '../../../src-shared/sales/slip-status';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TableHead } from '../../components/TableHead';
import { formatCount, formatYen } from '../../format/number';
import { salesQueries } from '../../queries/sales';
import { useNavigation } from '../../stores/navigation';
import { SalesDetailPanel } from './SalesDetailPanel';
import { SalesCsvImport } from './SalesCsvImport';
import { SalesEditor } from './SalesEditor';

type Pane = { kind: 'none' } | { kind: 'detail'; id: number } | { kind: 'edit'; id: number | null };

export function SalesPage() {
  const { param, go } = useNavigation();
  const [status, setStatus] = useState<SalesStatus | ''>('');
  const [search, setSearch] = useState('');
  const [pane, setPane] = useState<Pane>(param ? { kind: 'detail', id: Number(param) } : { kind: 'none' });
  const list = useQuery(salesQueries.list({ ...(status ? { status } : {}), ...(search.trim() ? { search: search.trim() } : {}), limit: 500 }));
  const open = (id: number) => {
    setPane({ kind: 'detail', id });
    go('sales', String(id));
  };
  return (
    <div className="page master-page wide">
      <section aria-label="売上伝票一覧">
        <h1>売上伝票</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setPane({ kind: 'edit', id: null })}>
            新規
          </button>
          <input type="search" aria-label="検索" placeholder="伝票番号・得意先" value={search} onChange={(e) => setSearch(e.target.value)} />
          <select aria-label="状態" value={status} onChange={(e) => setStatus(e.target.value as SalesStatus | '')}>
            <option value="">すべての状態</option>
            {SALES_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <span className="count">{list.data ? `${formatCount(list.data.total)}件` : ''}</span>
        </div>
        <SalesCsvImport />
        <ErrorNotice error={list.error} />
        <table className="data" aria-label="売上伝票">
          <TableHead headings={['伝票番号', '状態', '売上日', '得意先', '倉庫', '税抜', '消費税', '合計']} />
          <tbody>
            {(list.data?.rows ?? []).map((r) => (
              <tr key={r.id} className={pane.kind === 'detail' && pane.id === r.id ? 'selected' : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => open(r.id)}>
                    {r.slipNo ?? `未採番 (ID ${r.id})`}
                  </button>
                </td>
                <td>
                  <span className={`badge status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
                </td>
                <td>{formatJstDate(r.date)}</td>
                <td>
                  {r.customerCode} {r.customerName}
                </td>
                <td>{r.warehouseName}</td>
                <td className="num">{formatYen(r.net)}</td>
                <td className="num">{formatYen(r.tax)}</td>
                <td className="num">{formatYen(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.rows.length === 0 ? <p className="placeholder">売上伝票はまだありません。「新規」から入力してください。</p> : null}
      </section>
      <aside className="master-detail">
        {pane.kind === 'none' ? <p className="placeholder">一覧から売上伝票を選ぶか、「新規」で入力してください。</p> : null}
        {pane.kind === 'detail' ? <SalesDetailPanel id={pane.id} onEdit={() => setPane({ kind: 'edit', id: pane.id })} onDeleted={() => setPane({ kind: 'none' })} /> : null}
        {pane.kind === 'edit' ? <SalesEditor id={pane.id} onDone={(id) => open(id)} onCancel={() => setPane(pane.id === null ? { kind: 'none' } : { kind: 'detail', id: pane.id })} /> : null}
      </aside>
    </div>
  );
}
