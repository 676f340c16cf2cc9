/**
 * The one notice of the app: success, info, warning or error, with an optional heading. Notices
 * that report the outcome of an action are live regions (status / alert) so screen readers say
 * them; static hints pass live={false}. ErrorNotice is the error variant for a thrown error.
 */
import type { ReactNode } from 'react';

export type NoticeKind = 'success' | 'info' | 'warning' | 'error';

const CLASS: Record<NoticeKind, string> = { success: 'notice-ok', info: 'notice-info', warning: 'notice-warn', error: 'notice-error' };

export interface NoticeProps {
  kind: NoticeKind;
  /** a bold first line; the children follow (wrap their text in <p> under a title) */
  title?: ReactNode;
  children?: ReactNode;
  /** false: a static hint, not announced (default: announced as alert for errors, status otherwise) */
  live?: boolean;
  /** names the notice when a screen has several (also makes it findable by its label) */
  label?: string;
}

export function Notice({ kind, title, children, live = true, label }: NoticeProps) {
  const role = live ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`notice ${CLASS[kind]}`} role={role} aria-label={label}>
      {title !== undefined ? <strong>{title}</strong> : null}
      {children}
    </div>
  );
}
