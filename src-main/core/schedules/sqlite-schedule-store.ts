/**
 * ScheduleStore on SQLite (schedule_jobs / schedule_runs), plus the job editing the screen and the
 * CLI need. Times in schedule_runs are ISO-8601 +09:00 like every other table; lastCheckedAt is
 * epoch ms (the scheduler's own bookkeeping). Every write is one synchronous statement or
 * transaction, so a crash never leaves half a job.
 *
 * Not stored (no column): the error code of a failed run — it is read back as IMPORT_FAILED
 * (INTERNAL for a run interrupted by the app closing); the Japanese message is kept exactly.
 */
import { parseJstTimestamp, toJstIso } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { ScheduleRunRow } from '../../../src-shared/schedules/schedule-ipc';
import type { SqliteDb } from '../db/open';
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

export interface SqliteScheduleStore extends ScheduleStore {
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

interface JobRow {
  id: number;
  name: string;
  job_type: string;
  weekdays: string;
  times: string;
  skip_holidays: number;
  enabled: number;
}

interface RunRow {
  id: number;
  job_id: number;
  trigger: string;
  status: ScheduleRunRow['status'];
  started_at: string;
  finished_at: string | null;
  import_run_ids: string;
  message: string | null;
}

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
    type: r.job_type as JobType,
    // validated by the scheduler on every load (a corrupt row is logged and ignored there)
    rule: { weekdays: jsonArray(r.weekdays) as Job['rule']['weekdays'], times: jsonArray(r.times) as string[], skipHolidays: r.skip_holidays === 1 },
    enabled: r.enabled === 1,
  };
}

function toRunRow(r: RunRow): ScheduleRunRow {
  return {
    runId: r.id,
    jobId: r.job_id,
    trigger: r.trigger as ScheduleRunRow['trigger'],
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    message: r.message,
    importRunIds: jsonArray(r.import_run_ids).filter((x): x is number => Number.isInteger(x)),
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
    startedAtMs: parseJstTimestamp(r.started_at) ?? 0,
    finishedAtMs: r.finished_at === null ? null : (parseJstTimestamp(r.finished_at) ?? 0),
    outcome,
  };
}

/** import_runs ids a runner put into the outcome's details. */
function importRunIdsOf(outcome: JobOutcome): number[] {
  const ids = outcome.details?.importRunIds;
  return Array.isArray(ids) ? ids.filter((x): x is number => Number.isInteger(x)) : [];
}

/** Creates the store over an open database (migrated: the tables exist). */
export function createSqliteScheduleStore(db: SqliteDb): SqliteScheduleStore {
  const selectJobs = db.prepare('select id, name, job_type, weekdays, times, skip_holidays, enabled from schedule_jobs order by id');
  const selectJob = db.prepare('select id, name, job_type, weekdays, times, skip_holidays, enabled from schedule_jobs where id = ?');
  // A skipped slot is history, not a run: the last result and the crash check look past it.
  const selectLastRun = db.prepare("select * from schedule_runs where job_id = ? and status != 'skipped' order by id desc limit 1");
  const selectRuns = db.prepare('select * from schedule_runs where job_id = ? order by id desc limit ?');
  const insertRun = db.prepare(
    'insert into schedule_runs (job_id, trigger, status, started_at, finished_at, message) values (?, ?, ?, ?, ?, ?)',
  );

  return {
    listJobs: () => (selectJobs.all() as JobRow[]).map(toJob),
    getJob(jobId) {
      const r = selectJob.get(jobId) as JobRow | undefined;
      return r ? toJob(r) : null;
    },
    getLastRun(jobId) {
      const r = selectLastRun.get(jobId) as RunRow | undefined;
      return r ? toLastRun(r) : null;
    },
    lastRunRow(jobId) {
      const r = selectLastRun.get(jobId) as RunRow | undefined;
      return r ? toRunRow(r) : null;
    },
    listRuns: (jobId, limit) => (selectRuns.all(jobId, limit) as RunRow[]).map(toRunRow),
    recordRunStart(jobId, trigger, atMs) {
      return Number(insertRun.run(jobId, trigger, 'running', toJstIso(atMs), null, null).lastInsertRowid);
    },
    recordRunEnd(runId, outcome, atMs) {
      const message = outcome.ok ? outcome.summary : outcome.error.message;
      const r = db
        .prepare('update schedule_runs set status = ?, finished_at = ?, message = ?, import_run_ids = ? where id = ?')
        .run(runStatusOf(outcome), toJstIso(atMs), message, JSON.stringify(importRunIdsOf(outcome)), runId);
      if (r.changes === 0) throw new Error(`unknown schedule run ${runId}`);
    },
    recordSkipped(jobId, trigger, atMs, message) {
      const at = toJstIso(atMs);
      return Number(insertRun.run(jobId, trigger, 'skipped', at, at, message).lastInsertRowid);
    },
    getLastCheckedAt(jobId) {
      const r = db.prepare('select last_checked_at as v from schedule_jobs where id = ?').get(jobId) as { v: number | null } | undefined;
      return r?.v ?? null;
    },
    setLastCheckedAt(jobId, atMs) {
      db.prepare('update schedule_jobs set last_checked_at = ? where id = ?').run(atMs, jobId);
    },
    createJob(d, atMs) {
      const now = toJstIso(atMs);
      return Number(
        db
          .prepare(
            `insert into schedule_jobs (name, job_type, weekdays, times, skip_holidays, enabled, last_checked_at, created_at, updated_at)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(d.name, d.type, JSON.stringify(d.weekdays), JSON.stringify(d.times), d.skipHolidays ? 1 : 0, d.enabled ? 1 : 0, atMs, now, now)
          .lastInsertRowid,
      );
    },
    updateJob(jobId, d, atMs) {
      // An edit starts the rule afresh: slots of the old rule before now are not "missed".
      const r = db
        .prepare(
          `update schedule_jobs set name = ?, job_type = ?, weekdays = ?, times = ?, skip_holidays = ?, enabled = ?, last_checked_at = ?, updated_at = ?
           where id = ?`,
        )
        .run(d.name, d.type, JSON.stringify(d.weekdays), JSON.stringify(d.times), d.skipHolidays ? 1 : 0, d.enabled ? 1 : 0, atMs, toJstIso(atMs), jobId);
      if (r.changes === 0) throw notFound();
    },
    deleteJob(jobId) {
      // schedule_runs go with it (ON DELETE CASCADE)
      const r = db.prepare('delete from schedule_jobs where id = ?').run(jobId);
      if (r.changes === 0) throw notFound();
    },
  };
}
