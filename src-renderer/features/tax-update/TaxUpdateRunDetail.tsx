/** One 消費税自動更新 run of the 処理履歴: when, counts, its automatic backup, its change list, and 復元. */
import { useQuery } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable } from '../../components/VirtualTable';
import { formatJstDateTime } from '../../format/datetime';
import { formatCount } from '../../format/number';
import { taxUpdateQueries } from '../../queries/tax-update';
import { changeColumns, changeValueText, numbered } from './change-columns';
import { RestoreRun } from './RestoreRun';
import { TaxUpdateStep } from './TaxUpdateStep';

export type TaxUpdateRun = ChannelOutput<'taxUpdate:history'>['runs'][number];
type ChangeRow = ChannelOutput<'taxUpdate:changes'>['rows'][number] & { key: number };

const CHANGE_COLUMNS = changeColumns<ChangeRow>((c) => `${changeValueText(c.field, c.oldValue)} → ${changeValueText(c.field, c.newValue)}`);

/** the backup's file name (its folder is the data folder's backups/) */
const fileName = (path: string | null) => (path === null ? 'なし' : (path.split(/[\\/]/).pop() ?? path));

export function TaxUpdateRunDetail({ run }: { run: TaxUpdateRun }) {
  const changes = useQuery(taxUpdateQueries.changes(run.id));
  return (
    <TaxUpdateStep label="処理の詳細" heading={`No.${run.id} ${run.eventLabel}`}>
      <dl className="facts">
        <dt>実行日時</dt>
        <dd>{formatJstDateTime(run.executedAt)}</dd>
        <dt>件数</dt>
        <dd>
          対象 {formatCount(run.targets)}件 / 更新した申込 {formatCount(run.changedApplications)}件 / 更新した価格{' '}
          {formatCount(run.changedPrices)}件 / 変更 {formatCount(run.changeCount)}件
        </dd>
        <dt>自動バックアップ</dt>
        <dd title={run.backupFile ?? ''}>{fileName(run.backupFile)}</dd>
        <dt>復元</dt>
        <dd>{run.restoredAt ? `${formatJstDateTime(run.restoredAt)} に実行前の状態へ復元しました` : '未実行'}</dd>
      </dl>
      <h4>変更一覧</h4>
      <VirtualTable
        label="変更一覧"
        rows={numbered(changes.data?.rows ?? [])}
        columns={CHANGE_COLUMNS}
        rowKey={(c) => c.key}
        height={260}
      />
      <RestoreRun key={run.id} runId={run.id} backupName={fileName(run.backupFile)} restored={run.restoredAt !== null} />
      <ErrorNotice error={changes.error} />
    </TaxUpdateStep>
  );
}
