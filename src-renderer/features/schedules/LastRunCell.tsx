/** 最終結果 of a job: status, when, the message, and links to the システムログ of its import runs. */
import type { ScheduleRunRow } from '../../../src-shared/schedules/schedule-ipc';
import { formatScheduleTime, STATUS_LABELS, TRIGGER_LABELS } from './schedule-labels';
import { SystemLogLink } from './SystemLogLink';

export function LastRunCell({ run, onOpenLog }: { run: ScheduleRunRow | null; onOpenLog(importRunId: number): void }) {
  if (!run) return <span className="placeholder">未実行</span>;
  const status = STATUS_LABELS[run.status];
  return (
    <div className="last-run" data-run-id={run.runId}>
      <span className={`badge ${status.badge}`}>{status.text}</span> {formatScheduleTime(run.finishedAt ?? run.startedAt)}
      <span className="count">（{TRIGGER_LABELS[run.trigger]}）</span>
      {run.message ? <div className="last-run-message">{run.message}</div> : null}
      {run.importRunIds.map((id, i) => (
        <SystemLogLink key={id} importRunId={id} onOpen={onOpenLog}>
          {run.importRunIds.length > 1 ? `システムログ (${i + 1})` : 'システムログ'}
        </SystemLogLink>
      ))}
    </div>
  );
}
