import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { createRateLimiter, parseRetryAfter } from '../../../src-main/core/bcart/rate-limiter';
import { fakeTime } from './helpers/fakes';

/** max number of events inside any half-open window [t, t + w) */
function maxInWindow(times: number[], w: number): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= w) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('rate limiter (simulated clock)', () => {
  it('never lets more than the budget through in any 300 s window', async () => {
    const t = fakeTime();
    const rl = createRateLimiter({ clock: t.clock, timers: t.timers, budget: 25 });
    const sent: number[] = [];
    for (let i = 0; i < 200; i++) {
      await rl.acquire();
      sent.push(t.clock.now());
      t.advance(i % 7 === 0 ? 3_000 : 100); // uneven traffic
    }
    expect(maxInWindow(sent, 300_000)).toBe(25);
    // and it does not wait longer than needed: 200 calls at 25/window need about 7 windows
    expect(t.clock.now() - (sent[0] as number)).toBeLessThan(8 * 300_000);
  });

  it('shares the budget between concurrent callers', async () => {
    const t = fakeTime();
    const rl = createRateLimiter({ clock: t.clock, timers: t.timers, budget: 10 });
    const sent: number[] = [];
    await Promise.all(Array.from({ length: 45 }, async () => {
      await rl.acquire();
      sent.push(t.clock.now());
    }));
    sent.sort((a, b) => a - b);
    expect(sent).toHaveLength(45);
    expect(maxInWindow(sent, 300_000)).toBeLessThanOrEqual(10);
  });

  it('after a 429 holds every call until Retry-After has passed', async () => {
    const t = fakeTime();
    const rl = createRateLimiter({ clock: t.clock, timers: t.timers, budget: 250 });
    await rl.acquire();
    const at429 = t.clock.now();
    rl.lockout(120_000);
    await rl.acquire();
    expect(t.clock.now() - at429).toBeGreaterThanOrEqual(120_000);
  });

  it('waits 300 s when the 429 had no Retry-After', async () => {
    const t = fakeTime();
    const rl = createRateLimiter({ clock: t.clock, timers: t.timers });
    const start = t.clock.now();
    rl.lockout(null);
    expect(rl.lockedUntil()).toBe(start + 300_000);
    await rl.acquire();
    expect(t.clock.now() - start).toBe(300_000);
  });

  it('fails with BCART_RATE_LIMITED when the wait exceeds the maximum', async () => {
    const t = fakeTime();
    const rl = createRateLimiter({ clock: t.clock, timers: t.timers, maxWaitMs: 60_000 });
    rl.lockout(600_000);
    const err = await rl.acquire().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BCART_RATE_LIMITED');
    expect((err as AppError).message).toMatch(/分待って/);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-04-14T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 14 Apr 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
