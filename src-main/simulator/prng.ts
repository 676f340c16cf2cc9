/**
 * Seeded pseudo-random numbers for the demo shop. mulberry32: tiny, fast and good enough for test
 * data; the same seed always yields the same sequence, so the same seed yields the same shop.
 * Math.random is never used for data.
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] (both inclusive) */
  int(min: number, max: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** picks by relative weights */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** a derived generator, so adding draws in one part does not shift another part's sequence */
  fork(salt: number): Rng;
}

/** Creates a mulberry32 generator for a 32-bit seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const sum = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * sum;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return items[items.length - 1]![0];
    },
    fork: (salt) => createRng(Math.imul((seed >>> 0) ^ 0x9e3779b9, 31) + salt * 0x85ebca6b),
  };
  return rng;
}
