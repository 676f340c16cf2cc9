/**
 * 定期申込 and the one-time 消費税自動更新 (docs/tax-rules.md#re-rating-in-the-tax-update), plus 受付停止 / 受付再開.
 * File bytes travel as base64 strings (plain data across IPC).
 */
import { z } from 'zod';
import { csvEncodingSchema, csvReadEncodingSchema } from '../../csv/csv-encoding';
import { csvDownload, csvUploadFields } from '../../csv/csv-file';
import { subscriptionApplicationSchema, subscriptionListInput, subscriptionListRow } from '../../subscriptions/subscription-schema';
import { channel, noInput } from '../define';

const rounding = z.enum(['floor', 'ceil', 'round'], { error: '算出設定は「切り捨て」「切り上げ」「四捨五入」から選んでください。' });
const eventId = z.string().trim().min(1, { error: '税率改定を選んでください。' }).max(60);

export const storeState = z.object({ storeClosed: z.boolean() });

export const rateChangeEventSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1, { error: 'IDを入力してください。' })
      .max(60)
      .regex(/^[A-Za-z0-9_.-]+$/, { error: 'IDは半角英数字と「_」「-」「.」で入力してください。' }),
    label: z.string().trim().min(1, { error: '名称を入力してください。' }).max(100),
    effectiveDate: z.string(),
    oldStandard: z.number().int(),
    newStandard: z.number().int(),
    oldReduced: z.number().int(),
    newReduced: z.number().int(),
  })
  .strict();

export const rateChangeEventRow = rateChangeEventSchema.extend({
  /** the one-time run of this event, when it was executed */
  run: z.object({ id: z.number().int(), executedAt: z.string(), restoredAt: z.string().nullable() }).nullable(),
});

const salePrices = z.object({ first: z.number().int(), regular: z.number().int(), last: z.number().int() });

export const planChangeSchema = z.object({
  applicationCode: z.string(),
  productCode: z.string(),
  variation: z.string(),
  field: z.enum(['firstPrice', 'regularPrice', 'lastPrice', 'optionPrice', 'taxRateType', 'standardRate', 'reducedRate']),
  optionName: z.string().optional(),
  itemIndex: z.number().int(),
  optionIndex: z.number().int().optional(),
  old: z.union([z.string(), z.number()]),
  new: z.union([z.string(), z.number()]),
});

export const previewInput = z
  .object({
    eventId,
    rounding,
    offset: z.number().int().min(0).optional(),
    /** changes per page (default 1,000) */
    limit: z.number().int().min(1).max(200_000).optional(),
  })
  .strict();

export const previewOutput = z.object({
  eventId: z.string(),
  rounding,
  targets: z.number().int(),
  changedApplications: z.number().int(),
  changedPrices: z.number().int(),
  totals: z.object({ before: salePrices, after: salePrices }),
  /** identifies this exact plan; apply refuses when the data changed since (preview again) */
  planHash: z.string(),
  changeCount: z.number().int(),
  offset: z.number().int(),
  changes: z.array(planChangeSchema),
  /** sale prices before → after of the applications that appear in `changes` */
  salePrices: z.array(z.object({ applicationCode: z.string(), before: salePrices, after: salePrices })),
});

export const applyInput = z
  .object({
    eventId,
    rounding,
    /** the checklist ids the user ticked (src-shared/tax-update/checklist.ts) */
    checked: z.array(z.string().max(60)).max(50),
    /** 「上記を理解の上、実行します。」 */
    understood: z.boolean(),
    /** planHash of the preview the user saw */
    planHash: z.string().min(1).max(128),
  })
  .strict();

export const runSummary = z.object({
  id: z.number().int(),
  eventId: z.string(),
  eventLabel: z.string(),
  rounding,
  targets: z.number().int(),
  changedApplications: z.number().int(),
  changedPrices: z.number().int(),
  changeCount: z.number().int(),
  backupFile: z.string().nullable(),
  executedAt: z.string(),
  restoredAt: z.string().nullable(),
});

export const adminLogRow = z.object({ id: z.number().int(), action: z.string(), message: z.string(), createdAt: z.string() });

export const runChangeRow = z.object({
  applicationCode: z.string(),
  productCode: z.string(),
  variation: z.string(),
  field: z.string(),
  optionName: z.string().nullable(),
  oldValue: z.string(),
  newValue: z.string(),
});

const importResult = z.object({
  applications: z.number().int(),
  items: z.number().int(),
  options: z.number().int(),
  encoding: csvEncodingSchema,
});

export const taxUpdateChannelDefs = {
  /** 受付停止: imports, schedules and edits of products and applications are refused until 受付再開 */
  'store:close': channel(noInput, storeState),
  /** 受付再開 */
  'store:open': channel(noInput, storeState),
  /** 定期申込 list with filters (状態, rates, search) for the virtualized list */
  'subscriptions:list': channel(subscriptionListInput, z.object({ rows: z.array(subscriptionListRow), total: z.number().int() })),
  /** one application with items and options; NOT_FOUND when the code is unknown */
  'subscriptions:get': channel(z.object({ code: z.string().min(1).max(40) }).strict(), subscriptionApplicationSchema),
  /** creates (create: true) or updates one application; STORE_CLOSED while 受付停止 */
  'subscriptions:save': channel(
    z.object({ create: z.boolean(), application: subscriptionApplicationSchema }).strict(),
    subscriptionApplicationSchema,
  ),
  /** deletes one application with its items and options; STORE_CLOSED while 受付停止, NOT_FOUND when the code is unknown */
  'subscriptions:delete': channel(z.object({ code: z.string().min(1).max(40) }).strict(), z.object({ code: z.string() })),
  /** replaces ALL applications by the file's (one transaction; an invalid file writes nothing; CSV_INVALID by row/column) */
  'subscriptions:import': channel(
    z
      .object({ ...csvUploadFields, encoding: csvReadEncodingSchema.optional() })
      .strict(),
    importResult,
  ),
  /** every application (or only the targets of `eventId`: the backup before the update) as CSV */
  'subscriptions:export': channel(z.object({ encoding: csvEncodingSchema, targetsOf: eventId.optional() }).strict(), csvDownload),
  /** rate-change events (the 2019 preset is seeded on first use) with their one-time run */
  'taxUpdate:events': channel(noInput, z.array(rateChangeEventRow)),
  /** adds a later rate-change event (e.g. a reduced-rate cut); VALIDATION / CONFLICT */
  'taxUpdate:addEvent': channel(rateChangeEventSchema, rateChangeEventRow),
  /** the plan (= preview): counts, totals, planHash and a page of changes */
  'taxUpdate:preview': channel(previewInput, previewOutput),
  /** the preview's changes as CSV */
  'taxUpdate:previewCsv': channel(z.object({ eventId, rounding, encoding: csvEncodingSchema }).strict(), csvDownload),
  /** runs the update once: STORE_NOT_CLOSED, CHECKLIST_INCOMPLETE, ALREADY_APPLIED, CONFLICT (preview again) */
  'taxUpdate:apply': channel(applyInput, runSummary),
  /** 処理履歴 with counts and backup files, and the 管理者ログ */
  'taxUpdate:history': channel(noInput, z.object({ runs: z.array(runSummary), adminLogs: z.array(adminLogRow) })),
  /** a page of one run's change list */
  'taxUpdate:changes': channel(
    z.object({ runId: z.number().int().positive(), offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(200_000).optional() }).strict(),
    z.object({ total: z.number().int(), rows: z.array(runChangeRow) }),
  ),
  /** puts the applications back as they were in the automatic backup taken before the run */
  'taxUpdate:restore': channel(
    z.object({ runId: z.number().int().positive(), confirm: z.literal(true, { error: '復元するには確認が必要です。' }) }).strict(),
    runSummary,
  ),
};
