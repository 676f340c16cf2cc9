/** 請求伝票: list and detail (lines incl. 送料・手数料 / ポイント, per-rate totals, the 出荷伝票 with BCart ids). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { InvoiceRowView } from '../../../src-shared/import/slips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { LINE_KIND_LABELS, yen } from './format';
import { SlipFilters, slipQuery, type SlipFilter } from './SlipFilters';

const columns: Column<InvoiceRowView>[] = [
  { key: 'date', header: '請求日', width: 110, render: (r) => r.date },
  { key: 'order', header: '受注番号', width: 130, render: (r) => r.bcartOrderCode ?? '' },
  { key: 'customer', header: '得意先', render: (r) => `${r.customerCode} ${r.customerName}` },
  { key: 'total', header: '請求額', width: 120, align: 'right', render: (r) => yen(r.total) },
];

export function InvoicesPage() {
  const { param, go } = useNavigation();
  const [filter, setFilter] = useState<SlipFilter>({ from: '', to: '', search: '' });
  const list = useQuery({ queryKey: ['slips', 'invoices', filter], queryFn: () => unwrap(api().invoices.list(slipQuery(filter))) });
  const selected = param && /^\d+$/.test(param) ? Number(param) : null;
  return (
    <div className="page">
      <h1>請求伝票</h1>
      <SlipFilters value={filter} onChange={setFilter} total={list.data?.total ?? null} />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      <div className="master-page">
        <VirtualTable label="請求伝票一覧" rows={list.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} selectedKey={selected} onSelect={(r) => go('invoices', String(r.id))} height={520} emptyText="請求伝票はありません。注文の全ての発送が済むと出荷取込処理で作成されます。" />
        <div className="master-detail">{selected ? <InvoiceDetail id={selected} /> : <p className="placeholder">一覧から請求伝票を選んでください。</p>}</div>
      </div>
    </div>
  );
}

function InvoiceDetail({ id }: { id: number }) {
  const { go } = useNavigation();
  const q = useQuery({ queryKey: ['slips', 'invoice', id], queryFn: () => unwrap(api().invoices.get({ id })) });
  if (q.error) return <ErrorNotice error={q.error} />;
  const inv = q.data;
  if (!inv) return null;
  return (
    <section aria-label="請求伝票の詳細">
      <h2>
        請求伝票 #{inv.id} <span className="badge badge-ok">{inv.confirmed ? '確定' : '未確定'}</span>
      </h2>
      <dl className="facts">
        <dt>請求日</dt>
        <dd>{inv.date}</dd>
        <dt>得意先</dt>
        <dd>
          {inv.customerCode} {inv.customerName}
        </dd>
        <dt>部門</dt>
        <dd>{inv.departmentName}</dd>
        <dt>ワークフロー</dt>
        <dd>{inv.workflowName ?? ''}</dd>
        <dt>Bカート受注番号</dt>
        <dd>{inv.bcartOrderCode}</dd>
        <dt>Bカート受注ID</dt>
        <dd>{inv.bcartOrderId}</dd>
        <dt>出荷伝票</dt>
        <dd>
          {inv.shipments.map((s) => (
            <button key={s.id} type="button" className="link-button slip-link" onClick={() => go('shipments', String(s.id))}>
              #{s.id}（発送ID {s.bcartLogisticsId}、{s.date}）
            </button>
          ))}
        </dd>
      </dl>
      <table className="data" aria-label="請求明細">
        <thead>
          <tr>
            <th>No.</th>
            <th>区分</th>
            <th>商品</th>
            <th>数量</th>
            <th>単価</th>
            <th>金額</th>
            <th>税率</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>{l.lineNo}</td>
              <td>{LINE_KIND_LABELS[l.kind] ?? l.kind}</td>
              <td>
                {l.productCode} {l.productName}
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num">{yen(l.unitPrice)}</td>
              <td className="num">{yen(l.amount)}</td>
              <td>
                {l.taxRate}%{l.taxIncluded ? '（税込）' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data" aria-label="税率別合計">
        <thead>
          <tr>
            <th>税率</th>
            <th>税抜</th>
            <th>消費税</th>
            <th>税込</th>
            <th>アプリ計算の消費税</th>
          </tr>
        </thead>
        <tbody>
          {inv.taxTotals.map((t) => (
            <tr key={t.rate}>
              <td>{t.rate}%</td>
              <td className="num">{yen(t.net)}</td>
              <td className="num">{yen(t.tax)}</td>
              <td className="num">{yen(t.gross)}</td>
              <td className="num">
                {yen(t.appTax)}
                {t.appTax !== t.tax ? ' (差異あり)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>請求額</td>
            <td colSpan={2} />
            <td className="num">{yen(inv.total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
