/**
 * The closed-period check other features call (docs/receivables-rules.md): the import asks which of
 * the invoices it writes are dated inside a customer's closed period, so it can say that they will
 * be billed on the next 請求書 with a 要確認 note; a manual slip edit asks whether it is allowed.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import type { SqliteDb } from '../db/open';
import { statements } from '../db/schema';
import { closedPeriodMessage, isInClosedPeriod } from './rules/closed-period';

/** The date a customer's books are closed through (its latest 締 請求書), or null. */
export function closedThrough(db: SqliteDb, customerId: number): string | null {
  const r = drizzle(db)
    .select({ closingDate: statements.closingDate })
    .from(statements)
    .where(and(eq(statements.customerId, customerId), eq(statements.kind, '締')))
    .orderBy(desc(statements.closingDate))
    .limit(1)
    .get();
  return r?.closingDate ?? null;
}

/** Invoices dated inside their customer's closed period, with the note the import logs for each. */
export function lateInvoices(db: SqliteDb, list: readonly { customerId: number; date: string; bcartOrderCode: string }[]): { orderCode: string; message: string }[] {
  const cache = new Map<number, string | null>();
  const out: { orderCode: string; message: string }[] = [];
  for (const inv of list) {
    if (!cache.has(inv.customerId)) cache.set(inv.customerId, closedThrough(db, inv.customerId));
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
export function assertSlipEditable(db: SqliteDb, customerId: number, date: string, what = '伝票を変更'): void {
  const closed = closedThrough(db, customerId);
  if (isInClosedPeriod(date, closed)) throw new AppError('CONFIRMED_LOCKED', closedPeriodMessage(what, date, closed!));
}
