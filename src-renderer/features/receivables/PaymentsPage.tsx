/**
 * 業務処理 › 入金処理: record a 入金伝票 (left) and the 入金伝票 of the chosen customer (or all) in a
 * list that sorts, totals, exports what it shows and prints; the chosen 入金伝票 shows its 消込 with
 * 確定取消 (its 消込 are removed and the invoices reopen), 確定 and 削除; 「未消込の入金を充当」.
 */
import { formatJstDate } from '../../format/datetime';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PaymentRow } from '../../../src-shared/receivables/payments';
import { CodeName } from '../../components/CodeName';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListActions } from '../../components/ListActions';
import { sumOf, useListSort } from '../../components/use-list-sort';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Notice } from '../../components/Notice';
import { formatCount, formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { receivablesQueries } from '../../queries/receivables';
import { PaymentDetailPanel } from './PaymentDetailPanel';
import { PaymentForm } from './PaymentForm';

const CHANGES = { changes: ['receivables'] } as const;

const STATE = (r: PaymentRow) => (r.confirmed ? '確定' : '未確定');

const COLUMNS: Column<PaymentRow>[] = [
  { key: 'id', header: 'No.', width: 64, align: 'right', sortable: true, render: (r) => r.id, value: (r) => r.id },
  { key: 'date', header: '入金日', width: 104, sortable: true, render: (r) => formatJstDate(r.date), value: (r) => formatJstDate(r.date) },
  {
    key: 'customer',
    header: '得意先',
    sortable: true,
    render: (r) => <CodeName code={r.customer} name={r.customerName} />,
    value: (r) => `${r.customer} ${r.customerName}`,
  },
  {
    key: 'lines',
    header: '明細',
    sortable: true,
    render: (r) => r.lines.map((l) => `${l.kind} ${formatYen(l.amount)}`).join('・'),
    value: (r) => r.lines.map((l) => `${l.kind} ${l.amount}`).join('・'),
  },
  { key: 'total', header: '金額', width: 104, align: 'right', sortable: true, render: (r) => formatYen(r.total), value: (r) => r.total },
  {
    key: 'unallocated',
    header: '未消込',
    width: 96,
    align: 'right',
    sortable: true,
    render: (r) => (r.confirmed ? formatYen(r.unallocated) : ''),
    value: (r) => (r.confirmed ? r.unallocated : null),
  },
  {
    key: 'state',
    header: '状態',
    width: 84,
    sortable: true,
    render: (r) => (
      <>
        <span className={`badge ${r.confirmed ? 'badge-ok' : 'badge-draft'}`}>{STATE(r)}</span>
        {r.statementId !== null ? <span className="badge badge-neutral">請求書 No.{r.statementId}</span> : null}
      </>
    ),
    value: STATE,
  },
];

export function PaymentsPage() {
  const [customerId, setCustomerId] = useState<number | null>(null);
  const list = useQuery(receivablesQueries.payments(customerId));
  const apply = useMutation({ mutationFn: (id: number) => unwrap(api().payments.applyCredits({ customerId: id })), meta: CHANGES });
  const rows = list.data?.rows ?? [];
  const sorted = useListSort(list.data?.rows, COLUMNS);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const unallocated = rows.reduce((s, r) => s + r.unallocated, 0);

  return (
    <div className="page payments-page list-page">
      <div className="page-head">
        <h1>入金処理</h1>
      </div>
      <div className="stack">
        <PaymentForm customerId={customerId} onCustomer={setCustomerId} />
        <section aria-label="入金伝票一覧">
          <div className="toolbar">
            <h2>入金伝票{customerId === null ? '(すべての得意先)' : ''}</h2>
            <ListActions title="入金伝票" rows={sorted.rows} columns={COLUMNS} />
            {customerId !== null && unallocated > 0 ? (
              <button type="button" disabled={apply.isPending} onClick={() => apply.mutate(customerId)}>
                未消込の入金を充当({formatYen(unallocated)})
              </button>
            ) : null}
          </div>
          {apply.isSuccess ? (
            <Notice kind="success">
              {apply.data.amount > 0
                ? `${formatYen(apply.data.amount)} を古い請求から順に充当しました。`
                : '充当できる未入金の請求はありませんでした。'}
            </Notice>
          ) : null}
          <ErrorNotice error={list.error ?? apply.error} />
          <VirtualTable
            label="入金伝票"
            rows={sorted.rows}
            columns={COLUMNS}
            rowKey={(r) => r.id}
            selectedKey={selected?.id ?? null}
            onSelect={(r) => setSelectedId(r.id)}
            sort={sorted.sort}
            onSort={sorted.onSort}
            height="var(--list-height)"
            rowHeight={46}
            totals={{ id: `${formatCount(sorted.rows.length)} 件`, total: formatYen(sumOf(sorted.rows, (r) => r.total)), unallocated: formatYen(sumOf(sorted.rows, (r) => (r.confirmed ? r.unallocated : 0))) }}
            emptyText="入金伝票はありません。"
          />
          {selected ? <PaymentDetailPanel key={selected.id} row={selected} onDeleted={() => setSelectedId(null)} /> : <p className="placeholder no-print">一覧から入金伝票を選ぶと、消込と確定・確定取消・削除をここに表示します。</p>}
        </section>
      </div>
    </div>
  );
}
