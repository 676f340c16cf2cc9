/**
 * One 請求書: its figures, 今回売上 per rate (with the invoices' own tax beside it), the invoices it
 * bills (要確認 on late ones), the receipts it includes, 「PDFを保存」 and 「締め取消」.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { receivablesQueries } from '../../queries/receivables';
import { savePdf } from './receivables-format';

export function StatementPanel({ id, onUndone }: { id: number; onUndone: () => void }) {
  const detail = useQuery(receivablesQueries.statement(id));
  const pdf = useMutation({
    mutationFn: () => unwrap(api().billing.pdf({ id })),
    onSuccess: (f) => savePdf(f),
  });
  const undo = useMutation({
    mutationFn: () => unwrap(api().billing.undo({ id })),
    meta: { changes: ['receivables'] },
    onSuccess: onUndone,
  });
  const s = detail.data;
  if (!s) return <ErrorNotice error={detail.error} />;
  const rateLabel = (rate: number) => (rate === 0 ? '非課税' : `${rate}%`);
  return (
    <article aria-label={`請求書 No.${s.statementId}`}>
      <h2>
        請求書 No.{s.statementId} {s.kind === '個別' ? <span className="badge badge-neutral">個別</span> : null}
        {s.needsReview ? <span className="badge badge-draft">要確認</span> : null}
      </h2>
      <dl className="facts">
        <dt>得意先</dt>
        <dd>
          {s.customer} {s.customerName}
        </dd>
        <dt>対象期間</dt>
        <dd>
          {s.periodFrom} 〜 {s.closingDate}
        </dd>
        <dt>前回請求額</dt>
        <dd>{formatYen(s.previous)}</dd>
        <dt>今回入金額</dt>
        <dd>{formatYen(s.received)}</dd>
        <dt>繰越金額</dt>
        <dd>{formatYen(s.carriedOver)}</dd>
        <dt>今回売上(税込)</dt>
        <dd>
          {formatYen(s.salesTotal)}（税抜 {formatYen(s.salesNet)}・消費税 {formatYen(s.salesTax)}）
        </dd>
        <dt>今回請求額</dt>
        <dd>
          <strong>{formatYen(s.total)}</strong>
        </dd>
        <dt>入金予定日</dt>
        <dd>{s.dueDate}</dd>
        <dt>消費税計算単位</dt>
        <dd>
          {s.taxUnit}
          {s.taxUnit === '請求単位' ? `（${s.taxRounding}、消費税調整 ${formatYen(s.taxAdjustment)}）` : ''}
        </dd>
      </dl>
      <div className="form-actions">
        <button type="button" className="primary" disabled={pdf.isPending} onClick={() => pdf.mutate()}>
          {pdf.isPending ? '作成中…' : 'PDFを保存'}
        </button>
        <button
          type="button"
          disabled={!s.canUndo || undo.isPending}
          title={s.canUndo ? undefined : '後の締めがあるため取り消せません。後の締めから順に取り消してください。'}
          onClick={() => {
            if (window.confirm(`請求書 No.${s.statementId} を締め取消しますか？`)) undo.mutate();
          }}
        >
          締め取消
        </button>
      </div>
      {pdf.isSuccess ? (
        <Notice kind="success">
          PDFを保存しました（{pdf.data.fileName}、{pdf.data.pages}ページ）。
        </Notice>
      ) : null}
      <ErrorNotice error={pdf.error ?? undo.error} />
      <table className="data" aria-label="税率別の今回売上">
        <thead>
          <tr>
            <th>税率</th>
            <th>税抜</th>
            <th>消費税</th>
            <th>伝票の消費税計</th>
          </tr>
        </thead>
        <tbody>
          {s.salesByRate.map((r) => (
            <tr key={r.rate}>
              <td>{rateLabel(r.rate)}</td>
              <td className="num">{formatYen(r.net)}</td>
              <td className="num">{formatYen(r.tax)}</td>
              <td className="num">{formatYen(r.invoiceTax)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>請求伝票</h3>
      <table className="data" aria-label="請求する伝票">
        <thead>
          <tr>
            <th>日付</th>
            <th>伝票番号</th>
            <th>金額</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.invoices.map((i) => (
            <tr key={i.invoiceId}>
              <td>{i.date}</td>
              <td>{i.name}</td>
              <td className="num">{formatYen(i.total)}</td>
              <td>{i.late ? <span className="badge badge-draft" title="締め済みの期間の日付で後から取り込まれた伝票です">要確認</span> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.payments.length > 0 ? (
        <>
          <h3>今回入金</h3>
          <table className="data" aria-label="今回入金">
            <tbody>
              {s.payments.map((p) => (
                <tr key={p.paymentId}>
                  <td>入金伝票 No.{p.paymentId}</td>
                  <td>{p.date}</td>
                  <td>{p.kinds}</td>
                  <td className="num">{formatYen(p.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </article>
  );
}
