/**
 * A customer's books are closed through the closing date of its latest 締 statement
 * (docs/receivables-rules.md). A slip dated on or before that date lies in a closed period: a
 * manual edit of it is refused; an imported one is still taken in and billed on the next
 * statement with a 要確認 note.
 */

/** True when `date` lies in a period closed through `closedThrough` (null: nothing closed yet). */
export function isInClosedPeriod(date: string, closedThrough: string | null): boolean {
  return closedThrough !== null && date <= closedThrough;
}

/** The Japanese message refusing a manual edit of a slip dated in a closed period. */
export function closedPeriodMessage(what: string, date: string, closedThrough: string): string {
  return `${date} は請求締め済みの期間(${closedThrough}まで)の日付のため、${what}できません。日付を${closedThrough}より後にするか、先に「締め取消」をしてください。`;
}
