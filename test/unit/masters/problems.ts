/** Test helper: the zod problems of a parse as { field path: message }. */
import type { z } from 'zod';

export function problemsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.map(String).join('.')] ??= i.message;
  return out;
}
