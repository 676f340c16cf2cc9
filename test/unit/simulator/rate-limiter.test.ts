/** The 300 / 300 s sliding window with a 300 s lockout, on a fake clock. */
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src-main/simulator/rate-limiter';

function fake(start = 1_000_000) {
  let now = start;
  return { clock: { now: () => now }, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('300 pass, the 301st is refused with Retry-After 300 and starts a 300 s lockout', () => {
    const t = fake();
    const rl = new RateLimiter(t.clock, true);
    for (let i = 0; i < 300; i++) expect(rl.hit().allowed).toBe(true);
    expect(rl.hit()).toEqual({ allowed: false, retryAfter: 300 });
    t.advance(100_000);
    expect(rl.hit()).toEqual({ allowed: false, retryAfter: 200 });
    t.advance(199_500);
    expect(rl.hit()).toEqual({ allowed: false, retryAfter: 1 });
    t.advance(500);
    expect(rl.hit().allowed).toBe(true);
    expect(rl.lockouts).toBe(1);
  });

  it('the window slides: requests older than 300 s stop counting', () => {
    const t = fake();
    const rl = new RateLimiter(t.clock, true);
    for (let i = 0; i < 150; i++) expect(rl.hit().allowed).toBe(true);
    t.advance(200_000);
    for (let i = 0; i < 150; i++) expect(rl.hit().allowed).toBe(true);
    t.advance(100_000); // the first 150 are now exactly 300 s old → out of the window
    expect(rl.inWindow()).toBe(150);
    for (let i = 0; i < 150; i++) expect(rl.hit().allowed).toBe(true);
    expect(rl.hit().allowed).toBe(false);
  });

  it('a budget of 250 per 300 s never locks out; disabled never refuses', () => {
    const t = fake();
    const rl = new RateLimiter(t.clock, true);
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 250; i++) expect(rl.hit().allowed).toBe(true);
      t.advance(300_000);
    }
    expect(rl.lockouts).toBe(0);
    const off = new RateLimiter(t.clock, false);
    for (let i = 0; i < 1000; i++) expect(off.hit().allowed).toBe(true);
  });
});
