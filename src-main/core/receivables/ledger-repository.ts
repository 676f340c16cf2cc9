/**
 * The customer ledger for 消込: what each customer owes (期首残高, invoices, 消費税調整), what it paid
 * (入金伝票), and the allocations between them. The only writer of `allocations`.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { allocations, invoices, partners, payments, statements } from '../db/schema';
import type { Db } from '../db/db-handle';
import type { Allocation, CreditKind } from './rules/allocation';
import { invoiceName } from './statement-repository';

export type LedgerKind = 'opening' | 'invoice' | 'adjustment' | 'payment';

/** One ledger entry: amount > 0 is owed (a debit), amount < 0 is a credit (payments are credits). */
export interface LedgerEntry {
  customerId: number;
  kind: LedgerKind;
  id: number;
  /** '' for 期首残高 (older than anything) */
  date: string;
  name: string;
  amount: number;
}

/** A stored allocation. */
export interface AllocationPair extends Allocation {
  customerId: number;
}

export function createLedgerRepository({ orm }: Db) {
  /** Every ledger entry of one customer, or of all customers. */
  function entries(customerId?: number): LedgerEntry[] {
    const of = (col: Parameters<typeof eq>[0]) => (customerId === undefined ? undefined : eq(col, customerId));
    const out: LedgerEntry[] = [];
    for (const p of orm
      .select({ id: partners.id, amount: partners.openingBalance })
      .from(partners)
      .where(and(eq(partners.kind, '得意先'), ne(partners.openingBalance, 0), of(partners.id)))
      .all()) {
      out.push({ customerId: p.id, kind: 'opening', id: p.id, date: '', name: '期首残高', amount: p.amount ?? 0 });
    }
    for (const r of orm
      .select({ customerId: invoices.customerId, id: invoices.id, date: invoices.date, name: invoiceName, amount: invoices.total })
      .from(invoices)
      .where(and(eq(invoices.confirmed, true), ne(invoices.total, 0), of(invoices.customerId)))
      .all()) {
      out.push({ ...r, kind: 'invoice' });
    }
    for (const r of orm
      .select({ customerId: statements.customerId, id: statements.id, date: statements.closingDate, amount: statements.taxAdjustment })
      .from(statements)
      .where(and(ne(statements.taxAdjustment, 0), of(statements.customerId)))
      .all()) {
      out.push({ ...r, kind: 'adjustment', name: `消費税調整(請求書 No.${r.id})` });
    }
    for (const r of orm
      .select({ customerId: payments.customerId, id: payments.id, date: payments.date, total: payments.total })
      .from(payments)
      .where(and(eq(payments.confirmed, true), of(payments.customerId)))
      .all()) {
      out.push({ customerId: r.customerId, kind: 'payment', id: r.id, date: r.date, name: `入金伝票 No.${r.id}`, amount: -r.total });
    }
    return out;
  }

  function pairs(customerId?: number): AllocationPair[] {
    return orm
      .select({
        customerId: allocations.customerId,
        creditKind: allocations.creditKind,
        creditId: allocations.creditId,
        debitKind: allocations.debitKind,
        debitId: allocations.debitId,
        amount: allocations.amount,
      })
      .from(allocations)
      .where(customerId === undefined ? undefined : eq(allocations.customerId, customerId))
      .orderBy(asc(allocations.id))
      .all();
  }

  /** Stores allocations (call inside a transaction). */
  function insert(customerId: number, list: readonly Allocation[], now: string): void {
    for (const a of list) {
      orm.insert(allocations).values({ customerId, creditKind: a.creditKind, creditId: a.creditId, debitKind: a.debitKind, debitId: a.debitId, amount: a.amount, createdAt: now }).run();
    }
  }

  /** Removes every allocation made from a credit (a payment's 確定取消). */
  function removeFromCredit(kind: CreditKind, id: number): number {
    return orm.delete(allocations).where(and(eq(allocations.creditKind, kind), eq(allocations.creditId, id))).run().changes;
  }

  /** Names and dates of invoices by id (for allocation views). */
  function invoiceNames(ids: readonly number[]): Map<number, { name: string; date: string }> {
    const names = new Map<number, { name: string; date: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const inv of orm
        .select({ id: invoices.id, name: invoiceName, date: invoices.date })
        .from(invoices)
        .where(inArray(invoices.id, ids.slice(i, i + 500)))
        .all()) {
        names.set(inv.id, { name: inv.name, date: inv.date });
      }
    }
    return names;
  }

  /** Allocations touching the customer's 期首残高 (changing it is refused once used). */
  function openingUsed(customerId: number): boolean {
    const r = orm
      .select({ n: sql<number>`count(*)` })
      .from(allocations)
      .where(
        sql`(${allocations.debitKind} = 'opening' and ${allocations.debitId} = ${customerId}) or (${allocations.creditKind} = 'opening' and ${allocations.creditId} = ${customerId})`,
      )
      .get();
    return (r?.n ?? 0) > 0;
  }

  return { entries, pairs, insert, removeFromCredit, invoiceNames, openingUsed };
}
export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
