/** EC連携設定: list with 新規, and the detail (form, ECサイト認証, 決済方法ごとの得意先). */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ecSettingQueries } from '../../queries/ec-settings';
import { useNavigation } from '../../stores/navigation';
import { ConnectionSection } from './ConnectionSection';
import { EcSettingForm } from './EcSettingForm';
import { PaymentRulesSection } from './PaymentRulesSection';
import { TableHead } from '../../components/TableHead';
import { formatJstDate } from '../../format/datetime';

export function EcSettingsPage() {
  const { param, go, page } = useNavigation();
  const list = useQuery(ecSettingQueries.list());
  const creating = param === 'new';
  const selected = list.data?.rows.find((r) => String(r.id) === param) ?? null;
  return (
    <div className="master-page">
      <section className="master-list" aria-label="EC連携設定一覧">
        <div className="toolbar">
          <h1>EC連携設定</h1>
          <button type="button" className="primary" onClick={() => go(page, 'new')}>
            新規
          </button>
        </div>
        <ErrorNotice error={list.error} />
        <table className="data" aria-label="EC連携設定の一覧">
          <TableHead headings={['設定名', 'EC連携先', '出荷取込開始日', '商品連携区分']} />
          <tbody>
            {(list.data?.rows ?? []).map((r) => (
              <tr key={r.id} aria-selected={r.id === selected?.id} onClick={() => go(page, String(r.id))} style={{ cursor: 'pointer' }}>
                <td>
                  <button type="button" className="link-button" onClick={() => go(page, String(r.id))}>
                    {r.name}
                  </button>
                </td>
                <td>{r.platform}</td>
                <td>{formatJstDate(r.importStartDate)}</td>
                <td>{r.productLinkSameCode ? '同じコード' : 'EC連携商品'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.rows.length === 0 ? <p className="placeholder">まだ登録がありません。「新規」から登録するか、初期設定を実行してください。</p> : null}
        {selected ? <ConnectionSection settingId={selected.id} /> : null}
        {selected ? <PaymentRulesSection settingId={selected.id} /> : null}
      </section>
      <section>
        {creating || selected ? (
          <div className="master-detail">
            <EcSettingForm setting={creating ? null : selected} onSaved={(s) => go(page, String(s.id))} />
          </div>
        ) : (
          <p className="placeholder">一覧から選ぶか、「新規」を押してください。</p>
        )}
      </section>
    </div>
  );
}
