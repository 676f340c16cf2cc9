/**
 * The one place timestamps become display text: JST wall time "2025/05/01 12:00", with the weekday
 * where it matters (バッチスケジュール: "2025/05/01(木) 12:00"). Any ISO-8601 offset is converted to
 * JST, never to the PC's own time zone. ESLint refuses Intl.DateTimeFormat / toLocaleString elsewhere.
 */
import { parseJstTimestamp, toJstIso } from '../../src-shared/domain/jst-date';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** '2025-05-01T03:00:00Z' → '2025/05/01 12:00'; null → '—'; text that is no timestamp is shown as is. */
export function formatJstDateTime(iso: string | null, opts: { weekday?: boolean } = {}): string {
  if (iso === null) return '—';
  const ms = parseJstTimestamp(iso);
  if (ms === null) return iso;
  const jst = toJstIso(ms);
  const day = opts.weekday ? `(${WEEKDAYS[new Date(ms + JST_OFFSET_MS).getUTCDay()]})` : '';
  return `${jst.slice(0, 10).replaceAll('-', '/')}${day} ${jst.slice(11, 16)}`;
}
