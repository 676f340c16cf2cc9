/** 出荷伝票: list and detail (lines, 部門/倉庫/ワークフロー, the BCart order id / code / logistics id). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ShipmentRowView } from '../../../src-shared/import/slips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { yen } from './format';
import { SlipFilters, slipQuery, type SlipFilter } from './SlipFilters';

const columns: Column<ShipmentRowView>[] = [
  { key: 'date', header: '出荷日', width: 110, render: (r) => r.date },
  { key: 'order', header: '受注番号', width: 130, render: (r) => r.bcartOrderCode ?? '' },
  { key: 'logistics', header: '発送ID', width: 90, align: 'right', render: (r) => r.bcartLogisticsId ?? '' },
  { key: 'customer', header: '得意先', render: (r) => `${r.customerCode} ${r.customerName}` },
  { key: 'amount', header: '金額', width: 120, align: 'right', render: (r) => yen(r.amount) },
];

export function ShipmentsPage() {
  const { param, go } = useNavigation();
  const [filter, setFilter] = useState<SlipFilter>({ from: '', to: '', search: '' });
  const list = useQuery({ queryKey: ['slips', 'shipments', filter], queryFn: () => unwrap(api().shipments.list(slipQuery(filter))) });
  const selected = param && /^\d+$/.test(param) ? Number(param) : null;
  return (
    <div className="page">
      <h1>出荷伝票</h1>
      <SlipFilters value={filter} onChange={setFilter} total={list.data?.total ?? null} />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      <div className="master-page">
        <VirtualTable label="出荷伝票一覧" rows={list.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} selectedKey={selected} onSelect={(r) => go('shipments', String(r.id))} height={520} emptyText="出荷伝票はありません。出荷取込処理で取り込まれます。" />
        <div className="master-detail">{selected ? <ShipmentDetail id={selected} /> : <p className="placeholder">一覧から出荷伝票を選んでください。</p>}</div>
      </div>
    </div>
  );
}

function ShipmentDetail({ id }: { id: number }) {
  const { go } = useNavigation();
  const q = useQuery({ queryKey: ['slips', 'shipment', id], queryFn: () => unwrap(api().shipments.get({ id })) });
  if (q.error) return <ErrorNotice error={q.error} />;
  const s = q.data;
  if (!s) return null;
  return (
    <section aria-label="出荷伝票の詳細">
      <h2>
        出荷伝票 #{s.id} <span className="badge badge-ok">{s.confirmed ? '確定' : '未確定'}</span>
      </h2>
      <dl className="facts">
        <dt>出荷日</dt>
        <dd>{s.date}</dd>
        <dt>得意先</dt>
        <dd>
          {s.customerCode} {s.customerName}
        </dd>
        <dt>部門 / 倉庫</dt>
        <dd>
          {s.departmentName} / {s.warehouseName}
        </dd>
        <dt>ワークフロー</dt>
        <dd>{s.workflowName ?? ''}</dd>
        <dt>Bカート受注番号</dt>
        <dd>{s.bcartOrderCode}</dd>
        <dt>Bカート受注ID</dt>
        <dd>{s.bcartOrderId}</dd>
        <dt>Bカート発送ID</dt>
        <dd>{s.bcartLogisticsId}</dd>
        <dt>請求伝票</dt>
        <dd>
          {s.invoiceId ? (
            <button type="button" className="link-button" onClick={() => go('invoices', String(s.invoiceId))}>
              請求伝票 #{s.invoiceId} を開く
            </button>
          ) : (
            '未作成（全ての発送が済むと作成されます）'
          )}
        </dd>
      </dl>
      <table className="data" aria-label="出荷明細">
        <thead>
          <tr>
            <th>No.</th>
            <th>商品</th>
            <th>数量</th>
            <th>単価</th>
            <th>金額</th>
            <th>税区分</th>
          </tr>
        </thead>
        <tbody>
          {s.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>{l.lineNo}</td>
              <td>
                {l.productCode} {l.productName}
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num">{yen(l.unitPrice)}</td>
              <td className="num">{yen(l.amount)}</td>
              <td>
                {l.taxClassName} ({l.taxRate}%{l.taxIncluded ? '・税込' : ''})
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={4}>合計</td>
            <td className="num">{yen(s.amount)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
