/** What a run creates: 出荷伝票 (one per shipped BCart logistics record) and 請求伝票 (one per order). */
import type { PlanView } from '../../../src-shared/import/import-run';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatJstDate } from '../../format/datetime';
import { formatCount, formatYen } from '../../format/number';

type PlanShipment = PlanView['shipments'][number];
type PlanInvoice = PlanView['invoices'][number];

const shipmentColumns: Column<PlanShipment>[] = [
  { key: 'date', header: '出荷日', width: 104, render: (r) => formatJstDate(r.date) },
  { key: 'order', header: '受注番号', width: 130, render: (r) => r.orderCode },
  { key: 'logistics', header: '発送ID', width: 90, align: 'right', render: (r) => r.logisticsId },
  { key: 'customer', header: '得意先', render: (r) => r.customerCode },
  { key: 'lines', header: '明細', width: 60, align: 'right', render: (r) => r.lines.length },
  { key: 'amount', header: '金額', width: 120, align: 'right', render: (r) => formatYen(r.amount) },
];

const invoiceColumns: Column<PlanInvoice>[] = [
  { key: 'date', header: '請求日', width: 104, render: (r) => formatJstDate(r.date) },
  { key: 'order', header: '受注番号', width: 130, render: (r) => r.orderCode },
  { key: 'customer', header: '得意先', render: (r) => r.customerCode },
  { key: 'rates', header: '税率別（税抜 / 消費税）', render: (r) => r.byRate.map((b) => `${b.rate}%: ${formatYen(b.net)} / ${formatYen(b.tax)}`).join('　') },
  { key: 'total', header: '請求額', width: 120, align: 'right', render: (r) => formatYen(r.total) },
];

export function PlanTables({ plan }: { plan: PlanView }) {
  return (
    <div className="plan-tables">
      <h3>作成される出荷伝票 {formatCount(plan.shipments.length)} 件</h3>
      <VirtualTable label="作成される出荷伝票" rows={plan.shipments} columns={shipmentColumns} rowKey={(r) => r.logisticsId} height={240} emptyText="新しく発送済になった出荷はありません。" />
      <h3>作成される請求伝票 {formatCount(plan.invoices.length)} 件</h3>
      <VirtualTable label="作成される請求伝票" rows={plan.invoices} columns={invoiceColumns} rowKey={(r) => r.orderId} height={240} emptyText="全て発送済になった注文はありません。" />
      <p className="count">出荷待ちとして確認を続ける注文: {formatCount(plan.watch)} 件{plan.truncated ? '（表示は先頭のみ）' : ''}</p>
    </div>
  );
}
