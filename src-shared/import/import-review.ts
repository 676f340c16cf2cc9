/**
 * 要確認 (review list) of 出荷取込処理: orders a clerk must look at (docs/import-rules.md#review-list).
 * Plain data crossing IPC and the CLI.
 */
import { z } from 'zod';

const id = z.number().int().positive();

/**
 * Why an order is on the list:
 * - RATE_TOTAL_MISMATCH: the invoice was booked with BCart's per-rate figures, but the lines of a
 *   rate do not add up to them; the clerk checks the order in BCart and dismisses it.
 * - CANCELLED_AFTER_PARTIAL_SHIPMENT: the order was cancelled after part of it shipped; the clerk
 *   creates the 請求伝票 for the shipped part, or dismisses it with a reason.
 */
export const REVIEW_REASONS = ['RATE_TOTAL_MISMATCH', 'CANCELLED_AFTER_PARTIAL_SHIPMENT'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  RATE_TOTAL_MISMATCH: '税率別合計の不一致',
  CANCELLED_AFTER_PARTIAL_SHIPMENT: '一部発送後のキャンセル',
};

export const reviewRow = z.object({
  id,
  settingId: id,
  settingName: z.string(),
  orderId: z.number().int(),
  orderCode: z.string(),
  reason: z.enum(REVIEW_REASONS),
  message: z.string(),
  /** ISO-8601 +09:00 */
  since: z.string(),
  resolution: z.enum(['invoiced', 'dismissed']).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  invoiceId: z.number().int().nullable(),
});
export type ReviewRow = z.infer<typeof reviewRow>;

export const reviewListInput = z.object({ includeResolved: z.boolean().optional() }).strict();

export const reviewDismissInput = z
  .object({
    id,
    note: z.string().trim().min(1, '確認済みにする理由を入力してください。').max(500, '理由は500文字以内で入力してください。'),
  })
  .strict();

/** What the CLI prints for review:list --json (a contract: keep the keys). */
export interface ReviewListJsonRow {
  orderCode: string;
  settingId: number;
  reason: ReviewReason;
  since: string;
}
