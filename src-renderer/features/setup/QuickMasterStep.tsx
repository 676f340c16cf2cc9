/**
 * One wizard step that registers a master record and confirms it at once (初期設定 needs confirmed
 * masters). Main's problems are shown beside the fields.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { ApiError, unwrap } from '../../ipc/api';
import { masterApi, type MasterPrefix, type MasterValues } from '../../ipc/master-api';

export interface QuickField<K extends string> {
  name: K;
  label: string;
  initial: string;
  options?: string[];
}

export interface QuickMasterStepProps<P extends MasterPrefix, K extends string> {
  prefix: P;
  title: string;
  fields: readonly QuickField<K>[];
  /** the record to create from the typed texts (fixed values such as 取引先種別 added here) */
  toValues: (texts: Record<K, string>) => MasterValues<P>;
  onDone: (id: number) => void;
}

export function QuickMasterStep<P extends MasterPrefix, K extends string>(props: QuickMasterStepProps<P, K>) {
  const [texts, setTexts] = useState(() => Object.fromEntries(props.fields.map((f) => [f.name, f.initial])) as Record<K, string>);
  const save = useMutation({
    mutationFn: async () => {
      const masters = masterApi(props.prefix);
      const row = await unwrap(masters.create(props.toValues(texts)));
      return unwrap(masters.confirm({ id: row.id }));
    },
    meta: { changes: [props.prefix] },
    onSuccess: (row) => props.onDone(row.id),
  });
  const errorOf = (name: string) => (save.error instanceof ApiError ? save.error.data.fields?.find((f) => f.path === name)?.message : undefined);
  const id = (name: string) => `wiz-${props.prefix}-${name}`;
  const set = (name: K, value: string) => setTexts((v) => ({ ...v, [name]: value }));
  return (
    <form
      aria-label={props.title}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}>
      <ErrorNotice error={save.error} />
      {props.fields.map((f) => (
        <FormField key={f.name} id={id(f.name)} label={f.label} error={errorOf(f.name)} required>
          {f.options ? (
            <select id={id(f.name)} value={texts[f.name]} onChange={(e) => set(f.name, e.target.value)}>
              {f.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input id={id(f.name)} type="text" value={texts[f.name]} onChange={(e) => set(f.name, e.target.value)} />
          )}
        </FormField>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          登録して確定
        </button>
      </div>
    </form>
  );
}
