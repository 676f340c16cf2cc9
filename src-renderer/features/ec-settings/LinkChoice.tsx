/** The 連携する商品 cell of an unlinked BCart set: the choice select (if any), a 入数 warning, and the search. */
import type { BcartSetRow } from '../../../src-shared/ec-settings/product-link';
import { ProductSearchPicker, type PickedProduct } from './ProductSearchPicker';

export interface LinkChoiceProps {
  set: BcartSetRow;
  choices: PickedProduct[];
  pick: number | null;
  onChange: (productId: number | null) => void;
  onSearchPick: (product: PickedProduct) => void;
}

export function LinkChoice({ set: s, choices, pick, onChange, onSearchPick }: LinkChoiceProps) {
  const picked = choices.find((c) => c.productId === pick);
  const mismatch = picked !== undefined && s.quantity !== null && picked.unitQuantity !== s.quantity;
  const reason = (c: PickedProduct) => {
    const g = s.suggestions.find((x) => x.productId === c.productId);
    return g ? (g.reason === 'code' ? '品番一致' : 'JAN一致') : '検索で選択';
  };
  return (
    <div className="link-choice">
      {choices.length > 0 ? (
        <select
          aria-label={`セット${s.setId}の連携商品`}
          value={pick ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">登録しない</option>
          {choices.map((g) => (
            <option key={g.productId} value={g.productId}>
              {g.code} {g.name} (計上単位 {g.unitQuantity}・{reason(g)})
            </option>
          ))}
        </select>
      ) : (
        <span className="field-hint">候補なし (品番かJANが同じ商品がありません。下の検索で商品を選んでください)</span>
      )}
      {mismatch ? (
        <div className="field-error" role="alert">
          Bカートの入数 {s.quantity} と商品「{picked.code}」の計上単位 {picked.unitQuantity}{' '}
          が違うため登録できません。入数が同じ商品を選んでください。
        </div>
      ) : null}
      <ProductSearchPicker setId={s.setId} quantity={s.quantity} onPick={onSearchPick} />
    </div>
  );
}
