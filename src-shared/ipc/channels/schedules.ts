/** バッチスケジュール: jobs, 今すぐ実行, 一時停止／再開, and 「ログイン時に起動」. */
import { z } from 'zod';
import {
  loginItemInput,
  loginItemState,
  resumeResult,
  scheduleIdInput,
  scheduleJob,
  scheduleJobInput,
  schedulerState,
  scheduleRun,
  scheduleUpdateInput,
} from '../../schedules/schedule-ipc';
import { companyHoliday, companyHolidaysInput } from '../../schedules/company-holidays';
import { scheduleRuleSchema } from '../../schedules/schedule-rule';
import { channel, noInput } from '../define';

const holidaysOutput = z.object({ holidays: z.array(companyHoliday) });

export const scheduleChannelDefs = {
  /** every job with its next run time and last result */
  'schedules:list': channel(noInput, z.object({ rows: z.array(scheduleJob) })),
  'schedules:create': channel(scheduleJobInput, scheduleJob),
  'schedules:update': channel(scheduleUpdateInput, scheduleJob),
  'schedules:delete': channel(scheduleIdInput, z.object({ id: z.number().int() })),
  /** 今すぐ実行: starts the job now; the result arrives as schedule:ran */
  'schedules:runNow': channel(scheduleIdInput, z.object({ runId: z.number().int() })),
  /** recent runs of one job, newest first */
  'schedules:runs': channel(scheduleIdInput, z.object({ rows: z.array(scheduleRun) })),
  /** 一時停止 (persisted: stays paused after a restart) */
  'schedules:pause': channel(noInput, schedulerState),
  /** 再開: returns the scheduled times that did not run while paused */
  'schedules:resume': channel(noInput, resumeResult),
  'schedules:state': channel(noInput, schedulerState),
  'schedules:loginItem': channel(noInput, loginItemState),
  'schedules:setLoginItem': channel(loginItemInput, loginItemState),
  /** 会社の休日 (年末年始, お盆 …), skipped like 祝日 by jobs with 「祝日は実行しない」 */
  'schedules:holidays': channel(noInput, holidaysOutput),
  'schedules:setHolidays': channel(companyHolidaysInput, holidaysOutput),
  /** the next ten runs of a rule (saved or being edited) and the holidays it skips until then */
  'schedules:upcoming': channel(
    scheduleRuleSchema.strict(),
    z.object({ runs: z.array(z.string()), skipped: z.array(z.object({ date: z.string(), name: z.string() })) }),
  ),
};
