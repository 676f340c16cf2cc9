/** The columns of the 定期申込 list. */
import type { SubscriptionListRow } from '../../../src-shared/subscriptions/subscription-schema';
import type { Column } from '../../components/VirtualTable';

const STATUS_BADGE: Record<SubscriptionListRow['status'], string> = { 継続中: 'badge-ok', 停止: 'badge-draft', 解約: 'badge-err' };

export const SUBSCRIPTION_COLUMNS: Column<SubscriptionListRow>[] = [
  { key: 'code', header: '申込コード', width: 130, render: (r) => r.code },
  { key: 'customer', header: '得意先コード', width: 120, render: (r) => r.customerCode },
  { key: 'status', header: '状態', width: 80, render: (r) => <span className={`badge ${STATUS_BADGE[r.status]}`}>{r.status}</span> },
  { key: 'processed', header: '受注処理済', width: 90, align: 'center', render: (r) => (r.orderProcessed ? '済' : '') },
  { key: 'std', header: '標準税率', width: 80, align: 'right', render: (r) => `${r.standardRate}%` },
  { key: 'red', header: '軽減税率', width: 80, align: 'right', render: (r) => `${r.reducedRate}%` },
  { key: 'items', header: '商品', width: 60, align: 'right', render: (r) => r.itemCount },
  { key: 'name', header: '商品名(先頭)', render: (r) => r.firstItemName },
];
