/** ECサイト認証 (connection to BCart) as seen by the renderer. Never carries a token. */
import { z } from 'zod';

export const AUTH_STATUSES = ['未認証', '認証済', '要再認証'] as const;

export const connectionState = z.object({
  settingId: z.number().int(),
  status: z.enum(AUTH_STATUSES),
  /** ISO-8601 (+09:00) expiry of an OAuth access token; null for a personal token or unknown */
  expiresAt: z.string().nullable(),
  scopes: z.array(z.string()),
  method: z.enum(['oauth', 'personal_token']).nullable(),
});
export type ConnectionState = z.infer<typeof connectionState>;

export const savePersonalTokenInput = z.object({ settingId: z.number().int().positive(), token: z.string().max(10_000) }).strict();

export const loginStarted = z.object({ runId: z.string() });

/** 接続テスト: one API call, with what it learnt about the shop. */
export const connectionTestResult = z.object({
  ok: z.literal(true),
  latencyMs: z.number(),
  /** number of orders in the shop (meta.total of /orders) */
  ordersTotal: z.number().nullable(),
  /** scopes read from the token, when it is a JWT */
  scopes: z.array(z.string()).nullable(),
});

/** Push event `connection:changed`: a login finished (or failed), or a token was saved/removed. */
export const connectionChanged = z.object({
  settingId: z.number().int(),
  runId: z.string().nullable(),
  ok: z.boolean(),
  state: connectionState.nullable(),
  /** Japanese message when a login failed */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
