/** Display helpers of バッチスケジュール: JST times as the office reads them, run results in Japanese. */
import type { ScheduleRunRow } from '../../../src-shared/schedules/schedule-ipc';

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];

/** '2026-11-26T07:30:00+09:00' → '2026/11/26(木) 07:30' (the string is already JST wall time). */
export function jstDisplay(iso: string | null): string {
  if (!iso) return '—';
  const date = iso.slice(0, 10);
  const weekday = WEEKDAY_JA[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
  return `${date.replaceAll('-', '/')}(${weekday}) ${iso.slice(11, 16)}`;
}

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
