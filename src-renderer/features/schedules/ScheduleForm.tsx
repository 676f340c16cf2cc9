/**
 * 新規 / 編集 of a バッチスケジュール: name, weekday checkboxes 月〜日, a list of times, 有効, and
 * 祝日は実行しない. Validated with the same zod schema main uses, so messages match.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ScheduleJobRow } from '../../../src-shared/schedules/schedule-ipc';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstErrorMessage } from '../../components/form-errors';
import { FormField } from '../../components/FormField';
import { api, unwrap } from '../../ipc/api';
import { useUnsavedGuard } from '../../stores/unsaved-changes';
import { NEW_SCHEDULE, scheduleFormSchema, valuesOf, type ScheduleFormValues } from './schedule-form-values';
import { TimesField, WeekdaysField } from './ScheduleRuleFields';
import { UpcomingRuns } from './UpcomingRuns';

export function ScheduleForm(props: { row: ScheduleJobRow | null; onSaved(row: ScheduleJobRow): void; onDeleted(): void }) {
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<ScheduleFormValues>({
    resolver: zodResolver(scheduleFormSchema),
    defaultValues: props.row ? valuesOf(props.row) : NEW_SCHEDULE,
  });
  useEffect(() => {
    form.reset(props.row ? valuesOf(props.row) : NEW_SCHEDULE);
    setServerError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.row?.id]);

  const release = useUnsavedGuard(form.formState.isDirty, props.row ? `スケジュール「${props.row.name}」` : 'スケジュール(新規)');
  const save = useMutation({
    mutationFn: (v: ScheduleFormValues) => {
      const input = { ...v, type: 'EC・売上取込処理' as const };
      return unwrap(props.row ? api().schedules.update({ id: props.row.id, ...input }) : api().schedules.create(input));
    },
    meta: { changes: ['schedules'] },
    onSuccess: (row) => {
      setServerError(null);
      release();
      props.onSaved(row);
    },
    onError: setServerError,
  });
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api().schedules.delete({ id })),
    meta: { changes: ['schedules'] },
    onSuccess: props.onDeleted,
    onError: setServerError,
  });

  const errors = form.formState.errors;
  const watched = form.watch();
  const title = props.row ? `スケジュール「${props.row.name}」の編集` : 'スケジュールの新規登録';
  return (
    <form className="schedule-form" aria-label={title} noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <h2>{title}</h2>
      <ErrorNotice error={serverError} />
      <fieldset disabled={save.isPending}>
        <FormField id="schedule-name" label="ジョブ名" required error={firstErrorMessage(errors.name)} hint="ジョブ種別: EC・売上取込処理（すべてのEC連携設定の出荷取込処理を順に実行します）">
          <input id="schedule-name" type="text" autoComplete="off" aria-invalid={errors.name ? true : undefined} {...form.register('name')} />
        </FormField>
        <WeekdaysField control={form.control} errors={errors} />
        <TimesField control={form.control} errors={errors} />
        <FormField id="schedule-skip-holidays" label="祝日は実行しない" error={firstErrorMessage(errors.skipHolidays)}>
          <input id="schedule-skip-holidays" type="checkbox" {...form.register('skipHolidays')} />
        </FormField>
        <FormField id="schedule-enabled" label="有効" error={firstErrorMessage(errors.enabled)} hint="無効にすると予定の時刻になっても実行しません。">
          <input id="schedule-enabled" type="checkbox" {...form.register('enabled')} />
        </FormField>
      </fieldset>
      <UpcomingRuns rule={{ weekdays: watched.weekdays ?? [], times: watched.times ?? [], skipHolidays: watched.skipHolidays ?? false }} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? '保存中…' : '保存'}
        </button>
        {props.row ? (
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`「${props.row!.name}」を削除します。実行履歴も削除されます。よろしいですか？`)) remove.mutate(props.row!.id);
            }}
          >
            削除
          </button>
        ) : null}
      </div>
    </form>
  );
}
