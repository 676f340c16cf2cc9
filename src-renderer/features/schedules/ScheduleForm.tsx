/**
 * 新規 / 編集 of a バッチスケジュール: name, weekday checkboxes 月〜日, a list of times, 有効, and
 * 祝日は実行しない. Validated with the same zod schema main uses, so messages match.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { WEEKDAYS, WEEKDAY_LABELS, type Weekday } from '../../../src-shared/schedules/weekday';
import { scheduleJobInput, type ScheduleJobInput, type ScheduleJobRow } from '../../../src-shared/schedules/schedule-ipc';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { api, unwrap } from '../../ipc/api';

type Values = Omit<ScheduleJobInput, 'type'>;

const EMPTY: Values = { name: 'EC・売上取込処理', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

const valuesOf = (row: ScheduleJobRow): Values => ({
  name: row.name,
  weekdays: row.weekdays,
  times: row.times,
  skipHolidays: row.skipHolidays,
  enabled: row.enabled,
});

export function ScheduleForm(props: { row: ScheduleJobRow | null; onSaved(row: ScheduleJobRow): void; onDeleted(): void }) {
  const qc = useQueryClient();
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<Values>({
    resolver: zodResolver(scheduleJobInput.omit({ type: true })) as unknown as Resolver<Values>,
    defaultValues: props.row ? valuesOf(props.row) : EMPTY,
  });
  useEffect(() => {
    form.reset(props.row ? valuesOf(props.row) : EMPTY);
    setServerError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.row?.id]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const input = { ...v, type: 'EC・売上取込処理' as const };
      return unwrap(props.row ? api().schedules.update({ id: props.row.id, ...input }) : api().schedules.create(input));
    },
    onSuccess: (row) => {
      setServerError(null);
      void qc.invalidateQueries({ queryKey: ['schedules'] });
      props.onSaved(row);
    },
    onError: setServerError,
  });
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api().schedules.delete({ id })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['schedules'] });
      props.onDeleted();
    },
    onError: setServerError,
  });

  const errors = form.formState.errors;
  const errorText = (e: unknown): string | undefined => {
    if (!e || typeof e !== 'object') return undefined;
    const m = (e as { message?: unknown; root?: { message?: unknown } }).message ?? (e as { root?: { message?: unknown } }).root?.message;
    if (typeof m === 'string') return m;
    // an error of one time in the list
    for (const v of Object.values(e as Record<string, unknown>)) {
      const inner = errorText(v);
      if (inner) return inner;
    }
    return undefined;
  };

  return (
    <form className="schedule-form" aria-label={props.row ? 'スケジュールの編集' : 'スケジュールの新規登録'} noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <h2>{props.row ? 'スケジュールの編集' : 'スケジュールの新規登録'}</h2>
      <ErrorNotice error={serverError} />
      <fieldset disabled={save.isPending}>
        <FormField id="schedule-name" label="ジョブ名" required error={errorText(errors.name)} hint="ジョブ種別: EC・売上取込処理（すべてのEC連携設定の出荷取込処理を順に実行します）">
          <input id="schedule-name" type="text" autoComplete="off" {...form.register('name')} />
        </FormField>
        <Controller
          control={form.control}
          name="weekdays"
          render={({ field }) => (
            <FormField id="schedule-weekdays" label="実行する曜日" required error={errorText(errors.weekdays)}>
              <div id="schedule-weekdays" className="checkbox-row" role="group" aria-label="実行する曜日">
                {WEEKDAYS.map((d) => (
                  <label key={d} className="inline-check">
                    <input
                      type="checkbox"
                      checked={field.value.includes(d)}
                      onChange={(e) => field.onChange(e.target.checked ? WEEKDAYS.filter((w) => w === d || field.value.includes(w)) : field.value.filter((w: Weekday) => w !== d))}
                    />
                    {WEEKDAY_LABELS[d]}
                  </label>
                ))}
              </div>
            </FormField>
          )}
        />
        <Controller
          control={form.control}
          name="times"
          render={({ field }) => (
            <FormField id="schedule-time-0" label="実行時刻" required error={errorText(errors.times)} hint="24時間表記（例: 07:30）。複数登録できます。">
              <div className="time-list">
                {field.value.map((t, i) => (
                  <span key={i} className="time-item">
                    <input
                      id={`schedule-time-${i}`}
                      type="text"
                      inputMode="numeric"
                      maxLength={5}
                      placeholder="07:30"
                      className="time-input"
                      aria-label={`実行時刻 ${i + 1}`}
                      value={t}
                      onChange={(e) => field.onChange(field.value.map((x, j) => (j === i ? e.target.value : x)))}
                    />
                    <button type="button" aria-label={`実行時刻 ${i + 1} を削除`} disabled={field.value.length <= 1} onClick={() => field.onChange(field.value.filter((_, j) => j !== i))}>
                      削除
                    </button>
                  </span>
                ))}
                <button type="button" onClick={() => field.onChange([...field.value, '19:00'])}>
                  時刻を追加
                </button>
              </div>
            </FormField>
          )}
        />
        <FormField id="schedule-skip-holidays" label="祝日は実行しない" error={errorText(errors.skipHolidays)}>
          <input id="schedule-skip-holidays" type="checkbox" {...form.register('skipHolidays')} />
        </FormField>
        <FormField id="schedule-enabled" label="有効" error={errorText(errors.enabled)} hint="無効にすると予定の時刻になっても実行しません。">
          <input id="schedule-enabled" type="checkbox" {...form.register('enabled')} />
        </FormField>
      </fieldset>
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
