/** The outcome of one run: status, counts, every problem (order code + fix), and the plan of a preview. */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice, type NoticeKind } from '../../components/Notice';
import { formatYen } from '../../format/number';
import { importQueries } from '../../queries/import';
import { LEVEL_LABELS } from './import-labels';
import { PlanTables } from './PlanTables';
import { TableHead } from '../../components/TableHead';
import { formatDatesInText, formatJstDate } from '../../format/datetime';

export function RunResult({ runId }: { runId: number }) {
  const q = useQuery(importQueries.run(runId));
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!q.data) return null;
  const { run, logs, plan } = q.data;
  if (run.status === 'running') return null;
  const problems = logs.filter((l) => l.level !== 'info');
  const ok = run.status === 'succeeded';
  // 中止 is the user's choice, not an error: a neutral notice and badge instead of the red ones
  const cancelled = run.status === 'cancelled';
  const kind: NoticeKind = ok ? 'success' : cancelled ? 'info' : 'error';
  const outcome = ok ? (
    run.dryRun ? '成功（まだ何も取り込んでいません）' : '取込完了'
  ) : cancelled ? (
    <>
      <span className="badge badge-neutral">中止</span>（何も取り込んでいません）
    </>
  ) : (
    '失敗（何も取り込んでいません）'
  );
  return (
    <section aria-label="取込結果" className="import-result">
      <Notice kind={kind} title={<>{`${run.dryRun ? '取込プレビュー' : '出荷取込処理'} #${run.id}: `}{outcome}</>}>
        <p>{formatDatesInText(run.message ?? '')}</p>
      </Notice>
      <dl className="facts import-counts">
        <dt>受注日</dt>
        <dd>{run.windowFrom ? `${formatJstDate(run.windowFrom, { weekday: true })}〜${formatJstDate(run.windowTo, { weekday: true })}` : '新しい受注日なし'}</dd>
        <dt>注文</dt>
        <dd>{run.ordersFetched} 件</dd>
        <dt>出荷伝票</dt>
        <dd>{run.shipmentsCreated} 件</dd>
        <dt>請求伝票</dt>
        <dd>{run.invoicesCreated} 件</dd>
        <dt>請求額合計</dt>
        <dd>{formatYen(run.amount)}</dd>
        <dt>Bカートへの問い合わせ</dt>
        <dd>{run.apiCalls} 回</dd>
      </dl>
      {problems.length > 0 ? (
        <table className="data problems" aria-label="エラーと注意">
          <TableHead headings={['区分', '受注番号', '内容と対処']} />
          <tbody>
            {problems.map((p) => (
              <tr key={p.id}>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <span className={`badge ${p.level === 'error' ? 'badge-err' : 'badge-draft'}`}>{LEVEL_LABELS[p.level]}</span>
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>{p.orderCode ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {/* after a failure nothing is created, so no plan is shown */}
      {plan && ok ? <PlanTables plan={plan} /> : null}
    </section>
  );
}
