/** The rule of a バッチスケジュール in its form: weekday checkboxes 月〜日 and a list of times. */
import { useController, type Control, type FieldErrors } from 'react-hook-form';
import { WEEKDAYS, WEEKDAY_LABELS, type Weekday } from '../../../src-shared/schedules/weekday';
import { firstErrorMessage } from '../../components/form-errors';
import { FormField } from '../../components/FormField';
import type { ScheduleFormValues } from './schedule-form-values';

type RuleProps = { control: Control<ScheduleFormValues>; errors: FieldErrors<ScheduleFormValues> };

export function WeekdaysField({ control, errors }: RuleProps) {
  const { field } = useController({ control, name: 'weekdays' });
  const toggle = (d: Weekday, on: boolean) => field.onChange(on ? WEEKDAYS.filter((w) => w === d || field.value.includes(w)) : field.value.filter((w) => w !== d));
  return (
    <FormField id="schedule-weekdays" label="実行する曜日" required error={firstErrorMessage(errors.weekdays)}>
      <div id="schedule-weekdays" className="checkbox-row" role="group" aria-label="実行する曜日">
        {WEEKDAYS.map((d) => (
          <label key={d} className="inline-check">
            <input type="checkbox" checked={field.value.includes(d)} onChange={(e) => toggle(d, e.target.checked)} />
            {WEEKDAY_LABELS[d]}
          </label>
        ))}
      </div>
    </FormField>
  );
}

export function TimesField({ control, errors }: RuleProps) {
  const { field } = useController({ control, name: 'times' });
  const times = field.value;
  return (
    <FormField id="schedule-time-0" label="実行時刻" required error={firstErrorMessage(errors.times)} hint="24時間表記（例: 07:30）。複数登録できます。">
      <div className="time-list">
        {times.map((t, i) => (
          <span key={i} className="time-item">
            <input
              id={`schedule-time-${i}`}
              type="text"
              inputMode="numeric"
              maxLength={5}
              placeholder="07:30"
              className="time-input"
              aria-label={`実行時刻 ${i + 1}`}
              // only the time in error turns red, not every time of the list
              aria-invalid={errors.times?.[i] ? true : undefined}
              value={t}
              onChange={(e) => field.onChange(times.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button type="button" aria-label={`実行時刻 ${i + 1} を削除`} disabled={times.length <= 1} onClick={() => field.onChange(times.filter((_, j) => j !== i))}>
              削除
            </button>
          </span>
        ))}
        <button type="button" onClick={() => field.onChange([...times, '19:00'])}>
          時刻を追加
        </button>
      </div>
    </FormField>
  );
}
