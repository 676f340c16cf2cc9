/** The values of the バッチスケジュール form: a job without its type (the one type, EC・売上取込処理, is added on save). */
import { scheduleJobInput, type ScheduleJobRow } from '../../../src-shared/schedules/schedule-ipc';

export const scheduleFormSchema = scheduleJobInput.omit({ type: true });

export type ScheduleFormValues = Omit<ScheduleJobRow, 'id' | 'type' | 'description' | 'nextRunAt' | 'running' | 'lastRun'>;

export const NEW_SCHEDULE: ScheduleFormValues = { name: 'EC・売上取込処理', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

export const valuesOf = (row: ScheduleJobRow): ScheduleFormValues => ({
  name: row.name,
  weekdays: row.weekdays,
  times: row.times,
  skipHolidays: row.skipHolidays,
  enabled: row.enabled,
});
