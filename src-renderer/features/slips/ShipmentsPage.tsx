/** 出荷伝票: list and detail (lines, 部門/倉庫/ワークフロー, the BCart order id / code / logistics id). */
import type { ShipmentDetailView, ShipmentRowView } from '../../../src-shared/slips/slips';
import { formatYen } from '../../format/number';
import { slipQueries } from '../../queries/slips';
import { useNavigation } from '../../stores/navigation';
import { slipColumns } from './slip-columns';
import { SlipBrowser } from './SlipBrowser';
import { SlipLineCells, SlipLineHeaders } from './SlipLineCells';

const logisticsColumn = { key: 'logistics', header: '発送ID', width: 90, align: 'right', render: (r: ShipmentRowView) => r.bcartLogisticsId ?? '' } as const;
const columns = slipColumns<ShipmentRowView>('出荷日', [logisticsColumn], { header: '金額', of: (r) => r.amount });

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

/** 出荷明細 with the total. */
function ShipmentLines({ s }: { s: ShipmentDetailView }) {
  return (
    <table className="data" aria-label="出荷明細">
      <thead>
        <tr>
          <th>No.</th>
          <SlipLineHeaders />
          <th>税区分</th>
        </tr>
      </thead>
      <tbody>
        {s.lines.map((l) => (
          <tr key={l.lineNo}>
            <td>{l.lineNo}</td>
            <SlipLineCells line={l} />
            <td>
              {l.taxClassName} ({l.taxRate}%{l.taxIncluded ? '・税込' : ''})
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>合計</td>
          <td className="num">{formatYen(s.amount)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
