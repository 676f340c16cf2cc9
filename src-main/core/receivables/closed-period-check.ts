/**
 * The closed-period check other features call (docs/receivables-rules.md): the import asks which of
 * the invoices it writes are dated inside a customer's closed period, so it can say that they will
 * be billed on the next 請求書 with a 要確認 note; a manual slip edit asks whether it is allowed.
 * A customer's books are closed through its latest 締 請求書 (the statement repository knows it).
 */
import { AppError } from '../../../src-shared/errors';
import { closedPeriodMessage, isInClosedPeriod } from './rules/closed-period';
import type { StatementRepository } from './statement-repository';

export type ClosedPeriods = Pick<StatementRepository, 'lastClosing'>;

/** Invoices dated inside their customer's closed period, with the note the import logs for each. */
export function lateInvoices(statements: ClosedPeriods, list: readonly { customerId: number; date: string; bcartOrderCode: string }[]): { orderCode: string; message: string }[] {
  const cache = new Map<number, string | null>();
  const out: { orderCode: string; message: string }[] = [];
  for (const inv of list) {
    if (!cache.has(inv.customerId)) cache.set(inv.customerId, statements.lastClosing(inv.customerId)?.closingDate ?? null);
    const closed = cache.get(inv.customerId) ?? null;
    if (isInClosedPeriod(inv.date, closed)) {
      out.push({
        orderCode: inv.bcartOrderCode,
        message: `請求伝票の日付 ${inv.date} は請求締め済みの期間(${closed}まで)です。次回の請求書に「要確認」として載ります。請求書を確認してください。`,
      });
    }
  }
  return out;
}

/** Throws when a slip of the customer dated `date` may not be edited by hand (closed period). */
export function assertSlipEditable(statements: ClosedPeriods, customerId: number, date: string, what = '伝票を変更'): void {
  const closed = statements.lastClosing(customerId)?.closingDate ?? null;
  if (isInClosedPeriod(date, closed)) throw new AppError('CONFIRMED_LOCKED', closedPeriodMessage(what, date, closed!));
}
