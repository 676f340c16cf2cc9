/** The options of one 定期申込 item (name, price, 税込区分, 税率区分), added and removed in place. */
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { asBoolean, type ApplicationValues } from './subscription-form-values';
import { TaxIncludedSelect, TaxRateTypeSelect } from './TaxKindSelects';

export interface SubscriptionOptionsProps {
  control: Control<ApplicationValues>;
  register: UseFormRegister<ApplicationValues>;
  index: number;
  errors: FieldErrors<ApplicationValues>;
}

export function SubscriptionOptions({ control, register, index, errors }: SubscriptionOptionsProps) {
  const options = useFieldArray({ control, name: `items.${index}.options` });
  const optionErrors = errors.items?.[index]?.options;
  return (
    <div className="tu-options">
      {options.fields.map((f, j) => {
        const of = `商品${index + 1}のオプション${j + 1}`;
        return (
          <div key={f.id} className="toolbar">
            <input aria-label={`${of}の名称`} placeholder="オプション名" {...register(`items.${index}.options.${j}.name`)} />
            <input className="num" type="number" aria-label={`${of}の価格`} {...register(`items.${index}.options.${j}.price`, { valueAsNumber: true })} />
            <TaxIncludedSelect label={`${of}の税込区分`} field={register(`items.${index}.options.${j}.taxIncluded`, { setValueAs: asBoolean })} />
            <TaxRateTypeSelect label={`${of}の税率区分`} field={register(`items.${index}.options.${j}.taxRateType`)} />
            <button type="button" onClick={() => options.remove(j)}>
              削除
            </button>
            {optionErrors?.[j] ? (
              <span className="field-error" role="alert">
                {optionErrors[j]?.name?.message ?? optionErrors[j]?.price?.message}
              </span>
            ) : null}
          </div>
        );
      })}
      <button type="button" onClick={() => options.append({ name: '', price: 0, taxIncluded: true, taxRateType: '標準' })}>
        オプション追加
      </button>
    </div>
  );
}
