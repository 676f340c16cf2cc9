/** 請求伝票: list and detail (lines incl. 送料・手数料 / ポイント, per-rate totals, the 出荷伝票 with BCart ids). */
import type { InvoiceDetailView, InvoiceRowView } from '../../../src-shared/slips/slips';
import { formatJstDate } from '../../format/datetime';
import { formatYen } from '../../format/number';
import { slipQueries } from '../../queries/slips';
import { useNavigation } from '../../stores/navigation';
import { slipColumns } from './slip-columns';
import { SlipBrowser } from './SlipBrowser';
import { SlipLinesTable } from './SlipLinesTable';
import { TableHead } from '../../components/TableHead';

const columns = slipColumns<InvoiceRowView>('請求日', [], { header: '請求額(Bカート)', of: (r) => r.total });

const LINE_KIND_LABELS: Record<string, string> = { product: '商品', shipping: '送料', 'payment-fee': '決済手数料', point: 'ポイント値引' };

export function InvoicesPage() {
  const renderDetail = (inv: InvoiceDetailView) => ({ facts: <InvoiceShipments inv={inv} />, tables: <InvoiceTables inv={inv} /> });
  return <SlipBrowser kind="invoices" columns={columns} list={slipQueries.invoices} detail={slipQueries.invoice} renderDetail={renderDetail} />;
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
            #{s.id}（発送ID {s.bcartLogisticsId}、{formatJstDate(s.date)}）
          </button>
        ))}
      </dd>
    </>
  );
}

type InvoiceLine = InvoiceDetailView['lines'][number];
const LINE_KIND = { header: '区分', cell: (l: InvoiceLine) => LINE_KIND_LABELS[l.kind] ?? l.kind };
const LINE_TAX = { header: '税率', cell: (l: InvoiceLine) => `${l.taxRate}%${l.taxIncluded ? '（税込）' : ''}` };

/** 請求明細 and the per-rate totals (BCart's tax beside the app's own). */
function InvoiceTables({ inv }: { inv: InvoiceDetailView }) {
  return (
    <>
      <SlipLinesTable label="請求明細" lines={inv.lines} kind={LINE_KIND} tax={LINE_TAX} />
      <table className="data" aria-label="税率別合計">
        <TableHead headings={['税率', '税抜', '消費税', '税込', 'アプリ計算の消費税']} />
        <tbody>
          {inv.taxTotals.map((t) => (
            <tr key={t.rate}>
              <td>{t.rate}%</td>
              <td className="num">{formatYen(t.net)}</td>
              <td className="num">{formatYen(t.tax)}</td>
              <td className="num">{formatYen(t.gross)}</td>
              <td className="num">
                {formatYen(t.appTax)}
                {t.appTax !== t.tax ? ' (差異あり)' : ''}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>請求額</td>
            <td colSpan={2} />
            <td className="num">{formatYen(inv.total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className="field-hint table-note">
        「消費税」はBカートの注文に記録された額です。「アプリ計算の消費税」はこのアプリが税率ごとの税抜額 × 税率を
        請求書単位・税率ごとに1回、EC連携設定の「消費税の端数処理」で計算し直した額で、インボイスの確認に使います。
        違いがある行には「差異あり」と出ます(請求額はBカートの額のまま取り込みます)。
      </p>
    </>
  );
}
