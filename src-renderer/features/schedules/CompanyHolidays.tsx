/**
 * 会社の休日: yearly ranges (年末年始 12/29〜1/3, お盆 …) that jobs with 「祝日は実行しない」 skip
 * like public holidays. Edited as a small list, saved at once; problems show beside their row.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { monthDayLabel, SUGGESTED_COMPANY_HOLIDAYS, type CompanyHoliday } from '../../../src-shared/schedules/company-holidays';
import { FormStatus } from '../../components/FormStatus';
import { ApiError, api, unwrap } from '../../ipc/api';
import { scheduleQueries } from '../../queries/schedules';
import { AddRowButton, LineTable } from '../../components/LineTable';

type Row = { name: string; from: string; to: string };

const toRows = (hs: readonly CompanyHoliday[]): Row[] =>
  hs.map((h) => ({ name: h.name, from: monthDayLabel(h.from), to: monthDayLabel(h.to) }));

const EDGES = { from: { label: '開始', example: '12/29' }, to: { label: '終了', example: '1/3' } } as const;

/** One 月/日 cell of a row: the start or the end of the range. */
function MonthDayCell({ row, edge, value, onChange }: { row: number; edge: keyof typeof EDGES; value: string; onChange: (v: string) => void }) {
  return (
    <td>
      <input
        aria-label={`${row + 1}行目の${EDGES[edge].label}`}
        className="md-input"
        placeholder={EDGES[edge].example}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </td>
  );
}

export function CompanyHolidays() {
  const q = useQuery(scheduleQueries.holidays());
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = rows ?? toRows(q.data?.holidays ?? []);
  const save = useMutation({
    mutationFn: (holidays: Row[]) => unwrap(api().schedules.setHolidays({ holidays })),
    meta: { changes: ['schedules'] },
    onSuccess: () => {
      setRows(null);
      setSaved(true);
    },
    onError: () => setSaved(false),
  });
  const problems =
    save.error instanceof ApiError
      ? (save.error.data.fields ?? []).map((f) => {
          const i = Number(/holidays\.(\d+)/.exec(f.path)?.[1] ?? 0);
          return { id: `holiday-${i}-name`, label: `${i + 1}行目`, message: f.message };
        })
      : [];
  const edit = (next: Row[]) => {
    setRows(next);
    setSaved(false);
  };
  const set = (i: number, patch: Partial<Row>) => edit(shown.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="company-holidays" aria-label="会社の休日">
      <h2>会社の休日</h2>
      <p className="field-hint">「祝日は実行しない」のスケジュールは、祝日に加えてこの期間も実行しません(毎年)。</p>
      <LineTable
        label="会社の休日の一覧"
        head={
          <>
            <th>名前</th>
            <th>開始(月/日)</th>
            <th>終了(月/日)</th>
          </>
        }
        rows={shown}
        rowKey={(_, i) => i}
        cells={(r, i) => (
          <>
            <td>
              <input
                id={`holiday-${i}-name`}
                aria-label={`${i + 1}行目の名前`}
                value={r.name}
                onChange={(e) => set(i, { name: e.target.value })}
              />
            </td>
            <MonthDayCell row={i} edge="from" value={r.from} onChange={(from) => set(i, { from })} />
            <MonthDayCell row={i} edge="to" value={r.to} onChange={(to) => set(i, { to })} />
          </>
        )}
        onRemove={(i) => edit(shown.filter((_, j) => j !== i))}
      />
      <div className="form-actions">
        <AddRowButton onAdd={() => edit([...shown, { name: '', from: '', to: '' }])} />
        {shown.length === 0 ? (
          <button type="button" onClick={() => edit(toRows(SUGGESTED_COMPANY_HOLIDAYS))}>
            年末年始・お盆を入れる
          </button>
        ) : null}
        <button type="button" className="primary" disabled={rows === null || save.isPending} onClick={() => save.mutate(shown)}>
          会社の休日を更新
        </button>
        <FormStatus saved={saved ? '保存しました。次の実行予定に反映しました。' : null} error={save.error} problems={problems} />
      </div>
    </section>
  );
}
