/** One 売上伝票: facts, lines, per-rate totals, and the actions its state allows. */
import { formatJstDate } from '../../format/datetime';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { canDo, STATUS_LABELS } from '../../../src-shared/sales/slip-status';
import { ROUNDING_LABELS } from '../../../src-shared/domain/rounding';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { TableHead } from '../../components/TableHead';
import { formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { salesQueries } from '../../queries/sales';
import { useNavigation } from '../../stores/navigation';
import { savePdf } from '../receivables/receivables-format';
import { SlipLinesTable } from '../slips/SlipLinesTable';

export function SalesDetailPanel({ id, onEdit, onDeleted }: { id: number; onEdit(): void; onDeleted(): void }) {
  const { go } = useNavigation();
  const slip = useQuery(salesQueries.detail(id));
  const [warnings, setWarnings] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (action: 'confirm' | 'cancel') => unwrap<SalesWriteResult>(action === 'confirm' ? api().sales.confirm({ id }) : api().sales.cancel({ id })),
    meta: { changes: ['sales', 'slips'] },
    onMutate: () => (setWarnings([]), setDone(null)),
    onSuccess: (r) => {
      setWarnings(r.warnings);
      setDone(r.slip.status === 'confirmed' ? `確定しました (伝票番号 ${r.slip.slipNo ?? ''})。請求伝票を作成しました。` : '確定取消しました。在庫と請求伝票を元に戻しました。伝票番号は取消として残ります。');
    },
  });
  const remove = useMutation({ mutationFn: () => unwrap(api().sales.delete({ id })), meta: { changes: ['sales'] }, onSuccess: onDeleted });
  // the 納品書 is made in main with the 請求書's PDF layer and saved where the user chooses
  const pdf = useMutation({ mutationFn: () => unwrap(api().sales.pdfDeliveryNote({ id })), onSuccess: (f) => savePdf(f) });
  if (slip.error) return <ErrorNotice error={slip.error} />;
  const s = slip.data;
  if (!s) return <p className="placeholder">読み込み中…</p>;
  const busy = act.isPending || remove.isPending;
  return (
    <div aria-label="売上伝票の詳細">
      <h2>
        売上伝票 {s.slipNo ?? '(未採番)'} <span className={`badge status-${s.status}`}>{STATUS_LABELS[s.status]}</span>
      </h2>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {warnings.map((w) => (
        <Notice key={w} kind="warning">
          {w}
        </Notice>
      ))}
      <ErrorNotice error={act.error ?? remove.error} />
      <dl className="facts">
        <dt>売上日</dt>
        <dd>{formatJstDate(s.date)}</dd>
        <dt>部門</dt>
        <dd>{s.departmentName}</dd>
        <dt>得意先</dt>
        <dd>
          {s.customerCode} {s.customerName}
        </dd>
        <dt>出荷倉庫</dt>
        <dd>{s.warehouseName}</dd>
        <dt>単価</dt>
        <dd>
          {s.priceMode}（消費税は税率ごとに1回計算・{ROUNDING_LABELS[s.taxRounding]}）
        </dd>
        {s.invoiceId !== null ? (
          <>
            <dt>請求伝票</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => go('invoices', String(s.invoiceId))}>
                #{s.invoiceId}
              </button>
            </dd>
          </>
        ) : null}
        {s.memo ? (
          <>
            <dt>備考</dt>
            <dd>{s.memo}</dd>
          </>
        ) : null}
      </dl>
      <SlipLinesTable label="売上明細" lines={s.lines} tax={{ header: '税区分', cell: (l) => `${l.taxClassName}` }} />
      <table className="data" aria-label="税率別合計">
        <TableHead headings={['税率', '税抜', '消費税', '税込']} />
        <tbody>
          {s.byRate.map((r) => (
            <tr key={r.rate}>
              <td>{r.rate}%</td>
              <td className="num">{formatYen(r.net)}</td>
              <td className="num">{formatYen(r.tax)}</td>
              <td className="num">{formatYen(r.gross)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>合計</td>
            <td className="num">{formatYen(s.net)}</td>
            <td className="num">{formatYen(s.tax)}</td>
            <td className="num">{formatYen(s.total)}</td>
          </tr>
        </tfoot>
      </table>
      <div className="toolbar">
        {canDo(s.status, 'confirm') ? (
          <button type="button" className="primary" disabled={busy} onClick={() => act.mutate('confirm')}>
            確定
          </button>
        ) : null}
        {s.status === 'confirmed' ? (
          <button type="button" disabled={busy || pdf.isPending} onClick={() => pdf.mutate()}>
            {pdf.isPending ? '作成中…' : '納品書PDF'}
          </button>
        ) : null}
        {canDo(s.status, 'cancel') ? (
          <button type="button" disabled={busy} onClick={() => act.mutate('cancel')}>
            確定取消
          </button>
        ) : null}
        {canDo(s.status, 'edit') ? (
          <button type="button" disabled={busy} onClick={onEdit}>
            編集
          </button>
        ) : null}
        {canDo(s.status, 'delete') ? (
          <button type="button" disabled={busy} onClick={() => remove.mutate()}>
            削除
          </button>
        ) : null}
      </div>
      {pdf.isSuccess ? <Notice kind="success" label="納品書">納品書を保存しました（{pdf.data.fileName}、{pdf.data.pages}ページ）。</Notice> : null}
      <ErrorNotice error={pdf.error} />
    </div>
  );
}
