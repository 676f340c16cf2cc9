/**
 * Create/edit form of any master. The same zod schema main validates with drives the form
 * (zodResolver), so every problem shows beside its field before sending; problems main still
 * finds (duplicate code …) are put beside their fields too.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ConfirmedBadge } from '../../components/ConfirmedBadge';
import { FieldControl } from '../../components/FieldControl';
import { FormField } from '../../components/FormField';
import { FormStatus, useFocusFirstError, type FieldProblem } from '../../components/FormStatus';
import { useUnsavedGuard } from '../../stores/unsaved-changes';
import { ApiError, unwrap } from '../../ipc/api';
import { masterApi, type MasterPrefix, type MasterRow, type MasterValues } from '../../ipc/master-api';
import { valuesOf, withHiddenEmptied, type MasterFieldConfig } from './master-attributes';

export interface MasterFormProps<P extends MasterPrefix> {
  prefix: P;
  title: string;
  fields: readonly MasterFieldConfig[];
  /** the master's input schema (main validates with the same one) */
  schema: z.ZodType<MasterValues<P>, FieldValues>;
  row: MasterRow<P> | null;
  empty: FieldValues;
  onSaved: (row: MasterRow<P>, action: 'save' | 'confirm' | 'unconfirm') => void;
  /** the line beside the buttons after this record was saved / confirmed (the form is remounted then) */
  savedNotice?: string | null;
}

/** 「取引先 C001 山田商店」: which record a form edits, named by its code and name. */
export function recordName(title: string, row: object | null): string {
  if (!row) return `${title}（新規）`;
  const r = row as Record<string, unknown>;
  const name = r['name'] ?? r['bankName'] ?? '';
  return `${title} ${String(r['code'] ?? '')} ${String(name)}`.trim();
}

/**
 * Mount it with a `key` per record (MasterPage does): its values are set once, at mount, and never
 * reset from an effect, because a reset that runs after the inputs are on screen erases what a fast
 * typist already entered.
 */
export function MasterForm<P extends MasterPrefix>(props: MasterFormProps<P>) {
  const masters = masterApi(props.prefix);
  const [serverError, setServerError] = useState<unknown>(null);
  const row = props.row;
  // a confirmed master in use cannot be 確定取消'd: its free fields (name, address …) are edited
  // while it stays 確定; main refuses changes of the fields its users depend on
  const [inUseEdit, setInUseEdit] = useState(false);
  const [inUse, setInUse] = useState(false);
  const confirmed = row?.confirmed ?? false;
  const locked = confirmed && !inUseEdit;
  const schemaResolver = zodResolver(props.schema);
  const form = useForm<FieldValues, unknown, MasterValues<P>>({
    resolver: (values, context, options) => schemaResolver(withHiddenEmptied(values, props.fields), context, options),
    // as the form will hold them once mounted (hidden fields emptied by the effect below, empty
    // numbers null): a default that differs makes merely opening a record an unsaved edit
    defaultValues: withHiddenEmptied(row ? valuesOf(row, props.fields) : props.empty, props.fields),
    mode: 'onSubmit',
  });
  const changes = { changes: [props.prefix] } as const;
  const formRef = useRef<HTMLFormElement>(null);
  const [failures, setFailures] = useState(0);
  const what = recordName(props.title, row);
  const release = useUnsavedGuard(form.formState.isDirty, what);

  const save = useMutation({
    mutationFn: (values: MasterValues<P>) => unwrap(row ? masters.update({ id: row.id, values }) : masters.create(values)),
    meta: changes,
    onSuccess: (saved) => {
      setServerError(null);
      release();
      props.onSaved(saved, 'save');
    },
    onError: (e) => {
      setServerError(e);
      if (e instanceof ApiError) {
        for (const f of e.data.fields ?? []) form.setError(f.path.replace(/^values\./, '') as Path<FieldValues>, { message: f.message });
      }
      setFailures((n) => n + 1);
    },
  });

  const toggle = useMutation({
    mutationFn: ({ id, confirm }: { id: number; confirm: boolean }) => unwrap(confirm ? masters.confirm({ id }) : masters.unconfirm({ id })),
    meta: changes,
    onSuccess: (saved) => {
      setServerError(null);
      props.onSaved(saved, saved.confirmed ? 'confirm' : 'unconfirm');
    },
    onError: (e) => {
      setServerError(e);
      setInUse(e instanceof ApiError && e.data.code === 'IN_USE');
    },
  });

  const isShown = useHiddenFieldsEmptied(form, props.fields);
  const errors = form.formState.errors;
  const idOf = (name: string) => `${props.prefix}-${name}`;
  const problems: FieldProblem[] = props.fields.flatMap((f) => {
    const message = errors[f.name]?.message;
    return typeof message === 'string' && isShown(f) ? [{ id: idOf(f.name), label: f.label, message }] : [];
  });
  useFocusFirstError(formRef, form.formState.submitCount + failures, problems.length);

  return (
    <form ref={formRef} className="master-form" aria-label={`${props.title}の${row ? '編集' : '新規登録'}`} noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <h2>
        {row ? what : `${props.title}の新規登録`}
        {row ? <ConfirmedBadge confirmed={confirmed} /> : null}
      </h2>
      <p className="field-hint confirm-explain">
        {!row
          ? '保存すると未確定で登録されます。内容を確かめて「確定」すると、EC連携設定や出荷取込処理で使えるようになります。'
          : locked
            ? '確定済みです: EC連携設定や出荷取込処理で使われます。編集するには「確定取消」を押してください。'
            : '未確定です: 保存済みですが、EC連携設定や出荷取込処理ではまだ使われません。内容を確かめて「確定」を押してください。'}
      </p>
      <fieldset disabled={locked || save.isPending}>
        {props.fields.filter(isShown).map((f) => {
          const message = errors[f.name]?.message;
          const err = typeof message === 'string' ? message : undefined;
          return (
            <FormField key={f.name} id={idOf(f.name)} label={f.label} error={err} required={f.required} hint={f.hint}>
              <FieldControl id={idOf(f.name)} name={f.name} type={f.type} register={form.register} error={err} options={f.options} />
            </FormField>
          );
        })}
      </fieldset>
      <div className="form-actions">
        {!locked ? (
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? '保存中…' : '保存'}
          </button>
        ) : null}
        {row && !confirmed ? (
          <button type="button" disabled={toggle.isPending || form.formState.isDirty} onClick={() => toggle.mutate({ id: row.id, confirm: true })}
            title={form.formState.isDirty ? '変更を保存してから確定してください' : undefined}>
            確定
          </button>
        ) : null}
        {row && locked ? (
          <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate({ id: row.id, confirm: false })}>
            確定取消
          </button>
        ) : null}
        {row && locked && inUse ? (
          <button type="button" onClick={() => setInUseEdit(true)}>
            使用中のまま名称などを編集
          </button>
        ) : null}
        <FormStatus saved={props.savedNotice ?? null} error={serverError} problems={problems} />
      </div>
    </form>
  );
}

/**
 * Fields that only apply in some cases (取引先: 請求区分 only for 得意先, 締日 only for 締) are hidden
 * and emptied otherwise, so the schema's "must be empty" rule is never a trap in the form.
 * Answers whether a field is shown now.
 */
function useHiddenFieldsEmptied(form: UseFormReturn<FieldValues, unknown, unknown>, fields: readonly MasterFieldConfig[]) {
  const watched = form.watch(fields.flatMap((f) => (f.showWhen ? [f.showWhen.field] : [])));
  const isShown = (f: MasterFieldConfig) => !f.showWhen || f.showWhen.values.includes(String(form.getValues(f.showWhen.field) ?? ''));
  const watchedKey = JSON.stringify(watched);
  useEffect(() => {
    for (const f of fields) if (!isShown(f) && form.getValues(f.name) !== '') form.setValue(f.name, '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watchedKey]);
  return isShown;
}
