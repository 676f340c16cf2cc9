/** 入金伝票: the only writer of payments / payment_lines (apart from statement links, see statement-repository). */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { partners, paymentLines, payments } from '../db/schema';
import type { Db } from '../db/db-handle';

export interface PaymentWrite {
  customerId: number;
  date: string;
  lines: { kind: string; amount: number }[];
  memo: string | null;
}

const allocatedSum = sql<number>`coalesce((select sum(a.amount) from allocations a where a.credit_kind = 'payment' and a.credit_id = ${payments.id}), 0)`;

export function createPaymentRepository({ orm }: Db) {
  /** Inserts a confirmed 入金伝票 (call inside a transaction). */
  function insert(w: PaymentWrite, now: string): number {
    const total = w.lines.reduce((s, l) => s + l.amount, 0);
    const { id } = orm
      .insert(payments)
      .values({ customerId: w.customerId, date: w.date, total, memo: w.memo, confirmed: true, createdAt: now, updatedAt: now })
      .returning({ id: payments.id })
      .get();
    w.lines.forEach((l, i) => orm.insert(paymentLines).values({ paymentId: id, lineNo: i + 1, kind: l.kind, amount: l.amount }).run());
    return id;
  }

  function setConfirmed(id: number, confirmed: boolean, now: string): void {
    orm.update(payments).set({ confirmed, updatedAt: now }).where(eq(payments.id, id)).run();
  }

  function remove(id: number): void {
    orm.delete(payments).where(eq(payments.id, id)).run();
  }

  function rows(where: SQL | undefined, limit: number) {
    const heads = orm
      .select({
        id: payments.id,
        customerId: payments.customerId,
        customer: partners.code,
        customerName: partners.name,
        date: payments.date,
        total: payments.total,
        memo: payments.memo,
        confirmed: payments.confirmed,
        statementId: payments.statementId,
        allocated: allocatedSum,
      })
      .from(payments)
      .innerJoin(partners, eq(partners.id, payments.customerId))
      .where(where)
      .orderBy(desc(payments.date), desc(payments.id))
      .limit(limit)
      .all();
    const lines = new Map<number, { kind: string; amount: number }[]>();
    for (let i = 0; i < heads.length; i += 500) {
      for (const l of orm
        .select({ paymentId: paymentLines.paymentId, kind: paymentLines.kind, amount: paymentLines.amount })
        .from(paymentLines)
        .where(inArray(paymentLines.paymentId, heads.slice(i, i + 500).map((h) => h.id)))
        .orderBy(asc(paymentLines.paymentId), asc(paymentLines.lineNo))
        .all()) {
        const list = lines.get(l.paymentId) ?? [];
        list.push({ kind: l.kind, amount: l.amount });
        lines.set(l.paymentId, list);
      }
    }
    return heads.map((h) => ({ ...h, lines: lines.get(h.id) ?? [], unallocated: h.confirmed ? h.total - h.allocated : 0 }));
  }

  function list(filter: { customerId?: number | undefined; from?: string | undefined; to?: string | undefined; limit?: number | undefined }) {
    return rows(
      and(
        filter.customerId === undefined ? undefined : eq(payments.customerId, filter.customerId),
        filter.from ? gte(payments.date, filter.from) : undefined,
        filter.to ? lte(payments.date, filter.to) : undefined,
      ),
      filter.limit ?? 1000,
    );
  }

  function find(id: number) {
    return rows(eq(payments.id, id), 1)[0];
  }

  return { insert, setConfirmed, remove, list, find };
}
export type PaymentRepository = ReturnType<typeof createPaymentRepository>;
