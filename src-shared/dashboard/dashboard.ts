/**
 * ホーム (ダッシュボード): what a clerk needs today, one small read per area so each area owns its
 * own tile data (在庫反映 and 売掛 add theirs beside these). Connection state, the next scheduled run
 * and 受付停止 come from their areas' existing channels (connection:state, schedules:list, app:info).
 */
import { z } from 'zod';

const count = z.number().int().min(0);

/** 初期設定 progress: a first run (nothing configured) shows the way to 初期設定 and the demo. */
export const dashboardSetup = z.object({
  departments: count,
  customers: count,
  warehouses: count,
  products: count,
  ecSettings: count,
  /** no EC連携設定 and no 部門 yet */
  firstRun: z.boolean(),
});
export type DashboardSetup = z.infer<typeof dashboardSetup>;

export const dashboardImportSetting = z.object({
  settingId: z.number().int(),
  name: z.string(),
  /** 出荷取込開始日 */
  cursor: z.string().nullable(),
  /** the cursor reached today: nothing older is waiting */
  caughtUp: z.boolean(),
  /** 出荷待ち: watched orders not fully shipped (partially / not yet) */
  waitingPartial: count,
  waitingNone: count,
  /** 要確認: orders with an error or warning in the last 出荷取込処理 */
  needsReview: count,
  lastRun: z
    .object({
      id: z.number().int(),
      status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
      finishedAt: z.string().nullable(),
      startedAt: z.string(),
      message: z.string().nullable(),
      shipments: count,
      invoices: count,
      errors: count,
    })
    .nullable(),
});
export const dashboardImport = z.object({ today: z.string(), settings: z.array(dashboardImportSetting) });
export type DashboardImport = z.infer<typeof dashboardImport>;

export const dashboardSales = z.object({
  /** 未確定 売上伝票 waiting for 確定 */
  drafts: count,
  /** this month (JST) so far, tax-excluded goods */
  month: z.string(),
  bcartNet: z.number().int(),
  wholesaleNet: z.number().int(),
});
export type DashboardSales = z.infer<typeof dashboardSales>;

/** 在庫: 在庫反映 counts over every EC連携設定 and, per 連携倉庫 setting, the last 在庫照合's drift. */
export const dashboardStock = z.object({
  pending: count,
  failed: count,
  ambiguous: count,
  reconcile: z.array(
    z.object({
      settingId: z.number().int(),
      name: z.string(),
      /** null: never reconciled */
      readAt: z.string().nullable(),
      /** sets compared whose stock BCart manages */
      checked: count,
      /** sets whose BCart stock differed from the expected one (nothing queued to explain it) */
      drifted: count,
    }),
  ),
});
export type DashboardStock = z.infer<typeof dashboardStock>;

const dueSum = z.object({ customers: count, amount: z.number().int() });

/** 売掛: open amounts due from today to this week's Sunday, and overdue ones (入金予定日 before today). */
export const dashboardReceivables = z.object({
  today: z.string(),
  /** the Sunday ending this week (weeks run Monday to Sunday) */
  weekEnd: z.string(),
  dueThisWeek: dueSum,
  overdue: dueSum,
});
export type DashboardReceivables = z.infer<typeof dashboardReceivables>;
