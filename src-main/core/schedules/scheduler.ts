/**
 * The batch scheduler (バッチスケジュール, docs/glossary.md#schedules-app-state-and-logs). Invariants it owns:
 * - no two runs of the same job overlap (a slot due while the job runs is skipped and reported);
 * - a slot missed while the PC slept or the app was closed runs ONCE when noticed ('catch-up'),
 *   however many slots were missed; "missed" = due after the persisted lastCheckedAt;
 * - while paused nothing runs; the slots passed over are collected for the UI;
 * - one failing job never stops the others; every run start and end is recorded.
 * Timers are chunked to at most MAX_TIMER_DELAY_MS because timers may not advance while the PC
 * sleeps (monotonic clocks pause); every tick compares the wall clock with the due slots.
 */
import { AppError } from '../../../src-shared/errors';
import { formatJst } from '../../../src-shared/schedules/format-jst';
import { nextRunTimes, slotsBetween, type IsHoliday } from '../../../src-shared/schedules/next-run-times';
import { scheduleRuleSchema } from '../../../src-shared/schedules/schedule-rule';
import type { Clock, Logger, Timers } from '../ports';
import { INTERRUPTED_OUTCOME, isJobOutcome, toRunErrorData } from './run-error';
import type { Job, JobOutcome, PauseReason, RunNowSource, RunTrigger, ScheduleStore, SchedulerEvent, SkippedSlot, UpcomingRun } from './scheduler-types';

/** Longest single timer; also how soon a wake from sleep is noticed. */
export const MAX_TIMER_DELAY_MS = 60_000;
/** A slot noticed within this long after its time ran on schedule; later it is a catch-up. */
export const ON_TIME_TOLERANCE_MS = 2 * 60_000;
/** Missed slots older than this are not enumerated (one catch-up runs anyway). */
export const MAX_LOOKBACK_MS = 31 * 24 * 60 * 60_000;
/** The 一時停止 list keeps the most recent entries only. */
export const MAX_SKIPPED_SLOTS = 200;
const CLOCK_JUMP_LOG_MS = 5_000;

export interface SchedulerDeps {
  clock: Clock;
  timers: Timers;
  logger: Logger;
  isHoliday: IsHoliday;
  store: ScheduleStore;
  /**
   * Runs the job; should honour `signal` (aborted by stop()). May throw or resolve an error outcome.
   * `source` is set for a runNow run only.
   */
  runJob: (job: Job, trigger: RunTrigger, signal: AbortSignal, source?: RunNowSource) => Promise<JobOutcome>;
  onEvent?: (e: SchedulerEvent) => void;
}

export interface Scheduler {
  /** Closes runs left open by a crash, runs at most one catch-up per job, then arms the timer. */
  start(): void;
  /** Clears the timer and aborts running jobs (await whenIdle() for them to settle). */
  stop(): void;
  /** Call after a job was added, edited, enabled or disabled: re-checks now and re-arms. */
  refresh(): void;
  /** Nothing runs while any reason holds. Call before start() to restore a persisted pause. */
  pause(reason: PauseReason): void;
  /**
   * Removes one reason. When no reason is left, returns the slots passed over while paused
   * (and forgets them); otherwise []. Never runs them all: with catchUp, each job that missed a
   * slot runs once ('catch-up'), as after a sleep; without it, nothing runs now.
   */
  resume(reason: PauseReason, opts?: { catchUp?: boolean }): SkippedSlot[];
  isPausedBy(reason: PauseReason): boolean;
  pausedBy(): PauseReason[];
  /**
   * 今すぐ取込: starts the job now (also when its schedule is disabled) and returns the run id;
   * completion arrives as an event. Throws NOT_FOUND, ALREADY_RUNNING, STORE_CLOSED (受付停止中) or VALIDATION (一時停止中).
   * `source` (default 'screen') reaches runJob.
   */
  runNow(jobId: number, source?: RunNowSource): number;
  /** Next scheduled run of an enabled job, or null (disabled, unknown, or no slot). */
  nextRun(jobId: number): UpcomingRun | null;
  /** The next `count` runs over all enabled jobs, soonest first. */
  nextRuns(count: number): UpcomingRun[];
  runningJobIds(): number[];
  /** Resolves when no run is in progress (after stop(), as soon as the jobs honour their abort signal). */
  whenIdle(): Promise<void>;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
}

/** Creates a scheduler; nothing happens until start(). */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, timers, store, isHoliday } = deps;
  const log = deps.logger.child('scheduler');
  const running = new Map<number, ActiveRun>();
  const pauseReasons = new Set<PauseReason>();
  let skippedWhilePaused: SkippedSlot[] = [];
  const reportedInvalid = new Set<number>();
  let started = false;
  let timer: unknown = undefined;
  let expectedFireAt = 0;

  function emit(e: SchedulerEvent): void {
    try {
      deps.onEvent?.(e);
    } catch (err) {
      log.error('スケジューラのイベント通知でエラーが発生しました', { err: String(err), type: e.type });
    }
  }

  /** Jobs whose rule is valid; a corrupt row is logged and ignored rather than stopping the rest. */
  function loadJobs(): Job[] {
    return store.listJobs().filter((job) => {
      const ok = scheduleRuleSchema.safeParse(job.rule).success;
      if (!ok && !reportedInvalid.has(job.id)) {
        reportedInvalid.add(job.id); // once, not on every one-minute tick
        log.error('実行条件が不正なジョブを無視しました', { jobId: job.id, name: job.name });
      }
      if (ok) reportedInvalid.delete(job.id);
      return ok;
    });
  }

  function upcoming(job: Job, fromMs: number, count: number): UpcomingRun[] {
    return nextRunTimes(job.rule, fromMs, count, isHoliday).map((atMs) => ({
      jobId: job.id,
      jobName: job.name,
      atMs,
      at: formatJst(atMs),
    }));
  }

  function execute(job: Job, trigger: RunTrigger, missedSlots: number, source?: RunNowSource): number {
    const startedAt = clock.now();
    const runId = store.recordRunStart(job.id, trigger, startedAt);
    const controller = new AbortController();
    const ref = { jobId: job.id, jobName: job.name, trigger };
    // Registered before anything else can happen (a listener calling runNow, a job that throws
    // synchronously), so the no-overlap check and the clean-up always see this run.
    const active: ActiveRun = { controller, done: Promise.resolve() };
    running.set(job.id, active);
    log.info('ジョブを開始しました', { ...ref, runId, missedSlots });
    emit({ type: 'started', ...ref, atMs: startedAt, runId, missedSlots });
    active.done = (async (): Promise<void> => {
      let outcome: JobOutcome;
      try {
        const result: unknown = await deps.runJob(job, trigger, controller.signal, source);
        outcome = isJobOutcome(result) ? result : { ok: false, error: toRunErrorData(new Error('runJob returned no outcome'), job.name) };
      } catch (err) {
        log.error('ジョブが例外で終了しました', { ...ref, runId, err: err instanceof Error ? err.stack : String(err) });
        outcome = { ok: false, error: toRunErrorData(err, job.name) };
      }
      const endedAt = clock.now();
      try {
        store.recordRunEnd(runId, outcome, endedAt);
      } catch (err) {
        log.error('実行結果を記録できませんでした', { ...ref, runId, err: String(err) });
      }
      running.delete(job.id);
      if (outcome.ok) {
        log.info('ジョブが完了しました', { ...ref, runId });
        emit({ type: 'finished', ...ref, atMs: endedAt, runId, outcome });
      } else {
        log.warn('ジョブが失敗しました', { ...ref, runId, code: outcome.error.code });
        emit({ type: 'failed', ...ref, atMs: endedAt, runId, outcome });
      }
    })();
    return runId;
  }

  /** Starts a run unless the job is already running (then reports the skip). Never throws. */
  function startOrSkip(job: Job, trigger: RunTrigger, slotMs: number, missedSlots: number): void {
    const now = clock.now();
    if (running.has(job.id)) {
      log.warn('前回の実行が終わっていないため、今回の実行をスキップしました', { jobId: job.id, slot: formatJst(slotMs) });
      emit({ type: 'skipped', jobId: job.id, jobName: job.name, trigger, atMs: now, slotMs, reason: 'already-running' });
      return;
    }
    try {
      execute(job, trigger, missedSlots);
    } catch (err) {
      // recordRunStart failed (e.g. database busy): report it; the other jobs carry on.
      log.error('ジョブを開始できませんでした', { jobId: job.id, err: String(err) });
      emit({
        type: 'failed',
        jobId: job.id,
        jobName: job.name,
        trigger,
        atMs: now,
        runId: null,
        outcome: { ok: false, error: toRunErrorData(err, job.name) },
      });
    }
  }

  function rememberSkipped(job: Job, due: number[], now: number): void {
    for (const slotMs of due) {
      skippedWhilePaused.push({ jobId: job.id, jobName: job.name, atMs: slotMs, at: formatJst(slotMs) });
      emit({ type: 'skipped', jobId: job.id, jobName: job.name, trigger: 'schedule', atMs: now, slotMs, reason: 'paused' });
    }
    if (skippedWhilePaused.length > MAX_SKIPPED_SLOTS) skippedWhilePaused = skippedWhilePaused.slice(-MAX_SKIPPED_SLOTS);
    log.info('一時停止中のため予定を実行しませんでした', { jobId: job.id, count: due.length });
  }

  /** Handles everything due for one job since its lastCheckedAt, then moves lastCheckedAt to now. */
  function checkJob(job: Job, now: number): void {
    const last = store.getLastCheckedAt(job.id);
    // Persist first: if the app dies during the run, the slot is not run a second time on restart.
    store.setLastCheckedAt(job.id, now);
    if (!job.enabled || last === null) return; // disabled time is not "missed"; a new job starts now
    if (now < last) {
      // The clock went back (manual change, NTP). Accept it rather than wait for the old time.
      log.warn('時計が戻ったことを検出しました', { jobId: job.id, last: formatJst(last), now: formatJst(now) });
      return;
    }
    const due = slotsBetween(job.rule, Math.max(last, now - MAX_LOOKBACK_MS), now, isHoliday);
    const latest = due[due.length - 1];
    if (latest === undefined) return;
    if (pauseReasons.size > 0) return rememberSkipped(job, due, now);
    const onTime = now - latest <= ON_TIME_TOLERANCE_MS;
    const missed = due.length - (onTime ? 1 : 0);
    if (missed > 0) log.info('実行されなかった予定を検出しました（1回だけ実行します）', { jobId: job.id, missed });
    startOrSkip(job, onTime ? 'schedule' : 'catch-up', latest, missed);
  }

  function tick(): void {
    let jobs: Job[];
    try {
      jobs = loadJobs();
    } catch (err) {
      log.error('スケジュールを読み込めませんでした', { err: String(err) });
      return;
    }
    const now = clock.now();
    for (const job of jobs) {
      try {
        checkJob(job, now);
      } catch (err) {
        log.error('スケジュールの確認中にエラーが発生しました', { jobId: job.id, err: String(err) });
      }
    }
  }

  function earliestNext(now: number): number | null {
    let best: number | null = null;
    try {
      for (const job of loadJobs()) {
        if (!job.enabled) continue;
        const t = nextRunTimes(job.rule, now, 1, isHoliday)[0];
        if (t !== undefined && (best === null || t < best)) best = t;
      }
    } catch (err) {
      log.error('次回実行時刻を計算できませんでした', { err: String(err) });
    }
    return best;
  }

  function arm(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (!started) return;
    const now = clock.now();
    const next = earliestNext(now);
    const delay = next === null ? MAX_TIMER_DELAY_MS : Math.min(Math.max(next - now, 0), MAX_TIMER_DELAY_MS);
    expectedFireAt = now + delay;
    timer = timers.setTimeout(onTimer, delay);
  }

  function onTimer(): void {
    timer = undefined;
    const drift = clock.now() - expectedFireAt;
    if (Math.abs(drift) > CLOCK_JUMP_LOG_MS) {
      log.info('スリープからの復帰または時計の変更を検出しました', { driftMs: drift });
    }
    tick();
    arm();
  }

  function closeInterruptedRuns(jobs: Job[]): void {
    for (const job of jobs) {
      try {
        const last = store.getLastRun(job.id);
        if (last && last.finishedAtMs === null && !running.has(job.id)) {
          store.recordRunEnd(last.runId, INTERRUPTED_OUTCOME, clock.now());
          log.warn('前回終了時に実行中だった処理を中断として記録しました', { jobId: job.id, runId: last.runId });
        }
      } catch (err) {
        log.error('中断された実行を記録できませんでした', { jobId: job.id, err: String(err) });
      }
    }
  }

  function findJob(jobId: number): Job | undefined {
    return loadJobs().find((j) => j.id === jobId);
  }

  return {
    start() {
      if (started) return;
      started = true;
      try {
        closeInterruptedRuns(store.listJobs());
      } catch (err) {
        log.error('スケジュールを読み込めませんでした', { err: String(err) });
      }
      tick();
      arm();
    },
    stop() {
      started = false;
      arm();
      for (const run of running.values()) {
        run.controller.abort(new AppError('INTERNAL', 'アプリの終了により実行を中断しました。', { retryable: true }));
      }
    },
    refresh() {
      if (!started) return;
      tick();
      arm();
    },
    pause(reason) {
      if (pauseReasons.has(reason)) return;
      pauseReasons.add(reason);
      log.info('スケジュールを一時停止しました', { reason });
      emit({ type: 'paused', reason, atMs: clock.now() });
    },
    resume(reason, opts = {}) {
      if (!pauseReasons.has(reason)) return [];
      if (started) tick(); // slots due up to now still belong to the paused period
      pauseReasons.delete(reason);
      const stillPausedBy = [...pauseReasons];
      // in time order across jobs (one tick after a long sleep adds job by job)
      const skipped = stillPausedBy.length > 0 ? [] : skippedWhilePaused.sort((x, y) => x.atMs - y.atMs || x.jobId - y.jobId);
      if (stillPausedBy.length === 0) skippedWhilePaused = [];
      log.info('スケジュールの一時停止を解除しました', { reason, stillPausedBy, skipped: skipped.length });
      emit({ type: 'resumed', reason, atMs: clock.now(), stillPausedBy, skipped });
      if (stillPausedBy.length > 0) return [];
      if (opts.catchUp && started) {
        const jobs = new Map(loadJobs().map((j) => [j.id, j]));
        for (const jobId of new Set(skipped.map((s) => s.jobId))) {
          const job = jobs.get(jobId);
          const slots = skipped.filter((s) => s.jobId === jobId);
          const latest = slots[slots.length - 1];
          if (job?.enabled && latest) startOrSkip(job, 'catch-up', latest.atMs, slots.length);
        }
      }
      return skipped;
    },
    isPausedBy: (reason) => pauseReasons.has(reason),
    pausedBy: () => [...pauseReasons],
    runNow(jobId, source = 'screen') {
      const job = findJob(jobId);
      if (!job) throw new AppError('NOT_FOUND', '指定されたジョブが見つかりません。画面を更新してから、もう一度お試しください。');
      if (pauseReasons.has('store-closed')) {
        throw new AppError(
          'STORE_CLOSED',
          `受付停止中のため「${job.name}」は実行できません。「受付再開」を行ってから、もう一度お試しください。`,
        );
      }
      if (pauseReasons.size > 0) {
        // No dedicated code: refusing a run while paused is a business rule (VALIDATION without fields).
        throw new AppError(
          'VALIDATION',
          `スケジュールが一時停止中のため「${job.name}」は実行できません。「再開」してから、もう一度お試しください。`,
        );
      }
      if (running.has(jobId)) {
        throw new AppError('ALREADY_RUNNING', `「${job.name}」は実行中です。終わってから、もう一度お試しください。`, { retryable: true });
      }
      return execute(job, 'manual', 0, source);
    },
    nextRun(jobId) {
      const job = findJob(jobId);
      if (!job?.enabled) return null;
      return upcoming(job, clock.now(), 1)[0] ?? null;
    },
    nextRuns(count) {
      const now = clock.now();
      return loadJobs()
        .filter((j) => j.enabled)
        .flatMap((j) => upcoming(j, now, count))
        .sort((a, b) => a.atMs - b.atMs || a.jobId - b.jobId)
        .slice(0, count);
    },
    runningJobIds: () => [...running.keys()],
    async whenIdle() {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
