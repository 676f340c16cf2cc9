/** バッチスケジュール: jobs and their runs (docs/glossary.md#schedules-app-state-and-logs). */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns';

export const scheduleJobs = sqliteTable('schedule_jobs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** 'EC・売上取込処理' */
  jobType: text('job_type').notNull(),
  /** JSON array of 'mon'..'sun' */
  weekdays: text('weekdays').notNull(),
  /** JSON array of 'HH:MM' (JST) */
  times: text('times').notNull(),
  skipHolidays: integer('skip_holidays', { mode: 'boolean' }).notNull().default(true),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** epoch ms up to which due slots have been handled (catch-up after sleep / closed app) */
  lastCheckedAt: integer('last_checked_at'),
  ...timestamps,
});

export const scheduleRuns = sqliteTable(
  'schedule_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => scheduleJobs.id, { onDelete: 'cascade' }),
    /** schedule / catch-up / manual */
    trigger: text('trigger').notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed', 'cancelled', 'skipped'] }).notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    /** JSON array of import_runs ids */
    importRunIds: text('import_run_ids').notNull().default('[]'),
    message: text('message'),
  },
  (t) => [index('schedule_runs_job').on(t.jobId, t.id)],
);
