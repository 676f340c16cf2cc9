/** Bカートの商品セット as fetched on EC連携商品: each set's state and, when unlinked, its choice of 商品. */
import type { BcartSetRow } from '../../../src-shared/ec-settings/product-link';
import { LinkChoice } from './LinkChoice';
import type { useSetPicks } from './use-set-picks';

export interface BcartSetsTableProps {
  sets: readonly BcartSetRow[];
  picks: ReturnType<typeof useSetPicks>;
  /** the 商品 a linked set is linked to, as shown */
  linkedLabel: (set: BcartSetRow) => string;
}

export function BcartSetsTable({ sets, picks, linkedLabel }: BcartSetsTableProps) {
  const selectable = sets.filter((s) => s.linkedProductId === null).map((s) => s.setId);
  const allTicked = selectable.length > 0 && selectable.every((id) => picks.isTicked(id));
  return (
    <table className="data" aria-label="Bカートの商品セット">
      <thead>
        <tr>
          <th>
            <input type="checkbox" aria-label="未連携のセットをすべて選択" checked={allTicked} disabled={selectable.length === 0} onChange={(e) => picks.tick(selectable, e.target.checked)} />
          </th>
          {['セットID', '品番', '商品名・セット名', 'JAN', '入数', '状態', '連携する商品'].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sets.map((s) => (
          <tr key={s.setId}>
            <td>
              {s.linkedProductId === null ? (
                <input type="checkbox" aria-label={`セット${s.setId}を選択`} checked={picks.isTicked(s.setId)} onChange={(e) => picks.tick([s.setId], e.target.checked)} />
              ) : null}
            </td>
            <td className="num">{s.setId}</td>
            <td>{s.productNo}</td>
            <td>{s.name}</td>
            <td>{s.janCode}</td>
            <td className="num">{s.quantity ?? '—'}</td>
            <td>
              {s.linkedProductId !== null ? <span className="badge badge-ok">連携済</span> : <span className="badge badge-draft">未連携</span>}{' '}
              {s.inRecentOrders && s.linkedProductId === null ? <span className="badge badge-err">最近の注文</span> : null}
            </td>
            <td>
              {s.linkedProductId !== null ? (
                <span>{linkedLabel(s)}</span>
              ) : (
                <LinkChoice
                  set={s}
                  choices={picks.choices(s)}
                  pick={picks.pickOf(s.setId)}
                  onChange={(id) => picks.choose(s.setId, id)}
                  onSearchPick={(p) => picks.pickSearched(s.setId, p)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
