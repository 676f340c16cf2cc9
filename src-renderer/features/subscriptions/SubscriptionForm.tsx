/**
 * 定期申込 detail / edit: the application's fields, its items (商品番号 + 枝番, prices 初回 / 通常回
 * / 最終回, 税込/税抜, 税率区分) and each item's options. Validated with the same zod schema main
 * uses; main's problems (e.g. a taken 申込コード, 受付停止) are shown too.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type React from 'react';
import { useFieldArray, useForm, type Control, type FieldErrors, type Resolver, type UseFormRegister } from 'react-hook-form';
import type { SubscriptionApplication } from '../../../src-shared/tax-update/types';
import { subscriptionApplicationSchema } from '../../../src-shared/subscriptions/subscription-schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { api, unwrap } from '../../ipc/api';

type Values = SubscriptionApplication;

const bool = (v: unknown) => v === true || v === 'true';

function Options({ control, register, index, errors }: { control: Control<Values>; register: UseFormRegister<Values>; index: number; errors: FieldErrors<Values> }) {
  const options = useFieldArray({ control, name: `items.${index}.options` });
  const optionErrors = errors.items?.[index]?.options;
  return (
    <div className="tu-options">
      {options.fields.map((f, j) => (
        <div key={f.id} className="toolbar">
          <input aria-label={`商品${index + 1}のオプション${j + 1}の名称`} placeholder="オプション名" {...register(`items.${index}.options.${j}.name`)} />
          <input
            className="num"
            type="number"
            aria-label={`商品${index + 1}のオプション${j + 1}の価格`}
            {...register(`items.${index}.options.${j}.price`, { valueAsNumber: true })}
          />
          <select aria-label={`商品${index + 1}のオプション${j + 1}の税込区分`} {...register(`items.${index}.options.${j}.taxIncluded`, { setValueAs: bool })}>
            <option value="true">税込</option>
            <option value="false">税抜</option>
          </select>
          <select aria-label={`商品${index + 1}のオプション${j + 1}の税率区分`} {...register(`items.${index}.options.${j}.taxRateType`)}>
            <option value="標準">標準</option>
            <option value="軽減">軽減</option>
          </select>
          <button type="button" onClick={() => options.remove(j)}>
            削除
          </button>
          {optionErrors?.[j] ? (
            <span className="field-error" role="alert">
              {optionErrors[j]?.name?.message ?? optionErrors[j]?.price?.message}
            </span>
          ) : null}
        </div>
      ))}
      <button type="button" onClick={() => options.append({ name: '', price: 0, taxIncluded: true, taxRateType: '標準' })}>
        オプション追加
      </button>
    </div>
  );
}

const EMPTY_ITEM: Values['items'][number] = {
  productCode: '',
  variationH: '',
  variationV: '',
  name: '',
  quantity: 1,
  firstPrice: 0,
  regularPrice: 0,
  lastPrice: 0,
  taxIncluded: true,
  taxRateType: '標準',
  options: [],
};

export function SubscriptionForm({ initial, create, readOnly, onSaved }: { initial: Values; create: boolean; readOnly: boolean; onSaved: (code: string) => void }) {
  const qc = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(subscriptionApplicationSchema as never) as unknown as Resolver<Values>, defaultValues: initial });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (application: Values) => unwrap(api().subscriptions.save({ create, application })),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['subscriptions'] });
      onSaved(saved.code);
    },
  });
  const r = form.register;
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} aria-label="定期申込の編集">
      <fieldset disabled={readOnly || save.isPending} style={{ border: 'none', padding: 0, margin: 0 }}>
        <FormField id="sub-code" label="申込コード" required error={errors.code?.message}>
          <input id="sub-code" readOnly={!create} {...r('code')} />
        </FormField>
        <FormField id="sub-customer" label="得意先コード" required error={errors.customerCode?.message}>
          <input id="sub-customer" {...r('customerCode')} />
        </FormField>
        <FormField id="sub-status" label="状態" error={errors.status?.message}>
          <select id="sub-status" {...r('status')}>
            <option value="継続中">継続中</option>
            <option value="停止">停止</option>
            <option value="解約">解約</option>
          </select>
        </FormField>
        <FormField id="sub-processed" label="受注処理済" error={errors.orderProcessed?.message}>
          <input id="sub-processed" type="checkbox" {...r('orderProcessed')} />
        </FormField>
        <FormField id="sub-std" label="標準税率(%)" error={errors.standardRate?.message}>
          <input id="sub-std" type="number" {...r('standardRate', { valueAsNumber: true })} />
        </FormField>
        <FormField id="sub-red" label="軽減税率(%)" error={errors.reducedRate?.message}>
          <input id="sub-red" type="number" {...r('reducedRate', { valueAsNumber: true })} />
        </FormField>
        <h3>商品</h3>
        {errors.items?.message ? (
          <div className="field-error" role="alert">
            {errors.items.message}
          </div>
        ) : null}
        <div aria-label="申込商品">
          {items.fields.map((f, i) => {
            const e = errors.items?.[i];
            const message = e && [e.productCode, e.name, e.quantity, e.firstPrice, e.regularPrice, e.lastPrice].find((x) => x?.message)?.message;
            const field = (label: string, node: React.ReactNode) => (
              <label>
                <span>{label}</span>
                {node}
              </label>
            );
            return (
              <fieldset key={f.id} className="tu-item">
                <legend>商品{i + 1}</legend>
                <div className="tu-item-grid">
                  {field('商品番号', <input aria-label={`商品${i + 1}の商品番号`} {...r(`items.${i}.productCode`)} />)}
                  {field('枝番(横)', <input aria-label={`商品${i + 1}の枝番(横)`} {...r(`items.${i}.variationH`)} />)}
                  {field('枝番(縦)', <input aria-label={`商品${i + 1}の枝番(縦)`} {...r(`items.${i}.variationV`)} />)}
                  {field('数量', <input className="num" type="number" aria-label={`商品${i + 1}の数量`} {...r(`items.${i}.quantity`, { valueAsNumber: true })} />)}
                  <label className="tu-wide">
                    <span>商品名</span>
                    <input aria-label={`商品${i + 1}の商品名`} {...r(`items.${i}.name`)} />
                  </label>
                  {field('初回価格', <input className="num" type="number" aria-label={`商品${i + 1}の初回価格`} {...r(`items.${i}.firstPrice`, { valueAsNumber: true })} />)}
                  {field('通常回価格', <input className="num" type="number" aria-label={`商品${i + 1}の通常回価格`} {...r(`items.${i}.regularPrice`, { valueAsNumber: true })} />)}
                  {field('最終回価格', <input className="num" type="number" aria-label={`商品${i + 1}の最終回価格`} {...r(`items.${i}.lastPrice`, { valueAsNumber: true })} />)}
                  {field(
                    '税込区分',
                    <select aria-label={`商品${i + 1}の税込区分`} {...r(`items.${i}.taxIncluded`, { setValueAs: bool })}>
                      <option value="true">税込</option>
                      <option value="false">税抜</option>
                    </select>,
                  )}
                  {field(
                    '税率区分',
                    <select aria-label={`商品${i + 1}の税率区分`} {...r(`items.${i}.taxRateType`)}>
                      <option value="標準">標準</option>
                      <option value="軽減">軽減</option>
                    </select>,
                  )}
                  <button type="button" onClick={() => items.remove(i)}>
                    商品を削除
                  </button>
                </div>
                {message ? (
                  <div className="field-error" role="alert">
                    {message}
                  </div>
                ) : null}
                <Options control={form.control} register={r} index={i} errors={errors} />
              </fieldset>
            );
          })}
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => items.append({ ...EMPTY_ITEM, options: [] })}>
            商品追加
          </button>
          <button type="submit" className="primary">
            {save.isPending ? '保存中…' : '保存'}
          </button>
        </div>
      </fieldset>
      {readOnly ? <p className="placeholder">受付停止中のため編集できません。受付再開してから編集してください。</p> : null}
      <ErrorNotice error={save.error} />
    </form>
  );
}
