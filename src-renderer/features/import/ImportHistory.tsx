/** 取込履歴: every run of the chosen EC連携設定, newest first; a click shows its result and log. */
import { useQuery } from '@tanstack/react-query';
import type { ImportRunRow } from '../../../src-shared/import/import-run';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatJstDate, formatJstDateTime } from '../../format/datetime';
import { formatCount, formatYen } from '../../format/number';
import { importQueries } from '../../queries/import';

const STATUS: Record<ImportRunRow['status'], { label: string; badge: string }> = {
  running: { label: '実行中', badge: 'badge-draft' },
  succeeded: { label: '成功', badge: 'badge-ok' },
  failed: { label: '失敗', badge: 'badge-err' },
  cancelled: { label: '中止', badge: 'badge-neutral' },
};

const columns: Column<ImportRunRow>[] = [
  { key: 'id', header: 'No.', width: 52, align: 'right', render: (r) => r.id },
  { key: 'startedAt', header: '開始', width: 132, render: (r) => formatJstDateTime(r.startedAt) },
  { key: 'kind', header: '種類', width: 110, render: (r) => (r.dryRun ? '取込プレビュー' : '出荷取込処理') },
  { key: 'status', header: '結果', width: 64, render: (r) => <span className={`badge ${STATUS[r.status].badge}`}>{STATUS[r.status].label}</span> },
  // two short dates (12/01〜12/07) keep the row on one line; the year is in 開始
  { key: 'window', header: '受注日', width: 150, render: (r) => (r.windowFrom ? `${formatJstDate(r.windowFrom)}〜${formatJstDate(r.windowTo).slice(5)}` : '—') },
  { key: 'shipments', header: '出荷', width: 56, align: 'right', render: (r) => formatCount(r.shipmentsCreated) },
  { key: 'invoices', header: '請求', width: 56, align: 'right', render: (r) => formatCount(r.invoicesCreated) },
  { key: 'amount', header: '請求額', width: 110, align: 'right', render: (r) => formatYen(r.amount) },
  { key: 'errors', header: 'エラー', width: 62, align: 'right', render: (r) => formatCount(r.errorCount) },
];

export function ImportHistory({ settingId, selected, onSelect }: { settingId: number; selected: number | null; onSelect: (runId: number) => void }) {
  const q = useQuery(importQueries.history(settingId));
  if (q.error) return <ErrorNotice error={q.error} />;
  return (
    <VirtualTable label="取込履歴" rows={q.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} selectedKey={selected} onSelect={(r) => onSelect(r.id)} height={220} emptyText="まだ取込は実行されていません。" />
  );
}
