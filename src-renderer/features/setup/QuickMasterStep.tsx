/**
 * One wizard step that registers a master record and confirms it at once (初期設定 needs confirmed
 * masters). Main's problems are shown beside the fields.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormField } from '../../components/FormField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ApiError, unwrap } from '../../ipc/api';
import { masterApi } from '../masters/master-api';

export interface QuickField {
  name: string;
  label: string;
  initial: string;
  options?: string[];
}

export function QuickMasterStep(props: { prefix: string; title: string; fields: QuickField[]; fixed?: Record<string, unknown>; onDone: (id: number) => void }) {
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(props.fields.map((f) => [f.name, f.initial])));
  const masters = masterApi<{ id: number }>(props.prefix);
  const save = useMutation({
    mutationFn: async () => {
      const row = await unwrap(masters.create({ ...values, ...props.fixed }));
      return unwrap(masters.confirm({ id: row.id }));
    },
    onSuccess: (row) => {
      void qc.invalidateQueries({ queryKey: [props.prefix] });
      props.onDone(row.id);
    },
  });
  const errorOf = (name: string) => (save.error instanceof ApiError ? save.error.data.fields?.find((f) => f.path === name)?.message : undefined);
  const id = (name: string) => `wiz-${props.prefix}-${name}`;
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
            <select id={id(f.name)} value={values[f.name]} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}>
              {f.options.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input id={id(f.name)} type="text" value={values[f.name]} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} />
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
