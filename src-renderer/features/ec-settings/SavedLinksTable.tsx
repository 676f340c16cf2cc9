/** 登録済みのEC連携商品 of a setting, each deletable. */
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { TableHead } from '../../components/TableHead';

type SavedLink = ChannelOutput<'productLinks:list'>['rows'][number];

export function SavedLinksTable({ links, onDelete }: { links: readonly SavedLink[]; onDelete: (id: number) => void }) {
  return (
    <>
      <h2 style={{ marginTop: 20 }}>登録済みのEC連携商品 ({links.length}件)</h2>
      <table className="data" aria-label="登録済みのEC連携商品">
        <TableHead headings={['セットID', '品番', 'セット名', '入数', '商品', '']} />
        <tbody>
          {links.map((l) => (
            <tr key={l.id}>
              <td className="num">{l.bcartSetId}</td>
              <td>{l.bcartProductNo}</td>
              <td>{l.bcartSetName}</td>
              <td className="num">{l.bcartQuantity ?? '—'}</td>
              <td>
                {l.productCode} {l.productName}
              </td>
              <td>
                <button type="button" onClick={() => onDelete(l.id)} aria-label={`セット${l.bcartSetId}の連携を削除`}>
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
