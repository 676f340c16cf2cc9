/** Shows an error's Japanese heading and message (what happened, what to do). */
import { describeError } from '../i18n/error-messages';

export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const { title, message } = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
    </div>
  );
}
