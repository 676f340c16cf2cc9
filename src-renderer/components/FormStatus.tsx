/**
 * What happened to a form's save, shown beside the button that was pressed (not at the top of a
 * long form where nobody looks): 「保存しました」, or the error from main and a summary of the fields
 * to fix, each a link that moves focus to its field. On a failed save focus moves to the first
 * field in error (focusFirstError), so the clerk can type the fix at once.
 */
import { useEffect, type ReactNode, type RefObject } from 'react';
import { describeError } from '../i18n/error-messages';

export interface FieldProblem {
  /** the input's id */
  id: string;
  label: string;
  message: string;
}

/** Focuses the first input marked aria-invalid inside the form, in screen order. */
export function focusFirstError(form: HTMLElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}

/**
 * Moves focus to the first field in error whenever a submit ends with errors (client checks or
 * main's answer). `attempt` changes with every submit and every failed save.
 */
export function useFocusFirstError(formRef: RefObject<HTMLElement | null>, attempt: number, errorCount: number): void {
  useEffect(() => {
    if (attempt > 0 && errorCount > 0) focusFirstError(formRef.current);
  }, [attempt, errorCount, formRef]);
}

export function FormStatus({ saved, error, problems }: { saved?: ReactNode; error?: unknown; problems: readonly FieldProblem[] }) {
  const described = error ? describeError(error) : null;
  if (!saved && !described && problems.length === 0) return <span className="form-status" />;
  if (saved && !described && problems.length === 0) {
    return (
      <span className="form-status form-status-ok" role="status">
        {saved}
      </span>
    );
  }
  return (
    <div className="form-status form-status-error" role="alert" aria-label="保存できませんでした">
      <strong>{described ? described.title : '入力内容を確認してください'}</strong>
      {described && described.message !== described.title ? <p>{described.message}</p> : null}
      {problems.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={p.id}>
              <a
                href={`#${p.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.id)?.focus();
                }}
              >
                {p.label}
              </a>
              : {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Main's field problems (AppError fields: path + message) as the summary's entries: `inputOf`
 * names the input of a path (its id and label), or null for a path with no input of its own.
 */
export function problemsOf(fields: readonly { path: string; message: string }[], inputOf: (path: string) => { id: string; label: string } | null): FieldProblem[] {
  return fields.flatMap((f) => {
    const input = inputOf(f.path);
    return input ? [{ ...input, message: f.message }] : [];
  });
}
