/**
 * 商品を検索 for one BCart set on EC連携商品: a small search box over the 商品 master (the same
 * `products:list` search as the 商品 page: code, name, SKU, JAN), showing confirmed products only
 * because a link to an 未確定 product is refused. Picking one hands it to the page; a product whose
 * 計上単位 differs from the set's 入数 is marked, since main refuses that link.
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { ProductSuggestion } from '../../../src-shared/ec-settings/product-link';
import { ErrorNotice } from '../../components/ErrorNotice';
import { productQueries } from '../../queries/masters';

/** how many matches are listed; the clerk narrows the search rather than scrolling */
const MAX_RESULTS = 20;

/** A product picked by search, shaped like a suggestion so the page handles both alike. */
export type PickedProduct = Omit<ProductSuggestion, 'reason'>;

export interface ProductSearchPickerProps {
  setId: number;
  /** BCart's 入数 of the set; null when BCart sent none */
  quantity: number | null;
  onPick: (product: PickedProduct) => void;
}

/** Search box + result buttons for linking one set to any confirmed local product. */
export function ProductSearchPicker({ setId, quantity, onPick }: ProductSearchPickerProps) {
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const results = useQuery(productQueries.confirmedSearch(query, MAX_RESULTS));
  const rows = query === '' ? [] : (results.data?.rows ?? []);

  return (
    <div className="product-search">
      <input
        type="search"
        aria-label={`セット${setId}の商品を検索`}
        placeholder="コード・名称・JANで商品を検索"
        style={{ width: '100%', maxWidth: 280, marginTop: 4 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ErrorNotice error={results.error} />
      {query !== '' && results.isSuccess && rows.length === 0 ? (
        <div className="field-hint">該当する確定済みの商品がありません。検索語を変えてください。</div>
      ) : null}
      {rows.length > 0 ? (
        <ul
          className="product-search-results"
          style={{ listStyle: 'none', margin: '4px 0', padding: 0 }}
          aria-label={`セット${setId}の商品検索結果`}
        >
          {rows.map((p) => {
            const mismatch = quantity !== null && p.unitQuantity !== quantity;
            const variation = [p.variationH, p.variationV].filter(Boolean).join('/');
            return (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick({ productId: p.id, code: p.code, name: p.name, unitQuantity: p.unitQuantity });
                    setText('');
                  }}
                >
                  {p.code}
                  {variation ? `(${variation})` : ''} {p.name} (計上単位 {p.unitQuantity})
                </button>
                {mismatch ? <span className="badge badge-err">入数 {quantity} と違う</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
