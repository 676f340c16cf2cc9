/**
 * Capped exponential backoff with jitter (docs/reliability.md#network-and-rate-limit): attempt n waits
 * between half and all of min(cap, base·2ⁿ), so concurrent clients spread out but never retry instantly.
 */

export interface BackoffOptions {
  /** first delay ceiling in ms (default 500) */
  baseMs?: number;
  /** largest delay in ms (default 20 s) */
  capMs?: number;
  /** random source in [0, 1) — injected so tests are deterministic */
  random?: () => number;
}

/** Delay before retry number `attempt` (0 = first retry), in ms. */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 500;
  const cap = opts.capMs ?? 20_000;
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
