/**
 * 在庫照合 and 在庫移行 rows. For each linked set: local stock of the 連携倉庫, "not yet imported"
 * (order lines BCart has already taken off its stock but no imported 出荷伝票 holds yet), expected
 * BCart stock = local − not yet imported, BCart's stock and the drift = BCart − expected.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const settingInput = z.object({ settingId: id.optional() }).strict().optional();

export const reconcileInput = settingInput;

export const reconcileRow = z.object({
  productId: id,
  productCode: z.string(),
  productName: z.string(),
  setId: z.number().int(),
  productNo: z.string(),
  local: z.number().int(),
  unimported: z.number().int(),
  expected: z.number().int(),
  /** null: BCart does not manage this set's stock (対象外) */
  bcart: z.number().int().nullable(),
  drift: z.number().int().nullable(),
  /** outbox items of this product not sent yet: a correction would count them twice */
  pending: z.number().int(),
  /** ambiguous outbox items of this product, resolved by a correction */
  ambiguous: z.number().int(),
});
export type ReconcileRow = z.infer<typeof reconcileRow>;

export const reconcileResult = z.object({
  settingId: id,
  rows: z.array(reconcileRow),
  /** the first 出荷取込開始日: orders from this 受注日 count as not yet imported */
  since: z.string(),
  /** the pending push could not be sent first (another process pushes, or BCart failed): rows with pending > 0 */
  pushLeftPending: z.boolean(),
  readAt: z.string(),
});
export type ReconcileResult = z.infer<typeof reconcileResult>;

export const correctInput = z.object({ settingId: id, productIds: z.array(id).min(1).max(100_000) }).strict();
export const correctResult = z.object({
  /** corrections queued and pushed (relative: expected − BCart as read just before) */
  corrected: z.array(z.object({ productId: id, setId: z.number().int(), delta: z.number().int() })),
  /** products skipped, with the reason */
  skipped: z.array(z.object({ productId: id, reason: z.string() })),
  /** ambiguous items closed because the set was checked */
  resolved: z.number().int(),
});

export const migrationRow = z.object({
  productId: id,
  productCode: z.string(),
  productName: z.string(),
  setId: z.number().int(),
  productNo: z.string(),
  bcart: z.number().int(),
  unimported: z.number().int(),
  /** BCart + not yet imported */
  target: z.number().int(),
  current: z.number().int(),
  /** target − current: the opening ledger row */
  opening: z.number().int(),
});
export type MigrationRow = z.infer<typeof migrationRow>;

export const migrationPreview = z.object({
  settingId: id,
  warehouseCode: z.string(),
  since: z.string(),
  rows: z.array(migrationRow),
  /** set when 在庫移行 was applied already (a second apply is refused) */
  appliedAt: z.string().nullable(),
});
export type MigrationPreview = z.infer<typeof migrationPreview>;

export const migrationApplyResult = z.object({ settingId: id, rows: z.number().int(), appliedAt: z.string() });
export const migrationInput = z.object({ settingId: id }).strict();
