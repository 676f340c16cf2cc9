/** One item of a 定期申込 in its form: 商品番号 + 枝番, 数量, 商品名, the three prices, 税込区分, 税率区分, and its options. */
import type { ReactNode } from 'react';
import type { Control, FieldErrors, UseFormRegister } from 'react-hook-form';
import { asBoolean, type ApplicationValues } from './subscription-form-values';
import { SubscriptionOptions } from './SubscriptionOptions';
import { TaxIncludedSelect, TaxRateTypeSelect } from './TaxKindSelects';

export interface SubscriptionItemFieldsProps {
  control: Control<ApplicationValues>;
  register: UseFormRegister<ApplicationValues>;
  errors: FieldErrors<ApplicationValues>;
  index: number;
  onRemove: () => void;
}

function Labelled({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'tu-wide' : undefined}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function SubscriptionItemFields({ control, register: r, errors, index: i, onRemove }: SubscriptionItemFieldsProps) {
  const e = errors.items?.[i];
  const message = e && [e.productCode, e.name, e.quantity, e.firstPrice, e.regularPrice, e.lastPrice].find((x) => x?.message)?.message;
  const of = (what: string) => `商品${i + 1}の${what}`;
  const text = (what: string, name: 'productCode' | 'variationH' | 'variationV' | 'name') => <input aria-label={of(what)} {...r(`items.${i}.${name}`)} />;
  const number = (what: string, name: 'quantity' | 'firstPrice' | 'regularPrice' | 'lastPrice') => (
    <input className="num" type="number" aria-label={of(what)} {...r(`items.${i}.${name}`, { valueAsNumber: true })} />
  );
  return (
    <fieldset className="tu-item">
      <legend>商品{i + 1}</legend>
      <div className="tu-item-grid">
        <Labelled label="商品番号">{text('商品番号', 'productCode')}</Labelled>
        <Labelled label="枝番(横)">{text('枝番(横)', 'variationH')}</Labelled>
        <Labelled label="枝番(縦)">{text('枝番(縦)', 'variationV')}</Labelled>
        <Labelled label="数量">{number('数量', 'quantity')}</Labelled>
        <Labelled label="商品名" wide>
          {text('商品名', 'name')}
        </Labelled>
        <Labelled label="初回価格">{number('初回価格', 'firstPrice')}</Labelled>
        <Labelled label="通常回価格">{number('通常回価格', 'regularPrice')}</Labelled>
        <Labelled label="最終回価格">{number('最終回価格', 'lastPrice')}</Labelled>
        <Labelled label="税込区分">
          <TaxIncludedSelect label={of('税込区分')} field={r(`items.${i}.taxIncluded`, { setValueAs: asBoolean })} />
        </Labelled>
        <Labelled label="税率区分">
          <TaxRateTypeSelect label={of('税率区分')} field={r(`items.${i}.taxRateType`)} />
        </Labelled>
        <button type="button" onClick={onRemove}>
          商品を削除
        </button>
      </div>
      {message ? (
        <div className="field-error" role="alert">
          {message}
        </div>
      ) : null}
      <SubscriptionOptions control={control} register={r} index={i} errors={errors} />
    </fieldset>
  );
}
