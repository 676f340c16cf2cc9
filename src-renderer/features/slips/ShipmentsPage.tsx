/** 出荷伝票: list and detail (lines, 部門/倉庫/ワークフロー, the BCart order id / code / logistics id). */
import type { ShipmentDetailView, ShipmentRowView } from '../../../src-shared/slips/slips';
import type { Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { yen } from '../import/format';
import { customerColumn, dateColumn, orderColumn } from './slip-columns';
import { SlipBrowser } from './SlipBrowser';
import { SlipLineCells, SlipLineHeaders } from './SlipLineCells';

const columns: Column<ShipmentRowView>[] = [
  dateColumn('出荷日'),
  orderColumn(),
  { key: 'logistics', header: '発送ID', width: 90, align: 'right', render: (r) => r.bcartLogisticsId ?? '' },
  customerColumn(),
  { key: 'amount', header: '金額', width: 120, align: 'right', render: (r) => yen(r.amount) },
];

export function ShipmentsPage() {
  return (
    <SlipBrowser
      page="shipments"
      title="出荷伝票"
      dateLabel="出荷日"
      columns={columns}
      emptyText="出荷伝票はありません。出荷取込処理で取り込まれます。"
      list={(input) => unwrap(api().shipments.list(input))}
      get={(id) => unwrap(api().shipments.get({ id }))}
      renderFacts={(s) => <ShipmentFacts s={s} />}
      renderTables={(s) => <ShipmentLines s={s} />}
    />
  );
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
          <td className="num">{yen(s.amount)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
