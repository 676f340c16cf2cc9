/**
 * The 連携する商品 chosen per BCart set on EC連携商品: preset to the first suggestion when sets are
 * fetched, changed by the select or by a product found with 商品を検索 (which joins the set's choices).
 */
import { useState } from 'react';
import type { BcartSetRow } from '../../../src-shared/ec-settings/product-link';
import type { PickedProduct } from './ProductSearchPicker';

export function useSetPicks(onChoice: () => void) {
  const [picks, setPicks] = useState<Record<number, number | null>>({});
  // products picked by search, per set: shown as an extra choice beside the suggestions
  const [searched, setSearched] = useState<Record<number, PickedProduct>>({});
  // the sets ticked for 「選択したセットを登録」 (a fresh 取得 ticks the unlinked ones with a suggestion)
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const choose = (setId: number, productId: number | null) => {
    onChoice();
    setPicks((m) => ({ ...m, [setId]: productId }));
  };
  return {
    pickOf: (setId: number) => picks[setId] ?? null,
    /** a fresh 取得: unlinked sets start at their first suggestion, searches are forgotten */
    reset(sets: readonly BcartSetRow[]) {
      setSearched({});
      setTicked(new Set(sets.filter((s) => s.linkedProductId === null && s.suggestions.length > 0).map((s) => s.setId)));
      setPicks(Object.fromEntries(sets.map((s) => [s.setId, s.linkedProductId === null ? (s.suggestions[0]?.productId ?? null) : null])));
    },
    /** the set's choices: suggestions, then the product found by search (unless already suggested) */
    choices(s: BcartSetRow): PickedProduct[] {
      const extra = searched[s.setId];
      return extra && !s.suggestions.some((g) => g.productId === extra.productId) ? [...s.suggestions, extra] : s.suggestions;
    },
    choose,
    isTicked: (setId: number) => ticked.has(setId),
    tick(setIds: readonly number[], on: boolean) {
      onChoice();
      setTicked((t) => {
        const next = new Set(t);
        for (const id of setIds) if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    pickSearched(setId: number, p: PickedProduct) {
      setTicked((t) => new Set([...t, setId]));
      setSearched((m) => ({ ...m, [setId]: p }));
      choose(setId, p.productId);
    },
  };
}
