/** 請求伝票: list and detail (lines incl. 送料・手数料 / ポイント, per-rate totals, the 出荷伝票 with BCart ids). */
import type { InvoiceDetailView, InvoiceRowView } from '../../../src-shared/slips/slips';
import type { Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { LINE_KIND_LABELS, yen } from '../import/format';
import { customerColumn, dateColumn, orderColumn } from './slip-columns';
import { SlipBrowser } from './SlipBrowser';
import { SlipLineCells, SlipLineHeaders } from './SlipLineCells';

const columns: Column<InvoiceRowView>[] = [
  dateColumn('請求日'),
  orderColumn(),
  customerColumn(),
  { key: 'total', header: '請求額', width: 120, align: 'right', render: (r) => yen(r.total) },
];

export function InvoicesPage() {
  return (
    <SlipBrowser
      page="invoices"
      title="請求伝票"
      dateLabel="請求日"
      columns={columns}
      emptyText="請求伝票はありません。注文の全ての発送が済むと出荷取込処理で作成されます。"
      list={(input) => unwrap(api().invoices.list(input))}
      get={(id) => unwrap(api().invoices.get({ id }))}
      renderFacts={(inv) => <InvoiceShipments inv={inv} />}
      renderTables={(inv) => <InvoiceTables inv={inv} />}
    />
  );
}

/** The 出荷伝票 of the invoice's order, each a link with its BCart logistics id. */
function InvoiceShipments({ inv }: { inv: InvoiceDetailView }) {
  const { go } = useNavigation();
  return (
    <>
      <dt>出荷伝票</dt>
      <dd>
        {inv.shipments.map((s) => (
          <button key={s.id} type="button" className="link-button slip-link" onClick={() => go('shipments', String(s.id))}>
            #{s.id}（発送ID {s.bcartLogisticsId}、{s.date}）
          </button>
        ))}
      </dd>
    </>
  );
}

/** 請求明細 and the per-rate totals (BCart's tax beside the app's own). */
function InvoiceTables({ inv }: { inv: InvoiceDetailView }) {
  return (
    <>
      <table className="data" aria-label="請求明細">
        <thead>
          <tr>
            <th>No.</th>
            <th>区分</th>
            <SlipLineHeaders />
            <th>税率</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>{l.lineNo}</td>
              <td>{LINE_KIND_LABELS[l.kind] ?? l.kind}</td>
              <SlipLineCells line={l} />
              <td>
                {l.taxRate}%{l.taxIncluded ? '（税込）' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data" aria-label="税率別合計">
        <thead>
          <tr>
            <th>税率</th>
            <th>税抜</th>
            <th>消費税</th>
            <th>税込</th>
            <th>アプリ計算の消費税</th>
          </tr>
        </thead>
        <tbody>
          {inv.taxTotals.map((t) => (
            <tr key={t.rate}>
              <td>{t.rate}%</td>
              <td className="num">{yen(t.net)}</td>
              <td className="num">{yen(t.tax)}</td>
              <td className="num">{yen(t.gross)}</td>
              <td className="num">
                {yen(t.appTax)}
                {t.appTax !== t.tax ? ' (差異あり)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>請求額</td>
            <td colSpan={2} />
            <td className="num">{yen(inv.total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </>
  );
}
