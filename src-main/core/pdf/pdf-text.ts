/**
 * How the app's documents (請求書, 納品書) write money, numbers, dates and the 軽減税率 mark, so both
 * print the same figures the same way (docs/tax-rules.md for the ※ mark).
 */
export const REDUCED_MARK = '※';
export const REDUCED_LEGEND = '※は軽減税率(8%)対象です。';

const grouped = (n: number) =>
  Math.abs(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1234 → "¥1,234", −5 → "-¥5" */
export function yenText(n: number): string {
  return `${n < 0 ? '-' : ''}¥${grouped(n)}`;
}

/** 1234 → "1,234" */
export function numberText(n: number): string {
  return `${n < 0 ? '-' : ''}${grouped(n)}`;
}

/** "2025-01-31" → "2025年1月31日" */
export function longDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "2025-01-31" → "2025/01/31" */
export function shortDate(date: string): string {
  return date.replace(/-/g, '/');
}
