/**
 * 処理履歴 of the 消費税自動更新: each run with its counts and the automatic database backup taken
 * just before it, the run's change list, a restore behind its own confirmation, and the 管理者ログ.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import type { PlanChangeField } from '../../../src-shared/tax-update/types';
import { ROUNDING_LABELS } from '../../../src-shared/domain/rounding';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { StoreModeButtons } from '../store-mode/StoreModeButtons';
import './tax-update.css';

type Run = ChannelOutput<'taxUpdate:history'>['runs'][number];
type ChangeRow = ChannelOutput<'taxUpdate:changes'>['rows'][number] & { key: number };

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const fileName = (path: string | null) => (path === null ? 'なし' : (path.split(/[\\/]/).pop() ?? path));

const RUN_COLUMNS: Column<Run>[] = [
  { key: 'id', header: 'No.', width: 50, align: 'right', render: (r) => r.id },
  { key: 'at', header: '実行日時', width: 140, render: (r) => when(r.executedAt) },
  { key: 'event', header: '税率改定', render: (r) => r.eventLabel },
  { key: 'rounding', header: '算出設定', width: 80, render: (r) => ROUNDING_LABELS[r.rounding] },
  { key: 'targets', header: '対象', width: 70, align: 'right', render: (r) => r.targets.toLocaleString() },
  { key: 'apps', header: '更新申込', width: 80, align: 'right', render: (r) => r.changedApplications.toLocaleString() },
  { key: 'prices', header: '更新価格', width: 80, align: 'right', render: (r) => r.changedPrices.toLocaleString() },
  {
    key: 'state',
    header: '状態',
    width: 90,
    render: (r) => (r.restoredAt ? <span className="badge badge-draft">復元済み</span> : <span className="badge badge-ok">実行済み</span>),
  },
];

const CHANGE_COLUMNS: Column<ChangeRow>[] = [
  { key: 'app', header: '申込コード', width: 120, render: (c) => c.applicationCode },
  { key: 'product', header: '商品番号', width: 110, render: (c) => c.productCode },
  { key: 'variation', header: '枝番', width: 80, render: (c) => c.variation },
  { key: 'field', header: '項目', width: 200, render: (c) => `${PLAN_FIELD_LABELS[c.field as PlanChangeField] ?? c.field}${c.optionName ? `(${c.optionName})` : ''}` },
  { key: 'change', header: '変更前 → 変更後', align: 'right', render: (c) => `${c.oldValue} → ${c.newValue}` },
];

export function TaxUpdateHistoryPage() {
  const qc = useQueryClient();
  const history = useQuery({ queryKey: ['taxUpdate', 'history'], queryFn: () => unwrap(api().taxUpdate.history()) });
  const [runId, setRunId] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const run = history.data?.runs.find((r) => r.id === runId) ?? null;
  const changes = useQuery({
    queryKey: ['taxUpdate', 'changes', runId],
    queryFn: () => unwrap(api().taxUpdate.changes({ runId: runId!, limit: 200_000 })),
    enabled: runId !== null,
  });
  const restore = useMutation({
    mutationFn: (id: number) => unwrap(api().taxUpdate.restore({ runId: id, confirm: true })),
    onSuccess: () => {
      setConfirming(false);
      setAgreed(false);
      void qc.invalidateQueries({ queryKey: ['taxUpdate'] });
      void qc.invalidateQueries({ queryKey: ['subscriptions'] });
    },
  });

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
        onSelect={(r) => {
          setRunId(r.id);
          setConfirming(false);
        }}
        height={160}
        emptyText="消費税自動更新はまだ実行されていません。"
      />
      {run ? (
        <section className="tu-step" aria-label="処理の詳細">
          <h3>No.{run.id} {run.eventLabel}</h3>
          <dl className="facts">
            <dt>実行日時</dt>
            <dd>{when(run.executedAt)}</dd>
            <dt>件数</dt>
            <dd>
              対象 {run.targets.toLocaleString()}件 / 更新した申込 {run.changedApplications.toLocaleString()}件 / 更新した価格 {run.changedPrices.toLocaleString()}件 / 変更{' '}
              {run.changeCount.toLocaleString()}件
            </dd>
            <dt>自動バックアップ</dt>
            <dd title={run.backupFile ?? ''}>{fileName(run.backupFile)}</dd>
            <dt>復元</dt>
            <dd>{run.restoredAt ? `${when(run.restoredAt)} に実行前の状態へ復元しました` : '未実行'}</dd>
          </dl>
          <h4>変更一覧</h4>
          <VirtualTable label="変更一覧" rows={(changes.data?.rows ?? []).map((c, i) => ({ ...c, key: i }))} columns={CHANGE_COLUMNS} rowKey={(c) => c.key} height={260} />
          {run.restoredAt === null ? (
            confirming ? (
              <div className="tu-confirm" role="alertdialog" aria-label="復元の確認">
                <p>
                  実行前の自動バックアップ({fileName(run.backupFile)})から、すべての定期申込を実行前の状態に戻します。実行後に行った定期申込の編集や取込は失われます。
                  この税率改定の自動更新は実行済みのままとなり、再実行はできません。
                </p>
                <label>
                  <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
                  上記を理解の上、復元します。
                </label>
                <div className="form-actions">
                  <button type="button" className="primary" disabled={!agreed || restore.isPending} onClick={() => restore.mutate(run.id)}>
                    復元を実行する
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    やめる
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                バックアップから復元…
              </button>
            )
          ) : null}
          {restore.isSuccess ? (
            <div className="notice notice-ok" role="status">
              実行前の状態に復元しました。定期申込の内容を確認してください。
            </div>
          ) : null}
          <ErrorNotice error={restore.error ?? changes.error} />
        </section>
      ) : null}
      <h3>管理者ログ</h3>
      <table className="data" aria-label="管理者ログ">
        <thead>
          <tr>
            <th>日時</th>
            <th>内容</th>
          </tr>
        </thead>
        <tbody>
          {(history.data?.adminLogs ?? []).map((l) => (
            <tr key={l.id}>
              <td>{when(l.createdAt)}</td>
              <td>{l.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
