/**
 * バッチスケジュール: the jobs with their rule, next run and last result (linking to the run's
 * システムログ), 今すぐ実行, 一時停止 / 再開 (showing what did not run), the form, and
 * 「ログイン時に起動」. Runs started by the scheduler or the tray refresh it (data:changed).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CompanyHolidays } from './CompanyHolidays';
import type { SkippedSlotRow } from '../../../src-shared/schedules/schedule-ipc';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { scheduleQueries } from '../../queries/schedules';
import { useNavigation } from '../../stores/navigation';
import { LoginItemSetting } from './LoginItemSetting';
import { RunHistory } from './RunHistory';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleNotices } from './ScheduleNotices';
import { ScheduleTable } from './ScheduleTable';
import './schedules.css';

export function SchedulePage() {
  const { param, go, page } = useNavigation();
  const [actionError, setActionError] = useState<unknown>(null);
  const [skipped, setSkipped] = useState<SkippedSlotRow[] | null>(null);
  const list = useQuery(scheduleQueries.list());
  const state = useQuery(scheduleQueries.state());

  const action = { meta: { changes: ['schedules'] }, onError: setActionError } as const;
  const runNow = useMutation({ mutationFn: (id: number) => unwrap(api().schedules.runNow({ id })), ...action });
  const pause = useMutation({ mutationFn: () => unwrap(api().schedules.pause()), ...action });
  const resume = useMutation({ mutationFn: () => unwrap(api().schedules.resume()), ...action, onSuccess: (r) => setSkipped(r.skipped) });

  const creating = param === 'new';
  const selectedId = param && !creating ? Number(param) : null;
  const rows = list.data?.rows ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const pausedBy = state.data?.pausedBy ?? [];
  const openLog = (importRunId: number) => go('system-log', String(importRunId));

  return (
    <div className="master-page schedule-page">
      <section aria-label="バッチスケジュール一覧">
        <div className="toolbar">
          <h1>バッチスケジュール</h1>
          <button type="button" className="primary" onClick={() => go(page, 'new')}>
            新規
          </button>
          {pausedBy.includes('user') ? (
            <button type="button" disabled={resume.isPending} onClick={() => resume.mutate()}>
              再開
            </button>
          ) : (
            <button type="button" disabled={pause.isPending} onClick={() => { setSkipped(null); pause.mutate(); }}>
              一時停止
            </button>
          )}
        </div>
        <ScheduleNotices state={state.data} skipped={skipped} />
        <ErrorNotice error={list.error ?? actionError} />
        <ScheduleTable
          rows={rows}
          loading={list.isLoading}
          selectedId={selectedId}
          canRunNow={!runNow.isPending && pausedBy.length === 0}
          onOpen={(id) => go(page, String(id))}
          onRunNow={(id) => { setActionError(null); runNow.mutate(id); }}
          onOpenLog={openLog}
        />
        <LoginItemSetting />
        <CompanyHolidays />
      </section>
      <section className="master-detail">
        {creating || selected ? (
          <>
            <ScheduleForm row={creating ? null : selected} onSaved={(row) => go(page, String(row.id))} onDeleted={() => go(page)} />
            {selected ? <RunHistory jobId={selected.id} onOpenLog={openLog} /> : null}
          </>
        ) : (
          <p className="placeholder">一覧から選ぶか、「新規」を押してください。</p>
        )}
      </section>
    </div>
  );
}
