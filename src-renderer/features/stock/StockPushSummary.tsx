/** The dashboard's 在庫反映 line: pending / failed / ambiguous counts with a link to 在庫反映状況. */
import { useQuery } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { stockQueries } from '../../queries/stock';
import { useNavigation } from '../../stores/navigation';

export function StockPushSummary() {
  const { go } = useNavigation();
  const q = useQuery(stockQueries.counts());
  const c = q.data;
  const attention = c ? c.failed + c.ambiguous : 0;
  return (
    <section aria-label="在庫反映">
      <h2>在庫反映</h2>
      <ErrorNotice error={q.error} />
      {c ? (
        <p>
          <span className="badge badge-draft">未送信 {c.pending}</span>{' '}
          <span className={`badge ${c.failed > 0 ? 'badge-err' : 'badge-neutral'}`}>失敗 {c.failed}</span>{' '}
          <span className={`badge ${c.ambiguous > 0 ? 'badge-err' : 'badge-neutral'}`}>要確認 {c.ambiguous}</span>{' '}
          <button type="button" className="link-button" onClick={() => go('stock-push')}>
            {attention > 0 ? '在庫反映状況で確認する' : '在庫反映状況を開く'}
          </button>
        </p>
      ) : null}
    </section>
  );
}
