/**
 * バッチスケジュール: the jobs with their rule, next run and last result (linking to the run's
 * システムログ), 今すぐ実行, 一時停止 / 再開 (showing what did not run), the form, and
 * 「ログイン時に起動」. Push events keep it live while imports run.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ScheduleJobRow, SkippedSlotRow } from '../../../src-shared/schedules/schedule-ipc';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { LastRunCell } from './LastRunCell';
import { RunHistory } from './RunHistory';
import { ScheduleForm } from './ScheduleForm';
import { jstDisplay, PAUSE_LABELS } from './schedule-format';
import './schedules.css';

export function SchedulePage() {
  const { param, go, page } = useNavigation();
  const qc = useQueryClient();
  const [actionError, setActionError] = useState<unknown>(null);
  const [skipped, setSkipped] = useState<SkippedSlotRow[] | null>(null);
  const list = useQuery({ queryKey: ['schedules', 'list'], queryFn: () => unwrap(api().schedules.list()), refetchInterval: 30_000 });
  const state = useQuery({ queryKey: ['schedules', 'state'], queryFn: () => unwrap(api().schedules.state()), refetchInterval: 30_000 });

  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: ['schedules'] });
    const offs = [api().on('schedule:changed', refresh), api().on('schedule:ran', refresh)];
    return () => offs.forEach((off) => off());
  }, [qc]);

  const onDone = { onSuccess: () => void qc.invalidateQueries({ queryKey: ['schedules'] }), onError: setActionError };
  const runNow = useMutation({ mutationFn: (id: number) => unwrap(api().schedules.runNow({ id })), ...onDone });
  const pause = useMutation({ mutationFn: () => unwrap(api().schedules.pause()), ...onDone });
  const resume = useMutation({
    mutationFn: () => unwrap(api().schedules.resume()),
    onSuccess: (r) => {
      setSkipped(r.skipped);
      onDone.onSuccess();
    },
    onError: setActionError,
  });

  const creating = param === 'new';
  const selectedId = param && !creating ? Number(param) : null;
  const rows = list.data?.rows ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const pausedBy = state.data?.pausedBy ?? [];
  const userPaused = pausedBy.includes('user');

  return (
    <div className="master-page schedule-page">
      <section aria-label="バッチスケジュール一覧">
        <div className="toolbar">
          <h1>バッチスケジュール</h1>
          <button type="button" className="primary" onClick={() => go(page, 'new')}>
            新規
          </button>
          {userPaused ? (
            <button type="button" disabled={resume.isPending} onClick={() => resume.mutate()}>
              再開
            </button>
          ) : (
            <button type="button" disabled={pause.isPending} onClick={() => { setSkipped(null); pause.mutate(); }}>
              一時停止
            </button>
          )}
        </div>
        {pausedBy.length > 0 ? (
          <div className="banner banner-warn" role="status">
            {pausedBy.map((r) => PAUSE_LABELS[r]).join('・')}のため、スケジュールは実行されません。
            {pausedBy.includes('store-closed') ? '消費税自動更新が終わったら「受付再開」を行ってください。' : '「再開」を押すと次の予定から実行されます。'}
          </div>
        ) : null}
        {state.data && !state.data.active ? (
          <div className="notice notice-info" role="status">
            この画面ではスケジュールは自動実行されません（デスクトップアプリで実行されます）。「今すぐ実行」は使えます。
          </div>
        ) : null}
        {!skipped && state.data?.lastResume?.reason === 'store-closed' && state.data.lastResume.skipped.length > 0 ? (
          <div className="notice notice-info" role="status" aria-label="受付停止中に実行されなかった予定">
            <strong>受付再開によりスケジュールを再開しました（{jstDisplay(state.data.lastResume.at)}）。</strong>
            <p>受付停止中に実行されなかった予定が {state.data.lastResume.skipped.length} 件あります。注文は次回の取込でまとめて取り込まれます。</p>
            <ul className="skipped-list">
              {state.data.lastResume.skipped.map((s) => (
                <li key={`${s.jobId}-${s.atMs}`}>
                  {jstDisplay(s.at)} {s.jobName}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {skipped ? (
          <div className="notice notice-info" role="status" aria-label="一時停止中に実行されなかった予定">
            <strong>スケジュールを再開しました。</strong>
            {skipped.length === 0 ? (
              <p>一時停止中に予定されていた実行はありませんでした。</p>
            ) : (
              <>
                <p>一時停止中に実行されなかった予定が {skipped.length} 件あります。注文は次回の取込でまとめて取り込まれます。</p>
                <ul className="skipped-list">
                  {skipped.map((s) => (
                    <li key={`${s.jobId}-${s.atMs}`}>
                      {jstDisplay(s.at)} {s.jobName}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
        <ErrorNotice error={list.error ?? actionError} />
        <table className="data schedule-table">
          <thead>
            <tr>
              <th>ジョブ名</th>
              <th>実行条件</th>
              <th>状態</th>
              <th>次回実行</th>
              <th>最終結果</th>
              <th aria-label="操作" />
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="placeholder">
                  {list.isLoading ? '読み込み中…' : 'まだスケジュールがありません。「新規」から登録してください。'}
                </td>
              </tr>
            ) : (
              rows.map((r: ScheduleJobRow) => (
                <tr key={r.id} className={r.id === selectedId ? 'selected' : undefined} data-job-id={r.id}>
                  <td>
                    <a href={`#/${page}/${r.id}`} onClick={(e) => { e.preventDefault(); go(page, String(r.id)); }}>
                      {r.name}
                    </a>
                  </td>
                  <td>{r.description}</td>
                  <td>
                    {r.running ? <span className="badge badge-draft">実行中</span> : <span className={`badge ${r.enabled ? 'badge-ok' : 'badge-draft'}`}>{r.enabled ? '有効' : '無効'}</span>}
                  </td>
                  <td className="next-run">{r.enabled ? jstDisplay(r.nextRunAt) : '—'}</td>
                  <td>
                    <LastRunCell run={r.lastRun} onOpenLog={(importRunId) => go('system-log', String(importRunId))} />
                  </td>
                  <td>
                    <button type="button" disabled={r.running || runNow.isPending || pausedBy.length > 0} onClick={() => { setActionError(null); runNow.mutate(r.id); }}>
                      今すぐ実行
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <LoginItemSetting />
      </section>
      <section className="master-detail">
        {creating || selected ? (
          <>
            <ScheduleForm row={creating ? null : selected} onSaved={(row) => go(page, String(row.id))} onDeleted={() => go(page)} />
            {selected ? <RunHistory jobId={selected.id} onOpenLog={(id) => go('system-log', String(id))} /> : null}
          </>
        ) : (
          <p className="placeholder">一覧から選ぶか、「新規」を押してください。</p>
        )}
      </section>
    </div>
  );
}

/** 「ログイン時に起動」 (desktop app only). */
function LoginItemSetting() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['schedules', 'loginItem'], queryFn: () => unwrap(api().schedules.loginItem()) });
  const set = useMutation({
    mutationFn: (openAtLogin: boolean) => unwrap(api().schedules.setLoginItem({ openAtLogin })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['schedules', 'loginItem'] }),
  });
  return (
    <div className="login-item">
      <label className="inline-check">
        <input type="checkbox" disabled={!q.data?.supported || set.isPending} checked={q.data?.openAtLogin ?? false} onChange={(e) => set.mutate(e.target.checked)} />
        ログイン時に起動（PCにログインしたらタスクトレイで待機し、スケジュールを実行します）
      </label>
      {q.data && !q.data.supported ? <div className="field-hint">デスクトップアプリでのみ設定できます。</div> : null}
      <ErrorNotice error={set.error} />
    </div>
  );
}
