/**
 * What the バッチスケジュール screen says about running: paused (by 一時停止 or 受付停止), not run by
 * this process (the browser harness), and the slots that did not run while paused, after 再開 here
 * or after 受付再開 elsewhere.
 */
import type { SchedulerStateView, SkippedSlotRow } from '../../../src-shared/schedules/schedule-ipc';
import { Notice } from '../../components/Notice';
import { formatScheduleTime, PAUSE_LABELS } from './schedule-labels';

export function ScheduleNotices({ state, skipped }: { state: SchedulerStateView | undefined; skipped: SkippedSlotRow[] | null }) {
  const pausedBy = state?.pausedBy ?? [];
  const lastResume = state?.lastResume;
  return (
    <>
      {pausedBy.length > 0 ? (
        <Notice kind="warning">
          {pausedBy.map((r) => PAUSE_LABELS[r]).join('・')}のため、スケジュールは実行されません。
          {pausedBy.includes('store-closed') ? '消費税自動更新が終わったら「受付再開」を行ってください。' : '「再開」を押すと次の予定から実行されます。'}
        </Notice>
      ) : null}
      {state && !state.active ? (
        <Notice kind="info">この画面ではスケジュールは自動実行されません（デスクトップアプリで実行されます）。「今すぐ実行」は使えます。</Notice>
      ) : null}
      {!skipped && lastResume?.reason === 'store-closed' && lastResume.skipped.length > 0 ? (
        <Notice kind="info" label="受付停止中に実行されなかった予定" title={`受付再開によりスケジュールを再開しました（${formatScheduleTime(lastResume.at)}）。`}>
          <SkippedSlots slots={lastResume.skipped} while="受付停止中" />
        </Notice>
      ) : null}
      {skipped ? (
        <Notice kind="info" label="一時停止中に実行されなかった予定" title="スケジュールを再開しました。">
          {skipped.length === 0 ? <p>一時停止中に予定されていた実行はありませんでした。</p> : <SkippedSlots slots={skipped} while="一時停止中" />}
        </Notice>
      ) : null}
    </>
  );
}

/** The slots that did not run, and that their orders come with the next import. */
function SkippedSlots({ slots, while: during }: { slots: readonly SkippedSlotRow[]; while: string }) {
  return (
    <>
      <p>
        {during}に実行されなかった予定が {slots.length} 件あります。注文は次回の取込でまとめて取り込まれます。
      </p>
      <ul className="skipped-list">
        {slots.map((s) => (
          <li key={`${s.jobId}-${s.atMs}`}>
            {formatScheduleTime(s.at)} {s.jobName}
          </li>
        ))}
      </ul>
    </>
  );
}
