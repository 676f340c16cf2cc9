/**
 * The first message in a react-hook-form error, wherever it sits: on the field, on its root (an
 * array rule such as "at least one weekday") or on one of its items (one time in a list of times).
 */
export function firstErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { message?: unknown; root?: { message?: unknown } };
  const own = e.message ?? e.root?.message;
  if (typeof own === 'string') return own;
  for (const inner of Object.values(error)) {
    const found = firstErrorMessage(inner);
    if (found) return found;
  }
  return undefined;
}
