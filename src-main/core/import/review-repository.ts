/**
 * 要確認 list of 出荷取込処理 (import_reviews; docs/import-rules.md#review-list). Rows are opened
 * by the import's write transaction, once per order and reason; a clerk settles them by creating
 * the 請求伝票 of the shipped part or by dismissing them with a note.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import type { ReviewRow } from '../../../src-shared/import/import-review';
import type { Db } from '../db/db-handle';
import { ecSettings, importReviews } from '../db/schema';
import type { ReviewDraft } from './mapping';

const CHUNK = 500;

const ROW = {
  id: importReviews.id,
  settingId: importReviews.ecSettingId,
  settingName: ecSettings.name,
  orderId: importReviews.bcartOrderId,
  orderCode: importReviews.bcartOrderCode,
  reason: importReviews.reason,
  message: importReviews.message,
  since: importReviews.since,
  resolution: importReviews.resolution,
  resolutionNote: importReviews.resolutionNote,
  resolvedAt: importReviews.resolvedAt,
  invoiceId: importReviews.invoiceId,
};

export interface ReviewResolution {
  resolution: 'invoiced' | 'dismissed';
  note: string | null;
  invoiceId: number | null;
  now: string;
}

export function createReviewRepository(db: Db) {
  const { orm } = db;
  const select = () => orm.select(ROW).from(importReviews).innerJoin(ecSettings, eq(ecSettings.id, importReviews.ecSettingId));

  return {
    /** Opens the plan's reviews inside the import's write transaction; an order and reason seen before (open or settled) is left as it is. */
    open(settingId: number, runId: number, drafts: readonly ReviewDraft[], now: string): void {
      for (let i = 0; i < drafts.length; i += CHUNK) {
        orm
          .insert(importReviews)
          .values(
            drafts.slice(i, i + CHUNK).map((d) => ({ ecSettingId: settingId, bcartOrderId: d.orderId, bcartOrderCode: d.orderCode, reason: d.reason, message: d.message, since: now, runId })),
          )
          .onConflictDoNothing()
          .run();
      }
    },
    /** Open reviews (and settled ones on request), oldest first. */
    list: (q: { includeResolved?: boolean } = {}): ReviewRow[] =>
      select()
        .where(q.includeResolved ? undefined : isNull(importReviews.resolution))
        .orderBy(asc(importReviews.since), asc(importReviews.id))
        .all() as ReviewRow[],
    /** Number of open reviews (the dashboard's count). */
    countOpen: (): number => orm.select({ n: count() }).from(importReviews).where(isNull(importReviews.resolution)).get()?.n ?? 0,
    /** One review; NOT_FOUND when absent. */
    get(id: number): ReviewRow {
      const r = select().where(eq(importReviews.id, id)).get() as ReviewRow | undefined;
      if (!r) throw new AppError('NOT_FOUND', `要確認 (ID ${id}) が見つかりません。一覧を更新してください。`);
      return r;
    },
    /** Open reviews of one order of one setting (CLI: SETTINGID:ORDERCODE). */
    openOfOrder: (settingId: number | null, orderCode: string): ReviewRow[] =>
      select()
        .where(and(isNull(importReviews.resolution), eq(importReviews.bcartOrderCode, orderCode), settingId === null ? undefined : eq(importReviews.ecSettingId, settingId)))
        .orderBy(asc(importReviews.id))
        .all() as ReviewRow[],
    /** Settles an open review; false when it was already settled (by another window or process). */
    resolve(id: number, r: ReviewResolution): boolean {
      return (
        orm
          .update(importReviews)
          .set({ resolution: r.resolution, resolutionNote: r.note, invoiceId: r.invoiceId, resolvedAt: r.now })
          .where(and(eq(importReviews.id, id), isNull(importReviews.resolution)))
          .run().changes === 1
      );
    },
  };
}

export type ReviewRepository = ReturnType<typeof createReviewRepository>;
