/** The error variant of Notice for a thrown error: its Japanese heading and message (what happened, what to do). */
import { describeError } from '../i18n/error-messages';
import { Notice } from './Notice';

export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const { title, message } = describeError(error);
  return (
    <Notice kind="error" title={title}>
      <p>{message}</p>
    </Notice>
  );
}
