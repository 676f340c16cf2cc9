/**
 * BCart allows 300 requests per 300 s per shop, shared by every app of the shop; going over locks the
 * whole shop out for 300 s (docs/bcart-api.md#rate-limit). So the client keeps its own sliding-window budget
 * (250 by default, leaving room for other apps) and, at the first 429, stops every call until the
 * lockout is over instead of hammering the API. Time comes from the injected Clock/Timers so tests
 * can run a 10,000-order import in simulated time.
 */
import { AppError } from '../../../src-shared/errors';
import type { Clock, Timers } from '../ports';

export const RATE_WINDOW_MS = 300_000;
export const DEFAULT_RATE_BUDGET = 250;
/** Lockout assumed when a 429 comes without Retry-After (BCart locks for 300 s). */
export const DEFAULT_LOCKOUT_MS = 300_000;

export interface RateLimiterOptions {
  clock: Clock;
  timers: Timers;
  /** requests allowed in any window (default 250) */
  budget?: number;
  windowMs?: number;
  /**
   * extra spacing before a slot is reused, so that network delay between our clock and the server's
   * cannot squeeze budget+1 requests into one of the server's windows (default 0)
   */
  marginMs?: number;
  /** longest wait a caller accepts before failing with BCART_RATE_LIMITED (default 10 min) */
  maxWaitMs?: number;
}

export interface RateLimiter {
  /** Waits until one more request fits in the budget and no lockout is active, then takes the slot. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Records a 429: every caller waits until the lockout ends (Retry-After seconds, or 300 s). */
  lockout(retryAfterMs: number | null): void;
  /** epoch ms until which calls are held back (0 when none) */
  lockedUntil(): number;
  /** send times of the requests inside the current window (for tests and diagnostics) */
  inWindow(): number;
}

/** Parses a Retry-After header (delta seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const t = value.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.ceil(Number(t) * 1000);
  const at = Date.parse(t);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

function rateLimitedError(waitMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new AppError(
    'BCART_RATE_LIMITED',
    `Bカートの利用制限（5分あたりのリクエスト数）に達したため、通信を一時停止しています。約${minutes}分待ってからもう一度実行してください。同じショップに接続している他のアプリの利用状況も確認してください。`,
    { details: { waitMs }, retryable: true },
  );
}

/** Creates the shared limiter; one instance per BCart shop (all clients of a shop must share it). */
export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const budget = Math.max(1, opts.budget ?? DEFAULT_RATE_BUDGET);
  const windowMs = opts.windowMs ?? RATE_WINDOW_MS;
  const marginMs = opts.marginMs ?? 0;
  const maxWaitMs = opts.maxWaitMs ?? 600_000;
  const { clock, timers } = opts;
  // send times, oldest first; a ring would be faster but the budget is a few hundred entries
  const sent: number[] = [];
  let locked = 0;

  const prune = (now: number): void => {
    while (sent.length > 0 && (sent[0] as number) + windowMs + marginMs <= now) sent.shift();
  };

  return {
    async acquire(signal) {
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        const now = clock.now();
        prune(now);
        let waitUntil = 0;
        if (locked > now) waitUntil = locked;
        else if (sent.length >= budget) waitUntil = (sent[0] as number) + windowMs + marginMs;
        if (waitUntil <= now) {
          sent.push(now);
          return;
        }
        const wait = waitUntil - now;
        if (wait > maxWaitMs) throw rateLimitedError(wait);
        await timers.sleep(wait, signal);
      }
    },
    lockout(retryAfterMs) {
      const until = clock.now() + (retryAfterMs ?? DEFAULT_LOCKOUT_MS);
      if (until > locked) locked = until;
    },
    lockedUntil: () => (locked > clock.now() ? locked : 0),
    inWindow() {
      prune(clock.now());
      return sent.length;
    },
  };
}

export { rateLimitedError };
