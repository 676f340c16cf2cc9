/**
 * 業務処理 › 入金処理: record a 入金伝票 (left) and the 入金伝票 of the chosen customer (or all), with
 * 確定取消 (its 消込 are removed and the invoices reopen), 確定, 削除 and 「未消込の入金を充当」.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { receivablesQueries } from '../../queries/receivables';
import { PaymentForm } from './PaymentForm';

const CHANGES = { changes: ['receivables'] } as const;

export function PaymentsPage() {
  const [customerId, setCustomerId] = useState<number | null>(null);
  const list = useQuery(receivablesQueries.payments(customerId));
  const unconfirm = useMutation({ mutationFn: (id: number) => unwrap(api().payments.unconfirm({ id })), meta: CHANGES });
  const confirm = useMutation({ mutationFn: (id: number) => unwrap(api().payments.confirm({ id })), meta: CHANGES });
  const remove = useMutation({ mutationFn: (id: number) => unwrap(api().payments.delete({ id })), meta: CHANGES });
  const apply = useMutation({ mutationFn: (id: number) => unwrap(api().payments.applyCredits({ customerId: id })), meta: CHANGES });
  const rows = list.data?.rows ?? [];
  const unallocated = rows.reduce((s, r) => s + r.unallocated, 0);

  return (
    <div className="page payments-page">
      <div className="toolbar">
        <h1>入金処理</h1>
      </div>
      <div className="stack">
        <PaymentForm customerId={customerId} onCustomer={setCustomerId} />
        <section aria-label="入金伝票一覧">
          <div className="toolbar">
            <h2>入金伝票{customerId === null ? '(すべての得意先)' : ''}</h2>
            {customerId !== null && unallocated > 0 ? (
              <button type="button" disabled={apply.isPending} onClick={() => apply.mutate(customerId)}>
                未消込の入金を充当({formatYen(unallocated)})
              </button>
            ) : null}
          </div>
          {apply.isSuccess ? (
            <Notice kind="success">
              {apply.data.amount > 0 ? `${formatYen(apply.data.amount)} を古い請求から順に充当しました。` : '充当できる未入金の請求はありませんでした。'}
            </Notice>
          ) : null}
          <ErrorNotice error={list.error ?? unconfirm.error ?? confirm.error ?? remove.error ?? apply.error} />
          <table className="data" aria-label="入金伝票">
            <thead>
              <tr>
                <th>No.</th>
                <th>入金日</th>
                <th>得意先</th>
                <th>明細</th>
                <th>金額</th>
                <th>未消込</th>
                <th>状態</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{r.date}</td>
                  <td>
                    {r.customer} {r.customerName}
                  </td>
                  <td>{r.lines.map((l) => `${l.kind} ${formatYen(l.amount)}`).join('・')}</td>
                  <td className="num">{formatYen(r.total)}</td>
                  <td className="num">{r.confirmed ? formatYen(r.unallocated) : ''}</td>
                  <td>
                    <span className={`badge ${r.confirmed ? 'badge-ok' : 'badge-draft'}`}>{r.confirmed ? '確定' : '未確定'}</span>
                    {r.statementId !== null ? <span className="badge badge-neutral">請求書 No.{r.statementId}</span> : null}
                  </td>
                  <td>
                    {r.confirmed ? (
                      <button type="button" disabled={r.statementId !== null || unconfirm.isPending} title={r.statementId !== null ? '請求書に含まれる入金です。先に締め取消してください。' : undefined} onClick={() => unconfirm.mutate(r.id)}>
                        確定取消
                      </button>
                    ) : (
                      <>
                        <button type="button" disabled={confirm.isPending} onClick={() => confirm.mutate(r.id)}>
                          確定
                        </button>
                        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(r.id)}>
                          削除
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={8} className="placeholder">
                    入金伝票はありません。
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
