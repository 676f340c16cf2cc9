/** The バッチスケジュール jobs: rule, state, next run, last result (with its システムログ) and 今すぐ実行. */
import type { ScheduleJobRow } from '../../../src-shared/schedules/schedule-ipc';
import { LastRunCell } from './LastRunCell';
import { formatScheduleTime } from './schedule-labels';

export interface ScheduleTableProps {
  rows: readonly ScheduleJobRow[];
  loading: boolean;
  selectedId: number | null;
  /** 今すぐ実行 is refused while paused or while a start is being asked */
  canRunNow: boolean;
  onOpen(jobId: number): void;
  onRunNow(jobId: number): void;
  onOpenLog(importRunId: number): void;
}

export function ScheduleTable(p: ScheduleTableProps) {
  return (
    <table className="data schedule-table">
      <thead>
        <tr>
          <th>ジョブ名</th>
          <th>実行条件</th>
          <th>状態</th>
          <th>次回実行</th>
          <th>最終結果</th>
          <th aria-label="操作" />
        </tr>
      </thead>
      <tbody>
        {p.rows.length === 0 ? (
          <tr>
            <td colSpan={6} className="placeholder">
              {p.loading ? '読み込み中…' : 'まだスケジュールがありません。「新規」から登録してください。'}
            </td>
          </tr>
        ) : (
          p.rows.map((r) => (
            <tr key={r.id} className={r.id === p.selectedId ? 'selected' : undefined} data-job-id={r.id}>
              <td>
                <a href={`#/schedules/${r.id}`} onClick={(e) => { e.preventDefault(); p.onOpen(r.id); }}>
                  {r.name}
                </a>
              </td>
              <td>{r.description}</td>
              <td>
                {r.running ? <span className="badge badge-draft">実行中</span> : <span className={`badge ${r.enabled ? 'badge-ok' : 'badge-draft'}`}>{r.enabled ? '有効' : '無効'}</span>}
              </td>
              <td className="next-run">{r.enabled ? formatScheduleTime(r.nextRunAt) : '—'}</td>
              <td>
                <LastRunCell run={r.lastRun} onOpenLog={p.onOpenLog} />
              </td>
              <td>
                <button type="button" disabled={r.running || !p.canRunNow} onClick={() => p.onRunNow(r.id)}>
                  今すぐ実行
                </button>
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
