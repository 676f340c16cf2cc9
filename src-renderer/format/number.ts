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
