/**
 * The バッチスケジュール repository: the scheduler's ScheduleStore over schedule_jobs / schedule_runs,
 * plus the job editing the screen and the CLI need. Times in schedule_runs are ISO-8601 +09:00 like every other table; lastCheckedAt is
 * epoch ms (the scheduler's own bookkeeping). Every write is one synchronous statement or
 * transaction, so a crash never leaves half a job.
 *
 * Not stored (no column): the error code of a failed run — it is read back as IMPORT_FAILED
 * (INTERNAL for a run interrupted by the app closing); the Japanese message is kept exactly.
 */
import { parseJstTimestamp, toJstIso } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { ScheduleRunRow } from '../../../src-shared/schedules/schedule-ipc';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/db-handle';
import { scheduleJobs, scheduleRuns } from '../db/schema';
import { INTERRUPTED_OUTCOME } from './run-error';
import type { Job, JobOutcome, JobType, LastRun, RunTrigger, ScheduleStore } from './scheduler-types';

/** What 新規 / 編集 save (validated at the edge). */
export interface JobDraft {
  name: string;
  type: JobType;
  weekdays: Job['rule']['weekdays'];
  times: string[];
  skipHolidays: boolean;
  enabled: boolean;
}

export interface ScheduleRepository extends ScheduleStore {
  getJob(jobId: number): Job | null;
  /** returns the new job id; lastCheckedAt starts at `atMs` so nothing before creation counts as missed */
  createJob(draft: JobDraft, atMs: number): number;
  updateJob(jobId: number, draft: JobDraft, atMs: number): void;
  deleteJob(jobId: number): void;
  /** a due slot that did not run (the previous run was still going) */
  recordSkipped(jobId: number, trigger: RunTrigger, atMs: number, message: string): number;
  /** newest first, skipped slots included */
  listRuns(jobId: number, limit: number): ScheduleRunRow[];
  /** the last run that actually started (skipped slots excluded): 最終結果 */
  lastRunRow(jobId: number): ScheduleRunRow | null;
}

const JOB_COLUMNS = {
  id: scheduleJobs.id,
  name: scheduleJobs.name,
  jobType: scheduleJobs.jobType,
  weekdays: scheduleJobs.weekdays,
  times: scheduleJobs.times,
  skipHolidays: scheduleJobs.skipHolidays,
  enabled: scheduleJobs.enabled,
};
type JobRow = { [K in keyof typeof JOB_COLUMNS]: (typeof JOB_COLUMNS)[K]['_']['data'] };
type RunRow = typeof scheduleRuns.$inferSelect;

const notFound = (): AppError =>
  new AppError('NOT_FOUND', '指定されたスケジュールが見つかりません。画面を更新してから、もう一度お試しください。');

/** JSON columns written by this store; anything unreadable becomes [] so one bad row never stops the scheduler. */
function jsonArray(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    name: r.name,
    type: r.jobType as JobType,
    // validated by the scheduler on every load (a corrupt row is logged and ignored there)
    rule: { weekdays: jsonArray(r.weekdays) as Job['rule']['weekdays'], times: jsonArray(r.times) as string[], skipHolidays: r.skipHolidays },
    enabled: r.enabled,
  };
}

function toRunRow(r: RunRow): ScheduleRunRow {
  return {
    runId: r.id,
    jobId: r.jobId,
    trigger: r.trigger as ScheduleRunRow['trigger'],
    status: r.status,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    message: r.message,
    importRunIds: jsonArray(r.importRunIds).filter((x): x is number => Number.isInteger(x)),
  };
}

/** 中止 (an import stopped by 中止, the scheduler's signal or quitting) is kept apart from 失敗. */
function runStatusOf(outcome: JobOutcome): 'succeeded' | 'failed' | 'cancelled' {
  if (outcome.ok) return 'succeeded';
  return outcome.details?.['cancelled'] === true ? 'cancelled' : 'failed';
}

function toLastRun(r: RunRow): LastRun {
  const row = toRunRow(r);
  let outcome: JobOutcome | null = null;
  if (r.status === 'succeeded') outcome = { ok: true, summary: r.message ?? '' };
  else if (r.status === 'cancelled') outcome = { ok: false, error: { code: 'IMPORT_FAILED', message: r.message ?? '', retryable: true }, details: { cancelled: true } };
  else if (r.status === 'failed' || r.status === 'skipped') {
    outcome =
      !INTERRUPTED_OUTCOME.ok && r.message === INTERRUPTED_OUTCOME.error.message
        ? INTERRUPTED_OUTCOME
        : { ok: false, error: { code: 'IMPORT_FAILED', message: r.message ?? '', retryable: true } };
  }
  return {
    runId: row.runId,
    trigger: row.trigger,
    startedAtMs: parseJstTimestamp(r.startedAt) ?? 0,
    finishedAtMs: r.finishedAt === null ? null : (parseJstTimestamp(r.finishedAt) ?? 0),
    outcome,
  };
}

/** import_runs ids a runner put into the outcome's details. */
function importRunIdsOf(outcome: JobOutcome): number[] {
  const ids = outcome.details?.importRunIds;
  return Array.isArray(ids) ? ids.filter((x): x is number => Number.isInteger(x)) : [];
}

/** The repository over the core's database (migrated: the tables exist). */
export function createScheduleRepository(db: Db): ScheduleRepository {
  const { orm } = db;
  // A skipped slot is history, not a run: the last result and the crash check look past it.
  const lastRun = (jobId: number): RunRow | undefined =>
    orm.select().from(scheduleRuns).where(and(eq(scheduleRuns.jobId, jobId), ne(scheduleRuns.status, 'skipped'))).orderBy(desc(scheduleRuns.id)).limit(1).get();
  const insertRun = (jobId: number, trigger: RunTrigger, status: 'running' | 'skipped', startedAt: string, finishedAt: string | null, message: string | null): number =>
    orm.insert(scheduleRuns).values({ jobId, trigger, status, startedAt, finishedAt, message }).returning({ id: scheduleRuns.id }).get().id;
  const draftValues = (d: JobDraft) => ({
    name: d.name,
    jobType: d.type,
    weekdays: JSON.stringify(d.weekdays),
    times: JSON.stringify(d.times),
    skipHolidays: d.skipHolidays,
    enabled: d.enabled,
  });

  return {
    listJobs: () => orm.select(JOB_COLUMNS).from(scheduleJobs).orderBy(scheduleJobs.id).all().map(toJob),
    getJob(jobId) {
      const r = orm.select(JOB_COLUMNS).from(scheduleJobs).where(eq(scheduleJobs.id, jobId)).get();
      return r ? toJob(r) : null;
    },
    getLastRun(jobId) {
      const r = lastRun(jobId);
      return r ? toLastRun(r) : null;
    },
    lastRunRow(jobId) {
      const r = lastRun(jobId);
      return r ? toRunRow(r) : null;
    },
    listRuns: (jobId, limit) => orm.select().from(scheduleRuns).where(eq(scheduleRuns.jobId, jobId)).orderBy(desc(scheduleRuns.id)).limit(limit).all().map(toRunRow),
    recordRunStart: (jobId, trigger, atMs) => insertRun(jobId, trigger, 'running', toJstIso(atMs), null, null),
    recordRunEnd(runId, outcome, atMs) {
      const message = outcome.ok ? outcome.summary : outcome.error.message;
      const r = orm
        .update(scheduleRuns)
        .set({ status: runStatusOf(outcome), finishedAt: toJstIso(atMs), message, importRunIds: JSON.stringify(importRunIdsOf(outcome)) })
        .where(eq(scheduleRuns.id, runId))
        .run();
      if (r.changes === 0) throw new Error(`unknown schedule run ${runId}`);
    },
    recordSkipped(jobId, trigger, atMs, message) {
      const at = toJstIso(atMs);
      return insertRun(jobId, trigger, 'skipped', at, at, message);
    },
    getLastCheckedAt: (jobId) => orm.select({ v: scheduleJobs.lastCheckedAt }).from(scheduleJobs).where(eq(scheduleJobs.id, jobId)).get()?.v ?? null,
    setLastCheckedAt(jobId, atMs) {
      orm.update(scheduleJobs).set({ lastCheckedAt: atMs }).where(eq(scheduleJobs.id, jobId)).run();
    },
    createJob(d, atMs) {
      const now = toJstIso(atMs);
      return orm
        .insert(scheduleJobs)
        .values({ ...draftValues(d), lastCheckedAt: atMs, createdAt: now, updatedAt: now })
        .returning({ id: scheduleJobs.id })
        .get().id;
    },
    updateJob(jobId, d, atMs) {
      // An edit starts the rule afresh: slots of the old rule before now are not "missed".
      const r = orm
        .update(scheduleJobs)
        .set({ ...draftValues(d), lastCheckedAt: atMs, updatedAt: toJstIso(atMs) })
        .where(eq(scheduleJobs.id, jobId))
        .run();
      if (r.changes === 0) throw notFound();
    },
    deleteJob(jobId) {
      // schedule_runs go with it (ON DELETE CASCADE)
      const r = orm.delete(scheduleJobs).where(eq(scheduleJobs.id, jobId)).run();
      if (r.changes === 0) throw notFound();
    },
  };
}
