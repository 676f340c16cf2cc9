/**
 * The 入金伝票 chosen in the 入金処理 list: its 明細, what it paid (消込) and what is left, with
 * 確定 / 削除 (未確定) or 確定取消 (確定, unless a 請求書 already holds it). 削除 asks first.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PaymentRow } from '../../../src-shared/receivables/payments';
import { ConfirmedBadge } from '../../components/ConfirmedBadge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TableHead } from '../../components/TableHead';
import { formatJstDate } from '../../format/datetime';
import { formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { receivablesQueries } from '../../queries/receivables';

const CHANGES = { changes: ['receivables'] } as const;

export function PaymentDetailPanel({ row, onDeleted }: { row: PaymentRow; onDeleted: () => void }) {
  const detail = useQuery(receivablesQueries.payment(row.id));
  const unconfirm = useMutation({ mutationFn: () => unwrap(api().payments.unconfirm({ id: row.id })), meta: CHANGES });
  const confirm = useMutation({ mutationFn: () => unwrap(api().payments.confirm({ id: row.id })), meta: CHANGES });
  const remove = useMutation({ mutationFn: () => unwrap(api().payments.delete({ id: row.id })), meta: CHANGES, onSuccess: onDeleted });
  const busy = unconfirm.isPending || confirm.isPending || remove.isPending;
  const allocations = detail.data?.allocations ?? [];
  return (
    <section aria-label="入金伝票の詳細" className="payment-detail">
      <h3>
        入金伝票 No.{row.id} <ConfirmedBadge confirmed={row.confirmed} />
        {row.statementId !== null ? <span className="badge badge-neutral">請求書 No.{row.statementId}</span> : null}
      </h3>
      <p>
        {formatJstDate(row.date)} {row.customer} {row.customerName} — {row.lines.map((l) => `${l.kind} ${formatYen(l.amount)}`).join('・')}(合計 {formatYen(row.total)})
      </p>
      {row.confirmed ? (
        <table className="data" aria-label="この入金の消込">
          <TableHead headings={['消込先', '日付', '金額']} />
          <tbody>
            {allocations.map((a) => (
              <tr key={`${a.debitKind}:${a.debitId}`}>
                <td>{a.name}</td>
                <td>{formatJstDate(a.date)}</td>
                <td className="num">{formatYen(a.amount)}</td>
              </tr>
            ))}
            <tr>
              <td colSpan={2}>未消込</td>
              <td className="num">{formatYen(row.unallocated)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="field-hint">未確定の入金伝票は消込されず、売掛金残高にも入りません。「確定」すると古い請求から消込します。</p>
      )}
      <div className="form-actions">
        {row.confirmed ? (
          <button type="button" disabled={row.statementId !== null || busy} onClick={() => unconfirm.mutate()}>
            確定取消
          </button>
        ) : (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => confirm.mutate()}>
              確定
            </button>
            <button type="button" disabled={busy} onClick={() => window.confirm(`入金伝票 No.${row.id} を削除します。よろしいですか？`) && remove.mutate()}>
              削除
            </button>
          </>
        )}
        {row.confirmed && row.statementId !== null ? <span className="field-hint">請求書 No.{row.statementId} に含まれる入金です。確定取消するには先に請求書を締め取消してください。</span> : null}
      </div>
      <ErrorNotice error={detail.error ?? unconfirm.error ?? confirm.error ?? remove.error} />
    </section>
  );
}
