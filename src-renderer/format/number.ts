/**
 * The one place numbers become display text: counts (1,234) and integer yen (¥1,234). Grouping is
 * done here, not by the machine's locale, so every screen reads the same on every PC. ESLint
 * refuses toLocaleString / Intl.NumberFormat elsewhere in the renderer.
 */

/** Digits with a comma every three places: 1234567 → "1,234,567"; a fraction is kept as is. */
function grouped(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.') as [string, string | undefined];
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${withCommas}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A count: 1234 → "1,234". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? grouped(n) : '—';
}

/** Integer yen: 1234 → "¥1,234", -500 → "-¥500". */
export function formatYen(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const text = grouped(n);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** A size on disk, binary units with one decimal: 512 → "512 B", 1536 → "1.5 KB", 52428800 → "50.0 MB". */
export function formatBytes(n: number): string {
  if (!Number.isInteger(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let i = 0;
  let v = n / 1024;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const tenths = Math.round(v * 10);
  return `${grouped(Math.floor(tenths / 10))}.${tenths % 10} ${units[i]}`;
}
