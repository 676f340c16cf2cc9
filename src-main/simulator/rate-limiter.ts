/**
 * BCart's rate limit (docs/bcart-api.md#rate-limit): 300 requests per sliding 300 s for the whole shop, shared
 * by every token. The request that exceeds it is refused with 429 and starts a 300 s lockout during
 * which every request is refused; Retry-After tells the seconds left. Refused requests do not enter
 * the window. Time comes from the injected clock so tests can move it.
 */

export interface RateLimitDecision {
  allowed: boolean;
  /** seconds until unlock (only when refused) */
  retryAfter?: number;
}

export interface RateLimiterConfig {
  limit: number;
  windowMs: number;
  lockoutMs: number;
}

export const BCART_RATE_LIMIT: RateLimiterConfig = { limit: 300, windowMs: 300_000, lockoutMs: 300_000 };

export class RateLimiter {
  enabled: boolean;
  private readonly stamps: number[] = [];
  private head = 0;
  private lockedUntil = 0;
  /** number of lockouts started (a client that respects its budget keeps this at 0) */
  lockouts = 0;

  constructor(
    private readonly clock: { now(): number },
    enabled: boolean,
    readonly config: RateLimiterConfig = BCART_RATE_LIMIT,
  ) {
    this.enabled = enabled;
  }

  /** Records one request and says whether it may be served. */
  hit(): RateLimitDecision {
    if (!this.enabled) return { allowed: true };
    const now = this.clock.now();
    if (now < this.lockedUntil) return { allowed: false, retryAfter: this.secondsLeft(now) };
    while (this.head < this.stamps.length && this.stamps[this.head]! <= now - this.config.windowMs) this.head++;
    if (this.head > 1024) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
    if (this.stamps.length - this.head >= this.config.limit) {
      this.lockedUntil = now + this.config.lockoutMs;
      this.lockouts++;
      return { allowed: false, retryAfter: this.secondsLeft(now) };
    }
    this.stamps.push(now);
    return { allowed: true };
  }

  /** Requests currently inside the window. */
  inWindow(): number {
    const now = this.clock.now();
    let n = 0;
    for (let i = this.head; i < this.stamps.length; i++) if (this.stamps[i]! > now - this.config.windowMs) n++;
    return n;
  }

  /** Epoch ms when the current lockout ends (0 when none). */
  lockedUntilMs(): number {
    return this.lockedUntil > this.clock.now() ? this.lockedUntil : 0;
  }

  reset(): void {
    this.stamps.length = 0;
    this.head = 0;
    this.lockedUntil = 0;
  }

  private secondsLeft(now: number): number {
    return Math.max(1, Math.ceil((this.lockedUntil - now) / 1000));
  }
}
