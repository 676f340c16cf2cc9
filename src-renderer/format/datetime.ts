/**
 * The one place timestamps become display text: JST wall time "2025/05/01 12:00", with the weekday
 * where it matters (バッチスケジュール: "2025/05/01(木) 12:00"). Any ISO-8601 offset is converted to
 * JST, never to the PC's own time zone. ESLint refuses Intl.DateTimeFormat / toLocaleString elsewhere.
 */
import { isIsoDate, parseJstTimestamp, toJstIso } from '../../src-shared/domain/jst-date';

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

/** The weekday of a JST calendar date 'YYYY-MM-DD' (日 … 土). */
function weekdayOf(ymd: string): string {
  return WEEKDAYS[new Date(`${ymd}T00:00:00Z`).getUTCDay()]!;
}

/**
 * A business date (JST calendar date 'YYYY-MM-DD') as the clerk reads it: '2026/12/04', or
 * '2026/12/04(金)' with the weekday. null / '' → '—'; text that is no date is shown as is.
 */
export function formatJstDate(ymd: string | null | undefined, opts: { weekday?: boolean } = {}): string {
  if (ymd === null || ymd === undefined || ymd === '') return '—';
  if (!isIsoDate(ymd)) return ymd;
  return `${ymd.replaceAll('-', '/')}${opts.weekday ? `(${weekdayOf(ymd)})` : ''}`;
}

/**
 * What a clerk types into a date field, read the same on every PC whatever its locale:
 * 2026/12/4, 2026-12-04, 2026.12.04, 20261204, ２０２６／１２／４, or 12/4 and 1204 (this year, from
 * `today`). A weekday in brackets is ignored. Returns 'YYYY-MM-DD', or null when it is no real date.
 */
export function parseDateText(text: string, today: string): string | null {
  const t = text
    .normalize('NFKC')
    .replace(/\(.\)|（.）/g, '')
    .trim();
  if (t === '') return null;
  const year = today.slice(0, 4);
  const full = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const short = /^(\d{1,2})[/.\-月](\d{1,2})日?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  const parts = full ? [full[1]!, full[2]!, full[3]!] : short ? [year, short[1]!, short[2]!] : null;
  if (!parts) return null;
  const [y, m, d] = parts as [string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Text written by main (log lines, messages) may carry business dates as 2026-12-04; shown here
 * they read 2026/12/04 like every other date on screen.
 */
export function formatDatesInText(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole, y: string, m: string, d: string) => (isIsoDate(whole) ? `${y}/${m}/${d}` : whole));
}
