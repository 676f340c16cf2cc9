/**
 * One line's product on a stock slip: type a code (SKU code, product code), name or JAN and pick
 * from the confirmed 棚卸対象 products found; the chosen product shows its code and name.
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { productQueries } from '../../queries/masters';

export interface PickedLineProduct {
  productId: number;
  code: string;
  name: string;
}

export function ProductLineInput({
  index,
  value,
  onPick,
}: {
  index: number;
  value: PickedLineProduct | null;
  onPick: (p: PickedLineProduct | null) => void;
}) {
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const found = useQuery(productQueries.confirmedSearch(query, 20));
  const rows = (found.data?.rows ?? []).filter((p) => p.inventoryTracked);
  if (value) {
    return (
      <span>
        {value.code} {value.name}{' '}
        <button type="button" className="link-button" aria-label={`${index + 1}行目の商品を変更`} onClick={() => onPick(null)}>
          変更
        </button>
      </span>
    );
  }
  return (
    <div>
      <input
        type="search"
        aria-label={`${index + 1}行目の商品`}
        placeholder="商品コード・SKU・名称"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {query !== '' && found.isSuccess && rows.length === 0 ? (
        <div className="field-hint">該当する確定済みの棚卸対象商品がありません。</div>
      ) : null}
      {rows.length > 0 ? (
        <ul
          aria-label={`${index + 1}行目の商品の候補`}
          style={{ listStyle: 'none', margin: '4px 0', padding: 0, maxHeight: 160, overflow: 'auto' }}
        >
          {rows.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  onPick({ productId: p.id, code: p.skuCode || p.code, name: p.name });
                  setText('');
                }}
              >
                {p.skuCode || p.code} {p.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
