/**
 * 業務処理 › 請求締め: choose the 締日, check who would be closed (締め対象を確認), run 請求締め or
 * issue the 個別請求 請求書, save every 請求書 of the date as one PDF, and browse the 請求書 with
 * their detail, PDF and 締め取消.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClosingResult } from '../../../src-shared/receivables/statements';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { receivablesQueries } from '../../queries/receivables';
import { useNavigation } from '../../stores/navigation';
import { ClosingResultTable } from './ClosingResultTable';
import { previousMonthEnd, savePdf, todayJst } from './receivables-format';
import { StatementPanel } from './StatementPanel';

const CHANGES = { changes: ['receivables'] } as const;

export function BillingPage() {
  const { param, go, page } = useNavigation();
  const [date, setDate] = useState(() => previousMonthEnd(todayJst()));
  const [result, setResult] = useState<{ label: string; value: ClosingResult } | null>(null);
  const list = useQuery(receivablesQueries.statements({}));
  const preview = useMutation({ mutationFn: () => unwrap(api().billing.preview({ date })), onSuccess: (v) => setResult({ label: '締め対象(まだ締めていません)', value: v }) });
  const close = useMutation({
    mutationFn: () => unwrap(api().billing.close({ date })),
    meta: CHANGES,
    onSuccess: (v) => setResult({ label: '請求締めの結果', value: v }),
  });
  const issue = useMutation({
    mutationFn: () => unwrap(api().billing.issue({ date })),
    meta: CHANGES,
    onSuccess: (v) => setResult({ label: '個別請求書の発行結果', value: v }),
  });
  const batch = useMutation({ mutationFn: () => unwrap(api().billing.pdfBatch({ closingDate: date })), onSuccess: (f) => savePdf(f) });
  const busy = preview.isPending || close.isPending || issue.isPending || batch.isPending;
  const selectedId = param ? Number(param) : null;
  const rows = list.data?.rows ?? [];

  return (
    <div className="page billing-page">
      <div className="toolbar">
        <h1>請求締め</h1>
        <label htmlFor="billing-date">締日</label>
        <input id="billing-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <button type="button" disabled={busy || !date} onClick={() => preview.mutate()}>
          締め対象を確認
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !date}
          onClick={() => {
            if (window.confirm(`${date} の請求締めを実行しますか？`)) close.mutate();
          }}
        >
          請求締めを実行
        </button>
        <button type="button" disabled={busy || !date} onClick={() => issue.mutate()}>
          個別請求書を発行
        </button>
        <button type="button" disabled={busy || !date} onClick={() => batch.mutate()}>
          この締日の請求書をまとめてPDF
        </button>
      </div>
      <p className="field-hint">締請求の得意先は締日ごとに1枚、個別請求の得意先は請求伝票ごとに1枚の請求書を作ります。請求書を発行しない得意先(入金管理のみ)は対象外です。</p>
      <ErrorNotice error={preview.error ?? close.error ?? issue.error ?? batch.error} />
      {batch.isSuccess ? (
        <Notice kind="success">
          PDFを保存しました（{batch.data.fileName}、{batch.data.pages}ページ）。
        </Notice>
      ) : null}
      {result ? (
        <>
          <h2>{result.label}</h2>
          <ClosingResultTable result={result.value} label={result.label} />
        </>
      ) : null}
      <div className="master-page">
        <section aria-label="請求書一覧">
          <h2>請求書一覧</h2>
          <ErrorNotice error={list.error} />
          <table className="data selectable" aria-label="請求書">
            <thead>
              <tr>
                <th>No.</th>
                <th>締日</th>
                <th>得意先</th>
                <th>今回請求額</th>
                <th>入金予定日</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.statementId} aria-selected={r.statementId === selectedId} className={r.statementId === selectedId ? 'selected' : undefined} onClick={() => go(page, String(r.statementId))}>
                  <td>
                    <button type="button" className="link-button" onClick={() => go(page, String(r.statementId))}>
                      {r.statementId}
                    </button>
                  </td>
                  <td>
                    {r.closingDate} {r.kind === '個別' ? <span className="badge badge-neutral">個別</span> : null}
                    {r.needsReview ? <span className="badge badge-draft">要確認</span> : null}
                  </td>
                  <td>
                    {r.customer} {r.customerName}
                  </td>
                  <td className="num">{formatYen(r.total)}</td>
                  <td>{r.dueDate}</td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5} className="placeholder">
                    請求書はまだありません。締日を選んで「請求締めを実行」してください。
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
        <section className="master-detail">
          {selectedId ? <StatementPanel key={selectedId} id={selectedId} onUndone={() => go(page)} /> : <p className="placeholder">一覧から請求書を選んでください。</p>}
        </section>
      </div>
    </div>
  );
}
