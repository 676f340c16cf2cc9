/**
 * The app's バッチスケジュール service: the scheduler over the schedule repository, running
 * 「EC・売上取込処理」 through the import service, with its pause state tied to 受付停止 and to the
 * persisted 一時停止 button. One per core, built by the composition root.
 *
 * Only the shell and the harness call start(): the CLI and the tests get a service that is never
 * started (no timers), so list / create work and 今すぐ実行 runs the job directly with the same
 * no-overlap and pause rules.
 */
import { formatJst } from '../../../src-shared/schedules/format-jst';
import type { IsHoliday } from '../../../src-shared/schedules/next-run-times';
import type { SchedulerStateView, SkippedSlotRow } from '../../../src-shared/schedules/schedule-ipc';
import type { DataChanged } from '../../../src-shared/ipc/data-roots';
import { emitDataChanged, type EventBus } from '../event-bus';
import type { CorePorts } from '../ports';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { isJapaneseHoliday } from './holidays';
import type { ScheduleRepository } from './schedule-repository';
import { createScheduler, type Scheduler, type SchedulerDeps } from './scheduler';
import type { RunNowSource, SchedulerEvent } from './scheduler-types';

const NEXT_RUNS_SHOWN = 3;

export interface SchedulerServiceOptions {
  /** replaces 出荷取込処理 (tests) */
  runJob?: SchedulerDeps['runJob'];
  isHoliday?: IsHoliday;
}

export interface SchedulerServiceDeps {
  repos: Pick<Repositories, 'schedules' | 'appState'>;
  storeMode: Pick<StoreMode, 'isClosed'>;
  events: EventBus;
  ports: Pick<CorePorts, 'clock' | 'timers' | 'logger' | 'now'>;
  /** 「EC・売上取込処理」 (the import job runner) */
  runJob: SchedulerDeps['runJob'];
}

export interface SchedulerService {
  readonly store: ScheduleRepository;
  readonly scheduler: Scheduler;
  /**
   * Starts the schedules (shell and harness only): closes runs a crash left open, runs at most one
   * catch-up per job, then fires on schedule. Calling it twice changes nothing.
   */
  start(): SchedulerService;
  /** true once start() ran (schedules fire by themselves) */
  isActive(): boolean;
  state(): SchedulerStateView;
  /** 一時停止 (user) */
  pause(): SchedulerStateView;
  /** 再開 (user): the slots that did not run while paused */
  resume(): SkippedSlotRow[];
  /** 受付停止 on → pause 'store-closed'; off → resume it and return what was skipped */
  onStoreModeChanged(closed: boolean): SkippedSlotRow[];
  /** 今すぐ実行 (screen) / 今すぐ取込 (tray: its import runs are recorded with trigger 'tray'): returns the schedule run id */
  runNow(jobId: number, source?: RunNowSource): number;
  /** after a job was created, edited or deleted */
  jobsChanged(): void;
  hasEnabledJobs(): boolean;
  /** every scheduler event (tray, notifications) */
  subscribe(listener: (e: SchedulerEvent) => void): () => void;
  /** stops timers, aborts running jobs and waits for them */
  stop(): Promise<void>;
}

/** Plain copy of a skipped slot (the scheduler hands out its own objects). */
function toSkipped(s: SkippedSlotRow): SkippedSlotRow {
  return { jobId: s.jobId, jobName: s.jobName, atMs: s.atMs, at: s.at };
}
export function createSchedulerService(deps: SchedulerServiceDeps, opts: SchedulerServiceOptions = {}): SchedulerService {
  const { events, ports } = deps;
  const store = deps.repos.schedules;
  const appState = deps.repos.appState;
  const listeners = new Set<(e: SchedulerEvent) => void>();
  const log = ports.logger.child('schedule');
  const changed = (reason: string): void => {
    events.emit('schedule:changed', { reason });
    emitDataChanged(events, 'schedules');
  };
  let active = false;
  let lastResume: SchedulerStateView['lastResume'] = null;

  function onEvent(e: SchedulerEvent): void {
    switch (e.type) {
      case 'started':
        changed('started');
        break;
      case 'finished':
      case 'failed': {
        const ids = e.outcome.details?.importRunIds;
        events.emit('schedule:ran', {
          jobId: e.jobId,
          jobName: e.jobName,
          runId: e.runId,
          trigger: e.trigger,
          status: e.type === 'finished' ? 'succeeded' : e.outcome.details?.['cancelled'] === true ? 'cancelled' : 'failed',
          message: e.outcome.ok ? e.outcome.summary : e.outcome.error.message,
          importRunIds: Array.isArray(ids) ? ids.filter((x): x is number => Number.isInteger(x)) : [],
        });
        changed(e.type);
        break;
      }
      case 'skipped':
        if (e.reason === 'already-running') {
          // kept in the history so the clerk sees why a time was passed over
          const message = `${formatJst(e.slotMs).slice(0, 16).replace('T', ' ')} の予定は、前回の実行が終わっていなかったためスキップしました。`;
          let runId: number | null = null;
          try {
            runId = store.recordSkipped(e.jobId, e.trigger, e.atMs, message);
          } catch (err) {
            log.error('スキップを記録できませんでした', { jobId: e.jobId, err: String(err) });
          }
          events.emit('schedule:ran', { jobId: e.jobId, jobName: e.jobName, runId, trigger: e.trigger, status: 'skipped', message, importRunIds: [] });
          emitDataChanged(events, 'schedules');
        }
        break;
      case 'resumed':
        // shown on the screen (受付再開 happens elsewhere: the list must still reach the clerk)
        if (e.stillPausedBy.length === 0) lastResume = { reason: e.reason, at: formatJst(e.atMs), skipped: e.skipped.map(toSkipped) };
        changed(e.type);
        break;
      case 'paused':
        changed(e.type);
        break;
    }
    for (const l of listeners) {
      try {
        l(e);
      } catch (err) {
        log.error('スケジュールの通知先でエラーが発生しました', { err: String(err) });
      }
    }
  }

  const scheduler = createScheduler({
    clock: ports.clock,
    timers: ports.timers,
    logger: ports.logger,
    isHoliday: opts.isHoliday ?? isJapaneseHoliday,
    store,
    runJob: opts.runJob ?? deps.runJob,
    onEvent,
  });
  // restored before start(): a paused or store-closed app must not fire at start-up
  if (appState.flag('schedule.paused')) scheduler.pause('user');

  const service: SchedulerService = {
    store,
    scheduler,
    start() {
      if (!active) {
        active = true;
        scheduler.start();
        changed('started');
      }
      return service;
    },
    isActive: () => active,
    state() {
      syncStoreMode();
      return {
        active,
        pausedBy: scheduler.pausedBy(),
        runningJobIds: scheduler.runningJobIds(),
        nextRuns: scheduler.nextRuns(NEXT_RUNS_SHOWN).map((r) => ({ jobId: r.jobId, jobName: r.jobName, at: r.at })),
        lastResume,
      };
    },
    pause() {
      appState.setFlag('schedule.paused', true, ports.now());
      scheduler.pause('user');
      return service.state();
    },
    resume() {
      appState.setFlag('schedule.paused', false, ports.now());
      // Imports are cursor-based: the next run picks up every order of the missed times, so the
      // missed slots are shown, not replayed.
      return scheduler.resume('user').map(toSkipped);
    },
    onStoreModeChanged(closed) {
      if (closed) {
        scheduler.pause('store-closed');
        return [];
      }
      return scheduler.resume('store-closed').map(toSkipped);
    },
    runNow(jobId, source) {
      syncStoreMode();
      return scheduler.runNow(jobId, source);
    },
    jobsChanged() {
      scheduler.refresh();
      changed('jobs');
    },
    hasEnabledJobs: () => store.listJobs().some((j) => j.enabled),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      active = false;
      scheduler.stop();
      await scheduler.whenIdle();
    },
  };

  /** 受付停止 may be switched by code that does not call the hook; the database is the truth. */
  function syncStoreMode(): void {
    const closed = deps.storeMode.isClosed();
    if (closed !== scheduler.isPausedBy('store-closed')) service.onStoreModeChanged(closed);
  }
  if (deps.storeMode.isClosed()) scheduler.pause('store-closed');
  // 受付停止 / 受付再開 (store:close / store:open) announce the root app
  events.subscribe((event, payload) => {
    if (event === 'data:changed' && (payload as DataChanged).roots.includes('app')) syncStoreMode();
  });
  return service;
}
