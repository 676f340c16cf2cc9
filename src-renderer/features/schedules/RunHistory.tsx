/** 実行履歴 of one job (newest first): when, why, result, message and the システムログ links. */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { scheduleQueries } from '../../queries/schedules';
import { formatScheduleTime, STATUS_LABELS, TRIGGER_LABELS } from './schedule-labels';
import { SystemLogLink } from './SystemLogLink';
import { TableHead } from '../../components/TableHead';

export function RunHistory({ jobId, onOpenLog }: { jobId: number; onOpenLog(importRunId: number): void }) {
  const q = useQuery(scheduleQueries.runs(jobId));
  const rows = q.data?.rows ?? [];
  return (
    <section className="run-history" aria-label="実行履歴">
      <h3>実行履歴</h3>
      <ErrorNotice error={q.error} />
      {rows.length === 0 ? (
        <p className="placeholder">{q.isLoading ? '読み込み中…' : 'まだ実行していません。'}</p>
      ) : (
        <table className="data">
          <TableHead headings={['開始', '種類', '結果', '内容']} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.runId} data-run-id={r.runId}>
                <td className="next-run">{formatScheduleTime(r.startedAt)}</td>
                <td>{TRIGGER_LABELS[r.trigger]}</td>
                <td>
                  <span className={`badge ${STATUS_LABELS[r.status].badge}`}>{STATUS_LABELS[r.status].text}</span>
                </td>
                <td>
                  {r.message ?? ''}
                  {r.importRunIds.map((id) => (
                    <SystemLogLink key={id} importRunId={id} onOpen={onOpenLog}>
                      {` 取込No.${id} のログ`}
                    </SystemLogLink>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
