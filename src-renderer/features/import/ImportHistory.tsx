/** 取込履歴: every run of the chosen EC連携設定, newest first; a click shows its result and log. */
import { useQuery } from '@tanstack/react-query';
import type { ImportRunRow } from '../../../src-shared/import/import-run';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatJstDateTime } from '../../format/datetime';
import { formatYen } from '../../format/number';
import { importQueries } from '../../queries/import';

const STATUS: Record<ImportRunRow['status'], { label: string; badge: string }> = {
  running: { label: '実行中', badge: 'badge-draft' },
  succeeded: { label: '成功', badge: 'badge-ok' },
  failed: { label: '失敗', badge: 'badge-err' },
  cancelled: { label: '中止', badge: 'badge-neutral' },
};

const columns: Column<ImportRunRow>[] = [
  { key: 'id', header: 'No.', width: 60, align: 'right', render: (r) => r.id },
  { key: 'startedAt', header: '開始', width: 140, render: (r) => formatJstDateTime(r.startedAt) },
  { key: 'kind', header: '種類', width: 110, render: (r) => (r.dryRun ? '取込プレビュー' : '出荷取込処理') },
  { key: 'status', header: '結果', width: 70, render: (r) => <span className={`badge ${STATUS[r.status].badge}`}>{STATUS[r.status].label}</span> },
  { key: 'window', header: '受注日', width: 190, render: (r) => (r.windowFrom ? `${r.windowFrom}〜${r.windowTo}` : '—') },
  { key: 'shipments', header: '出荷', width: 60, align: 'right', render: (r) => r.shipmentsCreated },
  { key: 'invoices', header: '請求', width: 60, align: 'right', render: (r) => r.invoicesCreated },
  { key: 'amount', header: '請求額', width: 110, align: 'right', render: (r) => formatYen(r.amount) },
  { key: 'errors', header: 'エラー', width: 60, align: 'right', render: (r) => r.errorCount },
];

export function ImportHistory({ settingId, selected, onSelect }: { settingId: number; selected: number | null; onSelect: (runId: number) => void }) {
  const q = useQuery(importQueries.history(settingId));
  if (q.error) return <ErrorNotice error={q.error} />;
  return (
    <VirtualTable label="取込履歴" rows={q.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} selectedKey={selected} onSelect={(r) => onSelect(r.id)} height={220} emptyText="まだ取込は実行されていません。" />
  );
}
