/**
 * 「次の10回」 of the rule in the form (saved or not yet): when it will run, and which days it
 * skips as 祝日 or 会社の休日 — so a clerk sees before saving that 12/31 will not import.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scheduleRuleSchema, type ScheduleRule } from '../../../src-shared/schedules/schedule-rule';
import { formatJstDate, formatJstDateTime } from '../../format/datetime';
import { scheduleQueries } from '../../queries/schedules';

export function UpcomingRuns({ rule }: { rule: ScheduleRule }) {
  const valid = scheduleRuleSchema.safeParse(rule);
  const q = useQuery({ ...scheduleQueries.upcoming(valid.success ? valid.data : rule), enabled: valid.success, placeholderData: keepPreviousData });
  if (!valid.success) return <p className="field-hint">曜日と時刻を正しく入れると、次の実行予定がここに出ます。</p>;
  const data = q.data;
  return (
    <section className="upcoming-runs" aria-label="次の10回">
      <h3>次の10回</h3>
      {data && data.runs.length === 0 ? <p className="field-hint">実行される日がありません(曜日がすべて休日です)。</p> : null}
      <ol>
        {(data?.runs ?? []).map((at) => (
          <li key={at}>{formatJstDateTime(at, { weekday: true })}</li>
        ))}
      </ol>
      {data && data.skipped.length > 0 ? (
        <p className="field-hint">
          休みの日(実行しない): {data.skipped.map((s) => `${formatJstDate(s.date, { weekday: true })} ${s.name}`).join('、')}
        </p>
      ) : null}
    </section>
  );
}
