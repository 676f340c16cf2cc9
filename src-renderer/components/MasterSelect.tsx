/**
 * A labelled picker of one master row by id (倉庫, 仕入先 …) with its validation message: `empty`
 * first stands for "none chosen" (null), then 「code name」 per row.
 */
import { FormField } from './FormField';
import type { CodeNameRow } from './CodeNameOptions';

export function MasterSelect(props: {
  id: string;
  label: string;
  required?: boolean;
  error: string | undefined;
  empty: string;
  rows: readonly CodeNameRow[] | undefined;
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  return (
    <FormField id={props.id} label={props.label} required={props.required ?? false} error={props.error}>
      <select
        id={props.id}
        aria-invalid={props.error ? true : undefined}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{props.empty}</option>
        {(props.rows ?? []).map((r) => (
          <option key={r.id} value={r.id}>
            {r.code} {r.name}
          </option>
        ))}
      </select>
    </FormField>
  );
}
