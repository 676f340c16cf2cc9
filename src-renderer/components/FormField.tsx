/** A labelled form control with its validation message right beside it. */
import type { ReactNode } from 'react';

export function FormField(props: { id: string; label: string; error?: string | undefined; required?: boolean; children: ReactNode; hint?: string }) {
  return (
    <div className={`form-field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? <span className="required" aria-hidden="true">必須</span> : null}
      </label>
      {props.children}
      {props.hint ? <div className="field-hint">{props.hint}</div> : null}
      {props.error ? (
        <div className="field-error" role="alert" id={`${props.id}-error`}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}
