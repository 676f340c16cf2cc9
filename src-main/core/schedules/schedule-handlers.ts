/** IPC handlers of バッチスケジュール (works with or without a started scheduler). */
import { AppError } from '../../../src-shared/errors';
import { describeScheduleRule } from '../../../src-shared/schedules/describe-rule';
import type { ScheduleJobRow } from '../../../src-shared/schedules/schedule-ipc';
import type { Handler } from '../ipc/handler-types';
import type { Clock } from '../ports';
import type { LoginItem } from './login-item';
import type { JobDraft } from './schedule-repository';
import type { SchedulerService } from './scheduler-service';
import type { Job } from './scheduler-types';

type ScheduleChannels =
  | 'schedules:list'
  | 'schedules:create'
  | 'schedules:update'
  | 'schedules:delete'
  | 'schedules:runNow'
  | 'schedules:runs'
  | 'schedules:pause'
  | 'schedules:resume'
  | 'schedules:state'
  | 'schedules:loginItem'
  | 'schedules:setLoginItem';

const RUNS_SHOWN = 50;

/** A job as the list shows it. */
export function jobRow(s: SchedulerService, job: Job): ScheduleJobRow {
  return {
    id: job.id,
    name: job.name,
    type: job.type,
    weekdays: job.rule.weekdays,
    times: job.rule.times,
    skipHolidays: job.rule.skipHolidays,
    enabled: job.enabled,
    description: describeScheduleRule(job.rule),
    nextRunAt: s.scheduler.nextRun(job.id)?.at ?? null,
    running: s.scheduler.runningJobIds().includes(job.id),
    lastRun: s.store.lastRunRow(job.id),
  };
}

function mustGet(s: SchedulerService, id: number): Job {
  const job = s.store.getJob(id);
  if (!job) throw new AppError('NOT_FOUND', '指定されたスケジュールが見つかりません。画面を更新してから、もう一度お試しください。');
  return job;
}

export function createScheduleHandlers(schedules: SchedulerService, loginItem: LoginItem, clock: Clock): { [C in ScheduleChannels]: Handler<C> } {
  const svc = () => schedules;
  const draftOf = (i: JobDraft): JobDraft => ({
    name: i.name,
    type: i.type,
    weekdays: i.weekdays,
    times: [...i.times].sort(),
    skipHolidays: i.skipHolidays,
    enabled: i.enabled,
  });
  return {
    'schedules:list': () => {
      const s = svc();
      return { rows: s.store.listJobs().map((j) => jobRow(s, j)) };
    },
    'schedules:create': (input) => {
      const s = svc();
      const id = s.store.createJob(draftOf(input), clock.now());
      s.jobsChanged();
      return jobRow(s, mustGet(s, id));
    },
    'schedules:update': (input) => {
      const s = svc();
      s.store.updateJob(input.id, draftOf(input), clock.now());
      s.jobsChanged();
      return jobRow(s, mustGet(s, input.id));
    },
    'schedules:delete': ({ id }) => {
      const s = svc();
      const job = mustGet(s, id);
      if (s.scheduler.runningJobIds().includes(id)) {
        throw new AppError('ALREADY_RUNNING', `「${job.name}」は実行中のため削除できません。終わってから、もう一度お試しください。`, { retryable: true });
      }
      s.store.deleteJob(id);
      s.jobsChanged();
      return { id };
    },
    'schedules:runNow': ({ id }) => ({ runId: svc().runNow(id) }),
    'schedules:runs': ({ id }) => {
      const s = svc();
      mustGet(s, id);
      return { rows: s.store.listRuns(id, RUNS_SHOWN) };
    },
    'schedules:pause': () => svc().pause(),
    'schedules:resume': () => {
      const s = svc();
      const skipped = s.resume();
      return { skipped, state: s.state() };
    },
    'schedules:state': () => svc().state(),
    'schedules:loginItem': () => loginItem.state(),
    'schedules:setLoginItem': ({ openAtLogin }) => loginItem.set(openAtLogin),
  };
}
