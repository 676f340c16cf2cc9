import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/core/bcart/backoff';

describe('backoff schedule', () => {
  it('doubles per attempt between half and all of the ceiling, capped', () => {
    const lo = (n: number) => backoffDelay(n, { baseMs: 500, capMs: 20_000, random: () => 0 });
    const hi = (n: number) => backoffDelay(n, { baseMs: 500, capMs: 20_000, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(lo)).toEqual([250, 500, 1000, 2000, 4000, 8000, 10000, 10000]);
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(hi)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 20000, 20000]);
  });

  it('jitter spreads delays (no two clients retry in lockstep)', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, { random })));
    expect(delays.size).toBeGreaterThan(30);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2000);
  });
});
