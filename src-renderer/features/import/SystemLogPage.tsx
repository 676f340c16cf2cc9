/**
 * システムログ: every entry of the import (and other jobs), filtered by level and by run. The route
 * `#/system-log/<importRunId>` (the バッチスケジュール screen's links) opens it filtered to that run.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SystemLogRow } from '../../../src-shared/import/import-run';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatDatesInText, formatJstDateTime } from '../../format/datetime';
import { formatCount } from '../../format/number';
import { systemLogQueries, type LogLevel } from '../../queries/import';
import { useNavigation } from '../../stores/navigation';
import { LEVEL_LABELS } from './import-labels';

const BADGE: Record<string, string> = { info: 'badge-ok', warn: 'badge-draft', error: 'badge-err' };

const columns: Column<SystemLogRow>[] = [
  { key: 'createdAt', header: '日時', width: 132, render: (r) => formatJstDateTime(r.createdAt) },
  { key: 'level', header: '区分', width: 64, render: (r) => <span className={`badge ${BADGE[r.level]}`}>{LEVEL_LABELS[r.level]}</span> },
  { key: 'run', header: '取込No.', width: 76, align: 'right', render: (r) => r.runId ?? '' },
  { key: 'order', header: '受注番号', width: 112, render: (r) => r.orderCode ?? '' },
  { key: 'message', header: '内容と対処', render: (r) => <span title={formatDatesInText(r.message)}>{formatDatesInText(r.message)}</span> },
];

export function SystemLogPage() {
  const [level, setLevel] = useState<'' | LogLevel>('');
  const { param, go } = useNavigation();
  const [run, setRun] = useState(param ?? '');
  // a new route param (another run's link while this page is open) re-seeds the filter; adjusted
  // during render rather than in an effect so the first query already asks for that run only
  const [seededFrom, setSeededFrom] = useState(param);
  if (param !== seededFrom) {
    setSeededFrom(param);
    setRun(param ?? '');
  }
  const runId = /^\d+$/.test(run) && Number(run) > 0 ? Number(run) : undefined;
  const clearRun = () => {
    setRun('');
    // drop the run from the route too, so reload / back do not bring the filter back
    if (param !== null) go('system-log');
  };
  const q = useQuery(systemLogQueries.list({ level: level || null, runId: runId ?? null }));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // the detail follows the filter: a line the filter hides is no longer shown below the list
  const selected = q.data?.rows.find((r) => r.id === selectedId) ?? null;
  return (
    <div className="page">
      <h1>システムログ</h1>
      <div className="toolbar">
        <label htmlFor="log-level">区分</label>
        <select id="log-level" value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
          <option value="">すべて</option>
          <option value="error">エラー</option>
          <option value="warn">注意</option>
          <option value="info">情報</option>
        </select>
        <label htmlFor="log-run">取込No.</label>
        <input id="log-run" type="search" inputMode="numeric" value={run} onChange={(e) => setRun(e.target.value.trim())} placeholder="すべて" />
        <span className="count">{q.data ? `${formatCount(q.data.total)} 件` : ''}</span>
      </div>
      {runId ? (
        <Notice kind="info" label="取込No.で絞り込み中">
          取込No. {runId} のログだけを表示しています。
          <button type="button" className="link-button" onClick={clearRun}>
            絞り込みを解除してすべて表示
          </button>
        </Notice>
      ) : null}
      {q.error ? <ErrorNotice error={q.error} /> : null}
      <VirtualTable label="システムログ" rows={q.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} selectedKey={selected?.id ?? null} onSelect={(r) => setSelectedId(r.id)} height="max(200px, calc(100vh - 380px))" emptyText="ログはありません。" />
      {selected ? (
        <section aria-label="ログの詳細">
          <Notice
            kind={selected.level === 'error' ? 'error' : selected.level === 'warn' ? 'warning' : 'info'}
            live={false}
            title={[LEVEL_LABELS[selected.level], formatJstDateTime(selected.createdAt), selected.runId ? `取込No. ${selected.runId}` : '', selected.orderCode ? `受注番号 ${selected.orderCode}` : ''].filter(Boolean).join(' / ')}
          >
            <p className="log-message">{formatDatesInText(selected.message)}</p>
          </Notice>
        </section>
      ) : null}
    </div>
  );
}
