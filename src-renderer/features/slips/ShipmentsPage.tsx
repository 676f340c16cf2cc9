/** 出荷伝票: list and detail (lines, 部門/倉庫/ワークフロー, the BCart order id / code / logistics id). */
import type { ShipmentDetailView, ShipmentRowView } from '../../../src-shared/slips/slips';
import { slipQueries } from '../../queries/slips';
import { useNavigation } from '../../stores/navigation';
import { slipColumns } from './slip-columns';
import { SlipBrowser } from './SlipBrowser';
import { SlipLinesTable } from './SlipLinesTable';

const logisticsColumn = {
  key: 'logistics',
  header: '発送ID',
  width: 84,
  align: 'right',
  sortable: true,
  render: (r: ShipmentRowView) => r.bcartLogisticsId ?? '',
  value: (r: ShipmentRowView) => r.bcartLogisticsId,
} as const;
const columns = slipColumns<ShipmentRowView>('出荷日', [logisticsColumn], { header: '金額(Bカート単価)', of: (r) => r.amount });

export function ShipmentsPage() {
  const renderDetail = (s: ShipmentDetailView) => ({ facts: <ShipmentFacts s={s} />, tables: <ShipmentLines s={s} /> });
  return <SlipBrowser kind="shipments" columns={columns} list={slipQueries.shipments} detail={slipQueries.shipment} renderDetail={renderDetail} />;
}

/** The BCart logistics id and the link to the order's 請求伝票. */
function ShipmentFacts({ s }: { s: ShipmentDetailView }) {
  const { go } = useNavigation();
  return (
    <>
      <dt>Bカート発送ID</dt>
      <dd>{s.bcartLogisticsId}</dd>
      <dt>請求伝票</dt>
      <dd>
        {s.invoiceId ? (
          <button type="button" className="link-button" onClick={() => go('invoices', String(s.invoiceId))}>
            請求伝票 #{s.invoiceId} を開く
          </button>
        ) : (
          '未作成（全ての発送が済むと作成されます）'
        )}
      </dd>
    </>
  );
}

type ShipmentLine = ShipmentDetailView['lines'][number];

/** 出荷明細 with the total. */
function ShipmentLines({ s }: { s: ShipmentDetailView }) {
  const tax = { header: '税区分', cell: (l: ShipmentLine) => `${l.taxClassName} (${l.taxRate}%${l.taxIncluded ? '・税込' : ''})` };
  return <SlipLinesTable label="出荷明細" lines={s.lines} tax={tax} total={s.amount} />;
}
