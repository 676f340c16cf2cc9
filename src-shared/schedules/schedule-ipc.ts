/**
 * Plain-data shapes of バッチスケジュール crossing IPC: a job as the list shows it (rule, next run,
 * last result), the form input, the scheduler state (一時停止の理由, 実行中) and the push events.
 * The rule part reuses scheduleRuleSchema so the form and main give the same Japanese messages.
 */
import { z } from 'zod';
import { scheduleRuleSchema } from './schedule-rule';

const id = z.number().int().positive();

/** ジョブ種別 (one today). */
export const JOB_TYPES = ['EC・売上取込処理'] as const;

export const PAUSE_REASONS = ['user', 'store-closed'] as const;
export const RUN_TRIGGERS = ['schedule', 'catch-up', 'manual'] as const;
export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'cancelled', 'skipped'] as const;

/** Form input of 新規 / 編集. */
export const scheduleJobInput = z
  .object({
    name: z
      .string({ error: 'ジョブ名を入力してください。' })
      .trim()
      .min(1, { error: 'ジョブ名を入力してください。' })
      .max(60, { error: 'ジョブ名は60文字以内で入力してください。' }),
    type: z.enum(JOB_TYPES, { error: 'ジョブ種別を選択してください。' }).default('EC・売上取込処理'),
    enabled: z.boolean({ error: '有効／無効を選択してください。' }),
  })
  .extend(scheduleRuleSchema.shape)
  .strict();
export type ScheduleJobInput = z.input<typeof scheduleJobInput>;

export const scheduleUpdateInput = scheduleJobInput.extend({ id }).strict();
export const scheduleIdInput = z.object({ id }).strict();

/** One recorded run (schedule_runs). */
export const scheduleRun = z.object({
  runId: id,
  jobId: id,
  trigger: z.enum(RUN_TRIGGERS),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  message: z.string().nullable(),
  /** import_runs ids of the 出荷取込処理 it ran (their システムログ) */
  importRunIds: z.array(z.number().int()),
});
export type ScheduleRunRow = z.infer<typeof scheduleRun>;

/** One row of the バッチスケジュール list. */
export const scheduleJob = z.object({
  id,
  name: z.string(),
  type: z.enum(JOB_TYPES),
  weekdays: scheduleRuleSchema.shape.weekdays,
  times: z.array(z.string()),
  skipHolidays: z.boolean(),
  enabled: z.boolean(),
  /** 「月・火・水・木・金 07:30, 19:00（祝日は休み）」 */
  description: z.string(),
  /** ISO-8601 +09:00, null when disabled or never */
  nextRunAt: z.string().nullable(),
  running: z.boolean(),
  lastRun: scheduleRun.nullable(),
});
export type ScheduleJobRow = z.infer<typeof scheduleJob>;

export const skippedSlot = z.object({ jobId: id, jobName: z.string(), atMs: z.number(), at: z.string() });
export type SkippedSlotRow = z.infer<typeof skippedSlot>;

/** Scheduler state for the screen and the tray. */
export const schedulerState = z.object({
  /** false in the CLI / tests and the harness without a scheduler: nothing runs by itself */
  active: z.boolean(),
  pausedBy: z.array(z.enum(PAUSE_REASONS)),
  runningJobIds: z.array(id),
  /** the next few runs over all enabled jobs */
  nextRuns: z.array(z.object({ jobId: id, jobName: z.string(), at: z.string() })),
  /** the last time a pause ended (再開 / 受付再開) and the slots that did not run during it */
  lastResume: z.object({ reason: z.enum(PAUSE_REASONS), at: z.string(), skipped: z.array(skippedSlot) }).nullable(),
});
export type SchedulerStateView = z.infer<typeof schedulerState>;

export const resumeResult = z.object({ skipped: z.array(skippedSlot), state: schedulerState });

/** 「ログイン時に起動」: supported only in the desktop app. */
export const loginItemState = z.object({ supported: z.boolean(), openAtLogin: z.boolean() });
export const loginItemInput = z.object({ openAtLogin: z.boolean() }).strict();

/** Push events of バッチスケジュール. */
export const scheduleEventDefs = {
  /** jobs, pause state or running set changed: the list and the tray refresh */
  'schedule:changed': z.object({ reason: z.string() }),
  /** a run ended (succeeded / failed) or a due slot was skipped */
  'schedule:ran': z.object({
    jobId: id,
    jobName: z.string(),
    runId: z.number().int().nullable(),
    trigger: z.enum(RUN_TRIGGERS),
    status: z.enum(['succeeded', 'failed', 'cancelled', 'skipped']),
    message: z.string(),
    importRunIds: z.array(z.number().int()),
  }),
};
