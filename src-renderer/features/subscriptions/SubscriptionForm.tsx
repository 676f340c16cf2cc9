/**
 * 定期申込 detail / edit: the application's fields, its items (商品番号 + 枝番, prices 初回 / 通常回
 * / 最終回, 税込/税抜, 税率区分) and each item's options. Validated with the same zod schema main
 * uses; main's problems (e.g. a taken 申込コード, 受付停止) are shown too.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useFieldArray, useForm } from 'react-hook-form';
import { subscriptionApplicationSchema } from '../../../src-shared/subscriptions/subscription-schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { api, unwrap } from '../../ipc/api';
import { useUnsavedGuard } from '../../stores/unsaved-changes';
import { NEW_ITEM, type ApplicationValues } from './subscription-form-values';
import { SubscriptionItemFields } from './SubscriptionItemFields';

export interface SubscriptionFormProps {
  initial: ApplicationValues;
  create: boolean;
  readOnly: boolean;
  onSaved: (code: string) => void;
  /** after 削除: the page clears its selection */
  onDeleted?: (code: string) => void;
}

/** The question before 削除: what goes, and that 解約 keeps the record instead. */
export function deleteQuestion(code: string): string {
  return `定期申込 ${code} を削除します。商品とオプションも削除され、元に戻せません(記録を残して止めるときは、状態を「解約」にして保存してください)。よろしいですか？`;
}

export function SubscriptionForm({ initial, create, readOnly, onSaved, onDeleted }: SubscriptionFormProps) {
  const form = useForm({ resolver: zodResolver(subscriptionApplicationSchema), defaultValues: initial });
  const items = useFieldArray({ control: form.control, name: 'items' });
  const { errors } = form.formState;
  const release = useUnsavedGuard(form.formState.isDirty, create ? '定期申込(新規)' : `定期申込 ${initial.code}`);
  const save = useMutation({
    mutationFn: (application: ApplicationValues) => unwrap(api().subscriptions.save({ create, application })),
    meta: { changes: ['subscriptions'] },
    onSuccess: (saved) => {
      release();
      onSaved(saved.code);
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api().subscriptions.delete({ code: initial.code })),
    meta: { changes: ['subscriptions'] },
    onSuccess: (deleted) => {
      release();
      onDeleted?.(deleted.code);
    },
  });
  const r = form.register;
  /** an 得意先コード that is no 得意先 of the 取引先 master is refused beside its field, before sending */
  const submit = async (v: ApplicationValues) => {
    const code = v.customerCode.trim();
    const found = await unwrap(api().partners.listByKind({ kind: '得意先', query: code, limit: 50 })).catch(() => null);
    if (found && !found.rows.some((p) => p.code === code)) {
      form.setError('customerCode', { message: `得意先コード「${code}」は取引先マスタの得意先にありません。取引先で得意先として登録するか、コードを確かめてください。` }, { shouldFocus: true });
      return;
    }
    save.mutate(v);
  };
  return (
    <form onSubmit={form.handleSubmit(submit)} aria-label="定期申込の編集">
      <h2>{create ? '定期申込の新規登録' : `定期申込 ${initial.code} の編集`}</h2>
      <fieldset disabled={readOnly || save.isPending || remove.isPending} style={{ border: 'none', padding: 0, margin: 0 }}>
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
          {items.fields.map((f, i) => (
            <SubscriptionItemFields key={f.id} control={form.control} register={r} errors={errors} index={i} onRemove={() => items.remove(i)} setValue={form.setValue} />
          ))}
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => items.append({ ...NEW_ITEM, options: [] })}>
            商品追加
          </button>
          <button type="submit" className="primary">
            {save.isPending ? '保存中…' : '保存'}
          </button>
          {create ? null : (
            <button type="button" onClick={() => window.confirm(deleteQuestion(initial.code)) && remove.mutate()}>
              {remove.isPending ? '削除中…' : '削除'}
            </button>
          )}
        </div>
      </fieldset>
      {readOnly ? <p className="placeholder">受付停止中のため編集できません。受付再開してから編集してください。</p> : null}
      <ErrorNotice error={save.error ?? remove.error} />
    </form>
  );
}
