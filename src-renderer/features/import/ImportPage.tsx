/**
 * 出荷取込処理 (docs/import-rules.md): pick the EC連携設定, run 取込プレビュー (nothing written) or
 * 出荷取込処理; progress (pages, orders) arrives live; the result lists counts, amounts and every
 * problem with its 受注番号 and fix; the history below keeps every run.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { jstDateOf } from '../../../src-shared/domain/jst-date';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, unwrap } from '../../ipc/api';
import { importQueries } from '../../queries/import';
import { CancelRunButton } from './CancelRunButton';
import { CatchUpButton } from './CatchUp';
import { PHASE_LABELS } from './import-labels';
import { ImportHistory } from './ImportHistory';
import { RunResult } from './RunResult';
import { useImportEvents } from './use-import-events';
import { formatJstDate } from '../../format/datetime';

export function ImportPage() {
  const targets = useQuery(importQueries.targets());
  const [settingId, setSettingId] = useState<number | null>(null);
  /** the run started from this screen */
  const [active, setActive] = useState<number | null>(null);
  /** the run whose result is shown (the active one once done, or one picked in the history) */
  const [viewed, setViewed] = useState<number | null>(null);
  const rows = useMemo(() => targets.data?.rows ?? [], [targets.data]);
  useEffect(() => {
    if (settingId === null && rows.length > 0) setSettingId(rows[0]!.id);
  }, [rows, settingId]);
  const current = rows.find((r) => r.id === settingId) ?? null;
  const { progress, done } = useImportEvents(active);
  useEffect(() => {
    if (done && active !== null) setViewed(active);
  }, [done, active]);
  const start = useMutation({
    mutationFn: (dryRun: boolean) => unwrap(dryRun ? api().import.preview({ settingId: settingId! }) : api().import.run({ settingId: settingId! })),
    onSuccess: (r) => {
      setViewed(null);
      setActive(r.runId);
    },
  });
  /** 最新まで取込 in progress (its windows are runs of their own) */
  const [catchingUp, setCatchingUp] = useState(false);
  const onCatchUp = useCallback((r: boolean) => setCatchingUp(r), []);
  const running = start.isPending || (active !== null && !done) || catchingUp;

  return (
    <div className="page import-page">
      <h1>出荷取込処理</h1>
      {targets.error ? <ErrorNotice error={targets.error} /> : null}
      {targets.data && rows.length === 0 ? (
        <Notice kind="info" live={false}>
          EC連携設定がありません。システム設定の「初期設定」または「EC連携設定」で設定を作成してください。
        </Notice>
      ) : null}
      <div className="toolbar">
        <label htmlFor="import-setting">EC連携設定</label>
        <select id="import-setting" value={settingId ?? ''} onChange={(e) => setSettingId(Number(e.target.value))} disabled={running}>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <span className="count">
          出荷取込開始日: {current?.importStartDate ? formatJstDate(current.importStartDate, { weekday: true }) : '未設定'}
          {current?.importStartDate ? (current.importStartDate >= jstDateOf(Date.now()) ? '（最新まで取込済み）' : '（未取込の期間があります）') : ''}
        </span>
        <button type="button" disabled={!current || running} onClick={() => start.mutate(true)}>
          取込プレビュー
        </button>
        <button type="button" className="primary" disabled={!current || running} onClick={() => start.mutate(false)}>
          出荷取込処理
        </button>
        {current ? <CatchUpButton key={current.id} settingId={current.id} disabled={running && !catchingUp} onRunning={onCatchUp} /> : null}
      </div>
      {start.error ? <ErrorNotice error={start.error} /> : null}
      {active !== null && !done ? (
        <Notice kind="info" title={`実行中: ${PHASE_LABELS[progress?.phase ?? 'fetching']}`}>
          <p>
            取得ページ {progress?.pages ?? 0} / 注文 {progress?.orders ?? 0} 件 / Bカートへの問い合わせ {progress?.requests ?? 0} 回
          </p>
          <CancelRunButton key={active} runId={active} />
        </Notice>
      ) : null}
      {viewed !== null ? <RunResult key={viewed} runId={viewed} /> : null}
      {settingId !== null ? (
        <>
          <h2>取込履歴</h2>
          <ImportHistory settingId={settingId} selected={viewed} onSelect={setViewed} />
        </>
      ) : null}
    </div>
  );
}
