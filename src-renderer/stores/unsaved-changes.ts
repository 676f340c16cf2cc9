/**
 * The unsaved-changes guard: a form with edits registers itself (useUnsavedGuard), and every way of
 * leaving it — a menu item, another record, the back button — asks first. (Closing the window is
 * not guarded: Electron cancels a prevented unload silently unless main answers will-prevent-unload.)
 * Navigation (stores/navigation.ts) calls confirmLeave(); pages that switch records in their own
 * state call it too.
 */
import { useEffect, useId, useState } from 'react';

/** form id → what it edits (named in the question) */
const dirtyForms = new Map<string, string>();

/** The question asked before unsaved edits are thrown away. */
export function leaveQuestion(what: readonly string[]): string {
  return `${what.join('、')}の変更が保存されていません。保存せずに移動すると、変更は失われます。移動しますか？`;
}

/** True when nothing is unsaved, or the clerk agreed to drop it (the dirty forms are then forgotten). */
export function confirmLeave(ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  if (dirtyForms.size === 0) return true;
  const ok = ask(leaveQuestion([...new Set(dirtyForms.values())]));
  if (ok) dirtyForms.clear();
  return ok;
}

/** Whether any form has unsaved edits now. */
export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

/**
 * Registers a form's unsaved state while it is mounted; `what` names it (e.g. 「取引先 C001」).
 * Returns `release`, for a save that navigates at once (before the form re-renders as clean).
 */
export function useUnsavedGuard(dirty: boolean, what: string): () => void {
  const id = useId();
  useEffect(() => {
    if (dirty) dirtyForms.set(id, what);
    else dirtyForms.delete(id);
    return () => {
      dirtyForms.delete(id);
    };
  }, [id, dirty, what]);
  return () => {
    dirtyForms.delete(id);
  };
}

/**
 * The guard for an editor that keeps its values in React state (not react-hook-form): dirty while
 * `values` differ from `baseline` — by default what they were at mount; an editor that loads its
 * record after mounting passes the loaded record's values. Plain data only (compared as JSON).
 */
export function useSnapshotGuard(values: unknown, what: string, baseline?: unknown): () => void {
  const [initial] = useState(() => JSON.stringify(values));
  const base = baseline === undefined ? initial : JSON.stringify(baseline);
  return useUnsavedGuard(JSON.stringify(values) !== base, what);
}
