/** Onboarding from BCart: products from sets and 得意先 from members with a 貴社独自会員ID. */
import { z } from 'zod';

export const ONBOARDING_STATUSES = ['new', 'exists', 'invalid'] as const;

export const productCandidate = z.object({
  code: z.string(),
  name: z.string(),
  unitQuantity: z.number().int().nullable(),
  taxKind: z.enum(['標準', '軽減']),
  janCode: z.string(),
  /** per set, integer yen; null when BCart's price × 入数 is not a whole yen */
  unitPrice: z.number().int().nullable(),
  status: z.enum(ONBOARDING_STATUSES),
  /** Japanese reason for exists / invalid */
  reason: z.string().nullable(),
});
export type ProductCandidate = z.infer<typeof productCandidate>;

export const customerCandidate = z.object({
  code: z.string(),
  name: z.string(),
  status: z.enum(ONBOARDING_STATUSES),
  reason: z.string().nullable(),
});
export type CustomerCandidate = z.infer<typeof customerCandidate>;

export const productPreview = z.object({ rows: z.array(productCandidate) });
export const customerPreview = z.object({ rows: z.array(customerCandidate) });

export const onboardingResult = z.object({
  created: z.array(z.string()),
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
});
export type OnboardingResult = z.infer<typeof onboardingResult>;

/** Create input: the codes the clerk ticked in the preview (all new ones when omitted). */
export const onboardingCreateInput = z
  .object({ settingId: z.number().int().positive(), codes: z.array(z.string().max(100)).max(100_000).optional() })
  .strict();

/** `demo:start`: the simulator's URL and what the demo setup created. Never the token. */
export const demoStarted = z.object({
  url: z.string(),
  settingId: z.number().int(),
  created: z.record(z.string(), z.array(z.string())),
});
