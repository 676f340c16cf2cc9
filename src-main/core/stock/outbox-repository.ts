/**
 * stock_outbox: the only writer of the 在庫反映 outbox. Changes are enqueued inside the 確定 /
 * 確定取消 transaction and merged into the product's waiting row; the pusher moves rows through
 * pending → sending → sent | pending (not applied, later) | failed | ambiguous | excluded.
 * A row in `sending` without stock_before was never sent; with it, its outcome must be read back.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { OutboxRowView, OutboxSource, OutboxStatus, PushCounts } from '../../../src-shared/stock/stock-push';
import { products, stockOutbox } from '../db/schema';
import type { OutboxChange } from './rules/outbox-changes';
import type { Db } from '../db/db-handle';
import { inIds } from '../db/in-ids';

export type OutboxRow = typeof stockOutbox.$inferSelect;

/** Statuses that still need the pusher or the clerk. */
export const OPEN_STATUSES: OutboxStatus[] = ['pending', 'sending', 'failed', 'ambiguous'];

const parseSources = (s: string): OutboxSource[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? (v as OutboxSource[]) : [];
  } catch {
    return [];
  }
};

export function createOutboxRepository(db: Db) {
  const orm = db.orm;
  const recordReadStmt = orm
    .update(stockOutbox)
    .set({
      setId: sql`${sql.placeholder('setId')}`,
      stockBefore: sql`${sql.placeholder('stockBefore')}`,
      readAt: sql`${sql.placeholder('readAt')}`,
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(eq(stockOutbox.id, sql.placeholder('id')))
    .prepare();
  const markSentStmt = orm
    .update(stockOutbox)
    .set({
      status: 'sent',
      stockAfter: sql`${sql.placeholder('stockAfter')}`,
      reason: sql`${sql.placeholder('reason')}`,
      sentAt: sql`${sql.placeholder('now')}`,
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(eq(stockOutbox.id, sql.placeholder('id')))
    .prepare();
  let insert: ReturnType<Db['sqlite']['prepare']> | null = null;
  const insertPending = () =>
    (insert ??= db.sqlite.prepare(
      `insert into stock_outbox (ec_setting_id, product_id, product_no, set_id, delta, status, sources, created_at, updated_at)
       values (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ));
  // one statement for any number of rows (the ids as one JSON parameter): a claim of more than 500
  // rows is atomic on its own, not a run of chunks a crash could stop half-way (docs/stock-rules.md)
  const update = (ids: readonly number[], set: SQLiteUpdateSetSource<typeof stockOutbox>) => {
    if (ids.length > 0) orm.update(stockOutbox).set(set).where(inIds(stockOutbox.id, ids)).run();
  };

  return {
    /**
     * Adds changes, merged into the product's waiting (unclaimed) row; call inside the caller's
     * transaction. Reads the waiting rows of all products at once and inserts the new ones with one
     * prepared statement: a slip of 1,000 products is one 確定 (bench/stock-push.bench.ts).
     */
    enqueue(changes: readonly OutboxChange[], source: Omit<OutboxSource, 'delta'>, now: string): number {
      for (const settingId of new Set(changes.map((c) => c.settingId))) {
        const mine = changes.filter((c) => c.settingId === settingId);
        const waiting = new Map<number, OutboxRow>();
        const ids = mine.map((c) => c.productId);
        for (let i = 0; i < ids.length; i += 500) {
          const rows = orm
            .select()
            .from(stockOutbox)
            .where(
              and(
                eq(stockOutbox.ecSettingId, settingId),
                eq(stockOutbox.status, 'pending'),
                inArray(stockOutbox.productId, ids.slice(i, i + 500)),
              ),
            )
            .orderBy(asc(stockOutbox.id))
            .all();
          for (const r of rows) if (!waiting.has(r.productId)) waiting.set(r.productId, r);
        }
        // one prepared statement run per new row (the hot path of bench/stock-push.bench.ts, see write in ledger-repository.ts)
        const ins = insertPending();
        for (const c of mine) {
          if (!waiting.has(c.productId))
            ins.run(c.settingId, c.productId, c.productNo, c.setId, c.delta, JSON.stringify([{ ...source, delta: c.delta }]), now, now);
        }
        for (const c of mine) {
          const w = waiting.get(c.productId);
          if (!w) continue;
          const delta = w.delta + c.delta;
          orm
            .update(stockOutbox)
            .set({
              delta,
              productNo: c.productNo,
              setId: c.setId ?? w.setId,
              sources: JSON.stringify([...parseSources(w.sources), { ...source, delta: c.delta }]),
              // changes that cancel each other out leave nothing to send
              ...(delta === 0
                ? { status: 'resolved' as const, reason: '確定と確定取消などで増減が相殺されたため、送信しませんでした。' }
                : {}),
              nextAttemptAt: null,
              updatedAt: now,
            })
            .where(eq(stockOutbox.id, w.id))
            .run();
        }
      }
      return changes.length;
    },

    /**
     * Pending rows of a setting that may be sent now, for at most `products` products (oldest first),
     * leaving out `skip` (rows already tried in this round).
     */
    due(settingId: number, nowIso: string, products = Number.MAX_SAFE_INTEGER, skip: readonly number[] = []): OutboxRow[] {
      const isDue = and(
        eq(stockOutbox.ecSettingId, settingId),
        eq(stockOutbox.status, 'pending'),
        or(isNull(stockOutbox.nextAttemptAt), lte(stockOutbox.nextAttemptAt, nowIso)),
        skip.length > 0 ? notInArray(stockOutbox.id, [...skip]) : undefined,
      );
      const first = orm
        .select({ productId: stockOutbox.productId })
        .from(stockOutbox)
        .where(isDue)
        .groupBy(stockOutbox.productId)
        .orderBy(sql`min(${stockOutbox.id})`)
        .limit(products)
        .all()
        .map((r) => r.productId);
      if (first.length === 0) return [];
      const rows: OutboxRow[] = [];
      for (let i = 0; i < first.length; i += 500) {
        rows.push(
          ...orm
            .select()
            .from(stockOutbox)
            .where(and(isDue, inArray(stockOutbox.productId, first.slice(i, i + 500))))
            .all(),
        );
      }
      return rows.sort((a, b) => a.id - b.id);
    },

    /** Rows left in `sending` (a crash, a lost lease, an unreadable outcome). */
    sending(settingId: number): OutboxRow[] {
      return orm
        .select()
        .from(stockOutbox)
        .where(and(eq(stockOutbox.ecSettingId, settingId), eq(stockOutbox.status, 'sending')))
        .orderBy(asc(stockOutbox.id))
        .all();
    },

    byIds(ids: readonly number[]): OutboxRow[] {
      return ids.length === 0
        ? []
        : orm
            .select()
            .from(stockOutbox)
            .where(inArray(stockOutbox.id, [...ids]))
            .orderBy(asc(stockOutbox.id))
            .all();
    },

    /** Claims rows for one send: status sending, a new claim id, one more attempt, nothing read yet. */
    claim(ids: readonly number[], claimId: string, now: string): void {
      update(ids, {
        status: 'sending',
        claimId,
        stockBefore: null,
        stockAfter: null,
        readAt: null,
        reason: null,
        attempts: sql`${stockOutbox.attempts} + 1`,
        updatedAt: now,
      });
    },

    /** Gives rows of a split batch their own claim (request) id before they are sent on their own. */
    reclaim(ids: readonly number[], claimId: string, now: string): void {
      update(ids, { claimId, updatedAt: now });
    },

    /** The stock read just before sending: from now on the rows may have been applied. */
    recordRead(ids: readonly number[], read: { setId: number; stockBefore: number; readAt: string }, now: string): void {
      for (const id of ids) recordReadStmt.run({ id, setId: read.setId, stockBefore: read.stockBefore, readAt: read.readAt, now });
    },

    /** The echo of a successful send (one prepared statement per row: 1,000 rows per slip are common). */
    markSent(ids: readonly number[], stockAfter: number | null, reason: string | null, now: string): void {
      for (const id of ids) markSentStmt.run({ id, stockAfter, reason, now });
    },

    set(
      ids: readonly number[],
      status: OutboxStatus,
      fields: {
        reason?: string | null;
        stockAfter?: number | null;
        nextAttemptAt?: string | null;
        setId?: number | null;
        sentAt?: string | null;
      },
      now: string,
    ): void {
      const clearRead = status === 'pending' ? { stockBefore: null, readAt: null } : {};
      update(ids, { status, ...fields, ...clearRead, updatedAt: now });
    },

    /** Settings with rows the pusher should look at now (due pending rows, or rows left sending). */
    settingsWithWork(nowIso: string): number[] {
      return orm
        .selectDistinct({ id: stockOutbox.ecSettingId })
        .from(stockOutbox)
        .where(
          or(
            eq(stockOutbox.status, 'sending'),
            and(eq(stockOutbox.status, 'pending'), or(isNull(stockOutbox.nextAttemptAt), lte(stockOutbox.nextAttemptAt, nowIso))),
          ),
        )
        .all()
        .map((r) => r.id);
    },

    /** Earliest backoff end of a pending row (ISO), for the pusher's timer. */
    nextAttemptAt(): string | null {
      const r = orm
        .select({ at: sql<string | null>`min(${stockOutbox.nextAttemptAt})` })
        .from(stockOutbox)
        .where(eq(stockOutbox.status, 'pending'))
        .get();
      return r?.at ?? null;
    },

    counts(settingId?: number): PushCounts {
      const rows = orm
        .select({ status: stockOutbox.status, n: count() })
        .from(stockOutbox)
        .where(settingId === undefined ? undefined : eq(stockOutbox.ecSettingId, settingId))
        .groupBy(stockOutbox.status)
        .all();
      const n = (s: OutboxStatus) => rows.find((r) => r.status === s)?.n ?? 0;
      return {
        pending: n('pending') + n('sending'),
        failed: n('failed'),
        ambiguous: n('ambiguous'),
        excluded: n('excluded'),
        sent: n('sent'),
      };
    },

    /** Per product of a setting: rows not sent yet (pending/sending) and ambiguous ones. */
    openByProduct(settingId: number): Map<number, { pending: number; ambiguous: number }> {
      const rows = orm
        .select({ productId: stockOutbox.productId, status: stockOutbox.status, n: count() })
        .from(stockOutbox)
        .where(and(eq(stockOutbox.ecSettingId, settingId), inArray(stockOutbox.status, ['pending', 'sending', 'ambiguous'])))
        .groupBy(stockOutbox.productId, stockOutbox.status)
        .all();
      const out = new Map<number, { pending: number; ambiguous: number }>();
      for (const r of rows) {
        const e = out.get(r.productId) ?? { pending: 0, ambiguous: 0 };
        if (r.status === 'ambiguous') e.ambiguous += r.n;
        else e.pending += r.n;
        out.set(r.productId, e);
      }
      return out;
    },

    list(input: { settingId?: number; statuses?: OutboxStatus[]; limit?: number }): OutboxRowView[] {
      const statuses = input.statuses && input.statuses.length > 0 ? input.statuses : OPEN_STATUSES;
      return orm
        .select({ row: stockOutbox, productCode: products.code, productName: products.name })
        .from(stockOutbox)
        .innerJoin(products, eq(products.id, stockOutbox.productId))
        .where(
          and(
            inArray(stockOutbox.status, statuses),
            input.settingId === undefined ? undefined : eq(stockOutbox.ecSettingId, input.settingId),
          ),
        )
        .orderBy(desc(stockOutbox.updatedAt), desc(stockOutbox.id))
        .limit(input.limit ?? 2000)
        .all()
        .map(({ row: r, productCode, productName }) => ({
          id: r.id,
          settingId: r.ecSettingId,
          productId: r.productId,
          productCode,
          productName,
          productNo: r.productNo,
          setId: r.setId,
          delta: r.delta,
          status: r.status,
          reason: r.reason,
          attempts: r.attempts,
          stockBefore: r.stockBefore,
          stockAfter: r.stockAfter,
          sources: parseSources(r.sources),
          nextAttemptAt: r.nextAttemptAt,
          sentAt: r.sentAt,
          updatedAt: r.updatedAt,
        }));
    },

    /** 再送: failed / 対象外 rows back to pending at once; returns how many changed. */
    retry(ids: readonly number[], now: string): number {
      const rows = this.byIds(ids).filter((r) => r.status === 'failed' || r.status === 'excluded');
      update(
        rows.map((r) => r.id),
        { status: 'pending', nextAttemptAt: null, reason: null, stockBefore: null, readAt: null, updatedAt: now },
      );
      return rows.length;
    },

    /** 確認済にする: ambiguous rows the clerk checked in BCart are closed with the reason given. */
    dismiss(ids: readonly number[], reason: string, now: string): number {
      const rows = this.byIds(ids).filter((r) => r.status === 'ambiguous');
      update(
        rows.map((r) => r.id),
        { status: 'resolved', reason, updatedAt: now },
      );
      return rows.length;
    },

    /** Rows of a setting and products in the given statuses. */
    ofProducts(settingId: number, productIds: readonly number[], statuses: OutboxStatus[]): OutboxRow[] {
      if (productIds.length === 0) return [];
      return orm
        .select()
        .from(stockOutbox)
        .where(
          and(
            eq(stockOutbox.ecSettingId, settingId),
            inArray(stockOutbox.productId, [...productIds]),
            inArray(stockOutbox.status, statuses),
          ),
        )
        .all();
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
