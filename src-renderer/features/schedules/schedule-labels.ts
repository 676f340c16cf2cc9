/** Japanese labels of バッチスケジュール: why a run happened, its result, why schedules are paused, its times. */
import type { ScheduleRunRow } from '../../../src-shared/schedules/schedule-ipc';
import { formatJstDateTime } from '../../format/datetime';

export const TRIGGER_LABELS: Record<ScheduleRunRow['trigger'], string> = {
  schedule: '予定どおり',
  'catch-up': '未実行分の実行',
  manual: '今すぐ実行',
};

export const STATUS_LABELS: Record<ScheduleRunRow['status'], { text: string; badge: string }> = {
  running: { text: '実行中', badge: 'badge-draft' },
  succeeded: { text: '成功', badge: 'badge-ok' },
  failed: { text: '失敗', badge: 'badge-err' },
  cancelled: { text: '中止', badge: 'badge-neutral' },
  skipped: { text: 'スキップ', badge: 'badge-draft' },
};

export const PAUSE_LABELS: Record<'user' | 'store-closed', string> = {
  user: '一時停止中',
  'store-closed': '受付停止中',
};

/** A schedule's times carry the weekday, as its rules are per weekday: '2026/11/26(木) 07:30'; null → '—'. */
export function formatScheduleTime(iso: string | null): string {
  return formatJstDateTime(iso, { weekday: true });
}
