/**
 * The batch scheduler's data and its storage port. All plain data, so events and snapshots can
 * cross IPC unchanged. The SQLite implementation of ScheduleStore lives with the database code.
 */
import type { AppErrorData } from '../../../src-shared/errors';
import type { ScheduleRule } from '../../../src-shared/schedules/schedule-rule';

/** ジョブ種別. 'EC・売上取込処理' runs 出荷取込処理 for each EC連携設定. */
export type JobType = 'EC・売上取込処理';

/** A batch schedule entry (バッチスケジュール). */
export interface Job {
  id: number;
  name: string;
  type: JobType;
  rule: ScheduleRule;
  enabled: boolean;
}

/** Why a run started: its scheduled time, a missed time noticed late (sleep / app closed), or 今すぐ取込. */
export type RunTrigger = 'schedule' | 'catch-up' | 'manual';

/**
 * Where a 今すぐ実行 ('manual' run) was asked for: the バッチスケジュール screen or the tray's
 * 今すぐ取込. The schedule history shows both as 今すぐ実行; the job passes it on (import runs record 'tray').
 */
export type RunNowSource = 'screen' | 'tray';

/** Result of one run. `summary` is Japanese (shown in 最終結果 and the history). */
export type JobOutcome =
  { ok: true; summary: string; details?: Record<string, unknown> } | { ok: false; error: AppErrorData; details?: Record<string, unknown> };

/** The latest recorded run of a job (finishedAtMs null = never ended, e.g. the app was killed). */
export interface LastRun {
  runId: number;
  trigger: RunTrigger;
  startedAtMs: number;
  finishedAtMs: number | null;
  outcome: JobOutcome | null;
}

/**
 * Storage port (implemented on SQLite by the app, in memory by tests and the CLI). Synchronous
 * like better-sqlite3. `lastCheckedAt` is the instant up to which a job's slots have been handled
 * (run, skipped or deliberately passed over); everything after it that is due counts as missed.
 */
export interface ScheduleStore {
  listJobs(): Job[];
  getLastRun(jobId: number): LastRun | null;
  /** returns the new run id */
  recordRunStart(jobId: number, trigger: RunTrigger, atMs: number): number;
  recordRunEnd(runId: number, outcome: JobOutcome, atMs: number): void;
  getLastCheckedAt(jobId: number): number | null;
  setLastCheckedAt(jobId: number, atMs: number): void;
}

/** 'user' = 一時停止 button; 'store-closed' = 受付停止 mode (tax update). */
export type PauseReason = 'user' | 'store-closed';

/** A scheduled time that did not run because the scheduler was paused (一時停止中に実行されなかった予定). */
export interface SkippedSlot {
  jobId: number;
  jobName: string;
  atMs: number;
  /** '2026-11-26T07:30:00+09:00' */
  at: string;
}

/** One upcoming run, for 次回実行 displays. */
export interface UpcomingRun {
  jobId: number;
  jobName: string;
  atMs: number;
  at: string;
}

interface RunRef {
  jobId: number;
  jobName: string;
  trigger: RunTrigger;
  atMs: number;
}

/** Pushed to the UI (and the tray). Every run ends with exactly one 'finished' or 'failed'. */
export type SchedulerEvent =
  | (RunRef & { type: 'started'; runId: number; /** earlier slots folded into this run */ missedSlots: number })
  | (RunRef & { type: 'finished'; runId: number; outcome: JobOutcome & { ok: true } })
  | (RunRef & { type: 'failed'; runId: number | null; outcome: JobOutcome & { ok: false } })
  | (RunRef & { type: 'skipped'; slotMs: number; reason: 'already-running' | 'paused' })
  | { type: 'paused'; reason: PauseReason; atMs: number }
  /** skipped is filled only when no pause reason is left (stillPausedBy empty) */
  | { type: 'resumed'; reason: PauseReason; atMs: number; stillPausedBy: PauseReason[]; skipped: SkippedSlot[] };
