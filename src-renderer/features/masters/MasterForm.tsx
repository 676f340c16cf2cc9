/**
 * Create/edit form of any master. The same zod schema main validates with drives the form
 * (zodResolver), so every problem shows beside its field before sending; problems main still
 * finds (duplicate code …) are put beside their fields too.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { ApiError, unwrap } from '../../ipc/api';
import { masterApi } from './master-api';

export interface MasterFieldConfig {
  name: string;
  label: string;
  type: 'text' | 'number' | 'select' | 'checkbox';
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  /** shown only while another field has one of these values; hidden fields are emptied ('') */
  showWhen?: { field: string; values: readonly string[] };
}

export interface MasterFormProps<Row extends { id: number; confirmed: boolean; updatedAt: string }> {
  prefix: string;
  title: string;
  fields: MasterFieldConfig[];
  schema: z.ZodType;
  row: Row | null;
  empty: Record<string, unknown>;
  toValues: (row: Row) => Record<string, unknown>;
  onSaved: (row: Row) => void;
}

/**
 * The values with every field that does not apply (its showWhen not met) emptied, in field order so
 * chains resolve (締日 ← 請求区分 ← 取引先種別). Validation and saving use this, so a value left in a
 * hidden field can never block the save invisibly — even when the user clicks 保存 before the effect
 * that clears hidden fields has run (seen on a loaded machine).
 */
export function withHiddenEmptied(values: FieldValues, fields: readonly MasterFieldConfig[]): FieldValues {
  const out: FieldValues = { ...values };
  for (const f of fields) {
    if (f.showWhen && !f.showWhen.values.includes(String(out[f.showWhen.field] ?? ''))) out[f.name] = '';
  }
  return out;
}

/**
 * Mount it with a `key` per record (MasterPage does): its values are set once, at mount, and never
 * reset from an effect, because a reset that runs after the inputs are on screen erases what a fast
 * typist already entered.
 */
export function MasterForm<Row extends { id: number; confirmed: boolean; updatedAt: string }>(props: MasterFormProps<Row>) {
  const qc = useQueryClient();
  const masters = masterApi<Row>(props.prefix);
  const [serverError, setServerError] = useState<unknown>(null);
  const locked = props.row?.confirmed ?? false;
  const schemaResolver = zodResolver(props.schema as never) as unknown as Resolver<FieldValues>;
  const form = useForm<FieldValues>({
    resolver: (values, context, options) => schemaResolver(withHiddenEmptied(values, props.fields), context, options),
    defaultValues: props.row ? props.toValues(props.row) : props.empty,
    mode: 'onSubmit',
  });

  const save = useMutation({
    mutationFn: (values: FieldValues) =>
      unwrap(props.row ? masters.update({ id: props.row.id, values }) : masters.create(values)),
    onSuccess: (row) => {
      setServerError(null);
      void qc.invalidateQueries({ queryKey: [props.prefix] });
      props.onSaved(row);
    },
    onError: (e) => {
      setServerError(e);
      if (e instanceof ApiError) {
        for (const f of e.data.fields ?? []) form.setError(f.path.replace(/^values\./, '') as Path<FieldValues>, { message: f.message });
      }
    },
  });

  const toggle = useMutation({
    mutationFn: (confirm: boolean) => unwrap(confirm ? masters.confirm({ id: props.row!.id }) : masters.unconfirm({ id: props.row!.id })),
    onSuccess: (row) => {
      setServerError(null);
      void qc.invalidateQueries({ queryKey: [props.prefix] });
      props.onSaved(row);
    },
    onError: setServerError,
  });

  // Fields that only apply in some cases (取引先: 請求区分 only for 得意先, 締日 only for 締) are hidden
  // and emptied otherwise, so the schema's "must be empty" rule is never a trap in the form.
  const watched = form.watch(props.fields.flatMap((f) => (f.showWhen ? [f.showWhen.field] : [])));
  const isShown = (f: MasterFieldConfig) => !f.showWhen || f.showWhen.values.includes(String(form.getValues(f.showWhen.field) ?? ''));
  const watchedKey = JSON.stringify(watched);
  useEffect(() => {
    for (const f of props.fields) if (!isShown(f) && form.getValues(f.name) !== '') form.setValue(f.name, '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watchedKey]);

  const errors = form.formState.errors;
  const idOf = (name: string) => `${props.prefix}-${name}`;

  return (
    <form className="master-form" aria-label={`${props.title}の${props.row ? '編集' : '新規登録'}`} noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <h2>
        {props.row ? `${props.title}の詳細` : `${props.title}の新規登録`}
        {props.row ? <span className={`badge ${locked ? 'badge-ok' : 'badge-draft'}`}>{locked ? '確定' : '未確定'}</span> : null}
      </h2>
      {locked ? <p className="field-hint">確定済みです。編集するには「確定取消」を押してください。</p> : null}
      <ErrorNotice error={serverError} />
      <fieldset disabled={locked || save.isPending}>
        {props.fields.filter(isShown).map((f) => {
          const message = errors[f.name]?.message;
          const err = typeof message === 'string' ? message : undefined;
          const common = { id: idOf(f.name), 'aria-invalid': err ? true : undefined, 'aria-describedby': err ? `${idOf(f.name)}-error` : undefined };
          return (
            <FormField key={f.name} id={idOf(f.name)} label={f.label} error={err} required={f.required} hint={f.hint}>
              {f.type === 'select' ? (
                <select {...common} {...form.register(f.name)}>
                  <option value="">選択してください</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.type === 'checkbox' ? (
                <input type="checkbox" {...common} {...form.register(f.name)} />
              ) : f.type === 'number' ? (
                <input type="number" inputMode="numeric" {...common} {...form.register(f.name, { valueAsNumber: true })} />
              ) : (
                <input type="text" autoComplete="off" {...common} {...form.register(f.name)} />
              )}
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
        {props.row && !locked ? (
          <button type="button" disabled={toggle.isPending || form.formState.isDirty} onClick={() => toggle.mutate(true)}
            title={form.formState.isDirty ? '変更を保存してから確定してください' : undefined}>
            確定
          </button>
        ) : null}
        {props.row && locked ? (
          <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(false)}>
            確定取消
          </button>
        ) : null}
      </div>
    </form>
  );
}
