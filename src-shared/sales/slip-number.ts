/**
 * 売上伝票 numbers (docs/sales-rules.md#slip-numbers): one gap-free sequence per 部門,
 * taken at 確定 (never at 保存, so abandoned drafts leave no hole) and kept by the slip for good —
 * a 確定取消 slip shows its number as 取消 and takes the same number back when confirmed again.
 */

/** Digits of the sequence part; past 999,999 the number simply grows longer. */
const DIGITS = 6;

/** e.g. department "D01", sequence 12 → "D01-000012". */
export function formatSlipNo(departmentCode: string, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`bad slip sequence: ${seq}`);
  return `${departmentCode}-${String(seq).padStart(DIGITS, '0')}`;
}

/** The number a 確定 gets: the slip's own when it had one (re-確定 after 確定取消), else the next of its 部門. */
export function numberAtConfirm(current: { seq: number | null }, lastSeqOfDepartment: number): { seq: number; fresh: boolean } {
  if (current.seq !== null) return { seq: current.seq, fresh: false };
  return { seq: lastSeqOfDepartment + 1, fresh: true };
}
