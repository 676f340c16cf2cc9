/** One item of a 定期申込 in its form: 商品番号 + 枝番, 数量, 商品名, the three prices, 税込区分, 税率区分, and its options. */
import { useState, type ReactNode } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { api, unwrap } from '../../ipc/api';
import { asBoolean, type ApplicationValues } from './subscription-form-values';
import { SubscriptionOptions } from './SubscriptionOptions';
import { TaxIncludedSelect, TaxRateTypeSelect } from './TaxKindSelects';

export interface SubscriptionItemFieldsProps {
  control: Control<ApplicationValues>;
  register: UseFormRegister<ApplicationValues>;
  errors: FieldErrors<ApplicationValues>;
  index: number;
  onRemove: () => void;
  /** fills 商品名 from the 商品 master when the 商品番号 is typed */
  setValue: UseFormSetValue<ApplicationValues>;
}

const PRICES = [
  ['firstPrice', '初回価格'],
  ['regularPrice', '通常回価格'],
  ['lastPrice', '最終回価格'],
] as const;

/** The 商品 master's name of 商品番号 + 枝番, or null when there is no such product. */
async function masterProductName(code: string, h: string, v: string): Promise<string | null> {
  if (code.trim() === '') return null;
  const list = await unwrap(api().products.list({ query: code.trim(), limit: 50 }));
  return list.rows.find((p) => p.code === code.trim() && p.variationH === h.trim() && p.variationV === v.trim())?.name ?? null;
}

function Labelled({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'tu-wide' : undefined}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function SubscriptionItemFields({ control, register: r, errors, index: i, onRemove, setValue }: SubscriptionItemFieldsProps) {
  const e = errors.items?.[i];
  const item = useWatch({ control, name: `items.${i}` });
  const [lookup, setLookup] = useState<string | null>(null);
  const zeroPrices = PRICES.filter(([k]) => item?.[k] === 0).map(([, label]) => label);
  const fillName = () => {
    if (!item) return;
    masterProductName(item.productCode ?? '', item.variationH ?? '', item.variationV ?? '').then(
      (name) => {
        if (name === null) setLookup(item.productCode ? '商品マスタにない商品番号です(削除済みの商品は、そのまま保存できます)。' : null);
        else if (!item.name) {
          setValue(`items.${i}.name`, name, { shouldDirty: true });
          setLookup(`商品マスタから商品名「${name}」を入れました。`);
        } else setLookup(item.name === name ? null : `商品マスタの商品名は「${name}」です。`);
      },
      () => setLookup(null),
    );
  };
  const message = e && [e.productCode, e.name, e.quantity, e.firstPrice, e.regularPrice, e.lastPrice].find((x) => x?.message)?.message;
  const of = (what: string) => `商品${i + 1}の${what}`;
  const text = (what: string, name: 'productCode' | 'variationH' | 'variationV' | 'name') => {
    const field = r(`items.${i}.${name}`);
    const isKey = name !== 'name';
    return (
      <input
        aria-label={of(what)}
        {...field}
        onBlur={(ev) => {
          void field.onBlur(ev);
          if (isKey) fillName();
        }}
      />
    );
  };
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
      {lookup ? <div className="field-hint">{lookup}</div> : null}
      {zeroPrices.length > 0 ? (
        <div className="field-warning" role="status">
          {zeroPrices.join('・')}が¥0です。無料で届ける商品でなければ価格を入力してください(¥0のまま保存もできます)。
        </div>
      ) : null}
      <SubscriptionOptions control={control} register={r} index={i} errors={errors} />
    </fieldset>
  );
}
