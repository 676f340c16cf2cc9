/** Builds a scheduler on fake time, an in-memory store and a recording job runner. */
import { createScheduler, type Scheduler } from '../../../src-main/core/schedules/scheduler';
import { createMemoryScheduleStore, type MemoryScheduleStore } from '../../../src-main/core/schedules/memory-schedule-store';
import { isJapaneseHoliday } from '../../../src-main/core/schedules/holidays';
import type { Job, JobOutcome, RunNowSource, RunTrigger, SchedulerEvent } from '../../../src-main/core/schedules/scheduler-types';
import type { ScheduleRule } from '../../../src-shared/schedules/schedule-rule';
import { createFakeTime, createMemoryLogger, type FakeTime } from './fake-time';

export const WEEKDAY_RULE: ScheduleRule = {
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  times: ['07:30', '19:00'],
  skipHolidays: true,
};

export const job = (id: number, over: Partial<Job> = {}): Job => ({
  id,
  name: `取込${id}`,
  type: 'EC・売上取込処理',
  rule: WEEKDAY_RULE,
  enabled: true,
  ...over,
});

export interface Call {
  jobId: number;
  trigger: RunTrigger;
  atMs: number;
  signal: AbortSignal;
  /** set for runNow runs only */
  source: RunNowSource | undefined;
}

export interface Setup {
  time: FakeTime;
  store: MemoryScheduleStore;
  scheduler: Scheduler;
  events: SchedulerEvent[];
  calls: Call[];
  logger: ReturnType<typeof createMemoryLogger>;
}

type Behaviour = (call: Call, time: FakeTime) => Promise<JobOutcome>;

export function setup(opts: {
  startAt: number;
  jobs: Job[];
  /** lastCheckedAt per job id; default: every job checked at startAt (nothing missed) */
  lastChecked?: Record<number, number>;
  behaviour?: Behaviour;
}): Setup {
  const time = createFakeTime(opts.startAt);
  const lastChecked = opts.lastChecked ?? Object.fromEntries(opts.jobs.map((j) => [j.id, opts.startAt]));
  const store = createMemoryScheduleStore(opts.jobs, lastChecked);
  const events: SchedulerEvent[] = [];
  const calls: Call[] = [];
  const logger = createMemoryLogger();
  const behaviour: Behaviour = opts.behaviour ?? (async () => ({ ok: true, summary: '出荷伝票 0件を取り込みました' }));
  const scheduler = createScheduler({
    clock: time.clock,
    timers: time.timers,
    logger,
    isHoliday: isJapaneseHoliday,
    store,
    runJob: (j, trigger, signal, source) => {
      const call = { jobId: j.id, trigger, atMs: time.clock.now(), signal, source };
      calls.push(call);
      return behaviour(call, time);
    },
    onEvent: (e) => void events.push(e),
  });
  return { time, store, scheduler, events, calls, logger };
}
