/**
 * 処理履歴 of the 消費税自動更新: each run with its counts and the automatic database backup taken
 * just before it, the run's change list, a restore behind its own confirmation, and the 管理者ログ.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ROUNDING_LABELS } from '../../../src-shared/domain/rounding';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatJstDateTime } from '../../format/datetime';
import { formatCount } from '../../format/number';
import { taxUpdateQueries } from '../../queries/tax-update';
import { StoreModeButtons } from '../store-mode/StoreModeButtons';
import { TaxUpdateRunDetail, type TaxUpdateRun } from './TaxUpdateRunDetail';
import './tax-update.css';
import { TableHead } from '../../components/TableHead';

const RUN_COLUMNS: Column<TaxUpdateRun>[] = [
  { key: 'id', header: 'No.', width: 50, align: 'right', render: (r) => r.id },
  { key: 'at', header: '実行日時', width: 140, render: (r) => formatJstDateTime(r.executedAt) },
  { key: 'event', header: '税率改定', render: (r) => r.eventLabel },
  { key: 'rounding', header: '算出設定', width: 80, render: (r) => ROUNDING_LABELS[r.rounding] },
  { key: 'targets', header: '対象', width: 70, align: 'right', render: (r) => formatCount(r.targets) },
  { key: 'apps', header: '更新申込', width: 80, align: 'right', render: (r) => formatCount(r.changedApplications) },
  { key: 'prices', header: '更新価格', width: 80, align: 'right', render: (r) => formatCount(r.changedPrices) },
  {
    key: 'state',
    header: '状態',
    width: 90,
    render: (r) => (r.restoredAt ? <span className="badge badge-draft">復元済み</span> : <span className="badge badge-ok">実行済み</span>),
  },
];

export function TaxUpdateHistoryPage() {
  const history = useQuery(taxUpdateQueries.history());
  const [runId, setRunId] = useState<number | null>(null);
  const run = history.data?.runs.find((r) => r.id === runId) ?? null;
  return (
    <div className="page">
      <h2>処理履歴(消費税自動更新)</h2>
      <StoreModeButtons />
      <ErrorNotice error={history.error} />
      <VirtualTable
        label="処理履歴"
        rows={history.data?.runs ?? []}
        columns={RUN_COLUMNS}
        rowKey={(r) => r.id}
        selectedKey={runId}
        onSelect={(r) => setRunId(r.id)}
        height={160}
        emptyText="消費税自動更新はまだ実行されていません。"
      />
      {run ? <TaxUpdateRunDetail run={run} /> : null}
      <h3>管理者ログ</h3>
      <table className="data" aria-label="管理者ログ">
        <TableHead headings={['日時', '内容']} />
        <tbody>
          {(history.data?.adminLogs ?? []).map((l) => (
            <tr key={l.id}>
              <td>{formatJstDateTime(l.createdAt)}</td>
              <td>{l.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
