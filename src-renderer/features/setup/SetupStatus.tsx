/**
 * Where 初期設定 stands, read from the books: what exists for each step (部門, 倉庫, 請求口座,
 * 送料・値引の商品, EC連携設定, ECサイト認証) and what is left. Once everything is there the page
 * opens on this finished state instead of the demo button.
 */
import { useQuery } from '@tanstack/react-query';
import { formatCount } from '../../format/number';
import { ecSettingQueries } from '../../queries/ec-settings';
import { masterQueries, partnerQueries } from '../../queries/masters';

export interface SetupProgress {
  /** one line per step: done, and what exists / is left */
  steps: { label: string; done: boolean; text: string }[];
  done: boolean;
  loading: boolean;
  /** the first EC連携設定 (for the 認証 step) */
  settingId: number | null;
}

export function useSetupProgress(): SetupProgress {
  const departments = useQuery(masterQueries('departments').options(1));
  const warehouses = useQuery(partnerQueries.optionsOfKind('倉庫', 1));
  const banks = useQuery(masterQueries('bankAccounts').options(1));
  const products = useQuery(masterQueries('products').options(1));
  const settings = useQuery(ecSettingQueries.list());
  const first = settings.data?.rows[0] ?? null;
  const connection = useQuery({ ...ecSettingQueries.connection(first?.id ?? 0), enabled: first !== null });
  const count = (n: number | undefined, unit: string, what: string) => (n ? `${formatCount(n)}${unit}登録済み` : `${what}がまだありません`);
  const steps = [
    { label: '部門', done: (departments.data?.total ?? 0) > 0, text: count(departments.data?.total, '件', '部門') },
    { label: '倉庫', done: (warehouses.data?.total ?? 0) > 0, text: count(warehouses.data?.total, '件', '倉庫 (取引先種別「倉庫」)') },
    { label: '請求口座', done: (banks.data?.total ?? 0) > 0, text: count(banks.data?.total, '件', '請求口座') },
    { label: '商品', done: (products.data?.total ?? 0) > 0, text: count(products.data?.total, '件', '商品 (送料・手数料と値引・ポイントを含む)') },
    { label: 'EC連携設定', done: first !== null, text: first ? `「${first.name}」${(settings.data?.rows.length ?? 0) > 1 ? ` ほか${settings.data!.rows.length - 1}件` : ''}` : 'EC連携設定がまだありません' },
    {
      label: '認証',
      done: connection.data?.status === '認証済',
      text: first === null ? 'EC連携設定の保存後に行います' : connection.data ? `ECサイト認証: ${connection.data.status}` : '確認中…',
    },
  ];
  const loading = [departments, warehouses, banks, products, settings].some((q) => q.isPending);
  return { steps, done: !loading && steps.every((s) => s.done), loading, settingId: first?.id ?? null };
}

export function SetupStatus({ progress, onStep }: { progress: SetupProgress; onStep: (index: number) => void }) {
  if (progress.loading) return <p className="placeholder">初期設定の状況を確認中…</p>;
  return (
    <section className="setup-status" aria-label="初期設定の状況">
      <h2>{progress.done ? '初期設定は完了しています' : '初期設定の状況'}</h2>
      <ul>
        {progress.steps.map((s, i) => (
          <li key={s.label}>
            <span className={`badge ${s.done ? 'badge-ok' : 'badge-draft'}`}>{s.done ? '済' : '未'}</span>{' '}
            <button type="button" className="link-button" onClick={() => onStep(i)}>
              {i + 1}. {s.label}
            </button>
            : {s.text}
          </li>
        ))}
      </ul>
      {progress.done ? <p className="field-hint">マスタの追加・変更は各マスタ画面で、EC連携設定の変更は「EC連携設定」で行えます。</p> : null}
    </section>
  );
}
