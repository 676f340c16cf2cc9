/**
 * One BCart rate limiter per EC連携設定 and core, shared by every import run: BCart's budget
 * (300 calls / 300 s for all apps of the shop) and a 429 lockout outlive a single run, so runs that
 * catch up one after another must not each start with a fresh budget.
 */
import { createRateLimiter, type RateLimiter } from '../bcart/rate-limiter';
import type { Clock, Timers } from '../ports';

const limiters = new WeakMap<object, Map<number, { budget: number; limiter: RateLimiter }>>();

/** The limiter of `settingId` for this owner (the core context); rebuilt when the budget changed. */
export function importLimiter(owner: object & { clock: Clock; timers: Timers }, settingId: number, budget: number): RateLimiter {
  let map = limiters.get(owner);
  if (!map) {
    map = new Map();
    limiters.set(owner, map);
  }
  const found = map.get(settingId);
  if (found && found.budget === budget) return found.limiter;
  const limiter = createRateLimiter({ clock: owner.clock, timers: owner.timers, budget });
  map.set(settingId, { budget, limiter });
  return limiter;
}
