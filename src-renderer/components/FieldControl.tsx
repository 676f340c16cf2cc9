/**
 * The input of one form field (select / checkbox / number / text or date typed as 2026/12/04), registered with
 * react-hook-form and wired to its error message for screen readers. The master forms and the
 * EC連携設定 form lay out their fields with it.
 */
import type { FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { DATE_INPUT_PLACEHOLDER } from './DateInput';

export interface FieldControlProps<V extends FieldValues> {
  id: string;
  name: Path<V>;
  type: 'text' | 'number' | 'date' | 'select' | 'checkbox';
  register: UseFormRegister<V>;
  /** the field's error message, if any (marks the input invalid and names the message) */
  error: string | undefined;
  /** select only: the choices, and the empty first choice's text (null: no empty choice) */
  options?: readonly { value: string; label: string }[];
  placeholder?: string | null;
  /** select only: the value shown, when the options may arrive after the form's values */
  value?: string;
  /** number only: false keeps the typed text (the form converts it itself) */
  asNumber?: boolean;
}

export function FieldControl<V extends FieldValues>(p: FieldControlProps<V>) {
  const common = { id: p.id, 'aria-invalid': p.error ? true : undefined, 'aria-describedby': p.error ? `${p.id}-error` : undefined };
  if (p.type === 'select') {
    return (
      <select {...common} {...p.register(p.name)} {...(p.value === undefined ? {} : { value: p.value })}>
        {p.placeholder === null ? null : <option value="">{p.placeholder ?? '選択してください'}</option>}
        {p.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (p.type === 'checkbox') return <input type="checkbox" {...common} {...p.register(p.name)} />;
  if (p.type === 'number') return <input type="number" inputMode="numeric" {...common} {...p.register(p.name, { valueAsNumber: p.asNumber ?? true })} />;
  // dates are typed as text (2026/12/04): the browser's date input follows the OS locale (see DateInput)
  if (p.type === 'date') return <input type="text" inputMode="numeric" className="date-input" placeholder={DATE_INPUT_PLACEHOLDER} autoComplete="off" {...common} {...p.register(p.name)} />;
  return <input type="text" autoComplete="off" {...common} {...p.register(p.name)} />;
}
