/** Fault schedule semantics (which request gets which fault); HTTP behaviour is in test/integration/simulator. */
import { describe, expect, it } from 'vitest';
import { FaultSwitches } from '../../../src-main/simulator/faults';

const kinds = (f: FaultSwitches, paths: string[]) => paths.map((p) => f.decide(p)?.kind ?? '-');

describe('FaultSwitches', () => {
  it('afterRequests skips, count limits, path prefix filters (relative prefixes mean /api/v1/…)', () => {
    const f = new FaultSwitches();
    f.set([{ kind: 'http-error', afterRequests: 2, count: 2, path: '/orders' }]);
    const got = kinds(f, [
      '/api/v1/orders',
      '/api/v1/product_sets',
      '/api/v1/orders',
      '/api/v1/orders',
      '/api/v1/orders',
      '/api/v1/orders',
    ]);
    expect(got).toEqual(['-', '-', '-', 'http-error', 'http-error', '-']);
    expect(f.applied.map((a) => a.request)).toEqual([4, 5]);
    expect(f.applied[0]!.status).toBe(503);
  });

  it('first matching rule wins, later rules still count; negative count = unlimited; clear() stops', () => {
    const f = new FaultSwitches();
    f.set([
      { kind: 'reset', count: 1 },
      { kind: 'unauthorized', afterRequests: 1, count: -1 },
    ]);
    expect(kinds(f, ['/api/v1/a', '/api/v1/a', '/api/v1/a', '/api/v1/a'])).toEqual([
      'reset',
      'unauthorized',
      'unauthorized',
      'unauthorized',
    ]);
    f.clear();
    expect(kinds(f, ['/api/v1/a'])).toEqual(['-']);
    expect(kinds(f, ['/oauth/token'])).toEqual(['-']);
  });

  it('random mode is reproducible from its seed and respects the rate', () => {
    const paths = Array.from({ length: 2000 }, () => '/api/v1/orders');
    const a = new FaultSwitches();
    a.random({ seed: 9, rate: 0.2 });
    const b = new FaultSwitches();
    b.random({ seed: 9, rate: 0.2 });
    const ka = kinds(a, paths);
    expect(kinds(b, paths)).toEqual(ka);
    const hits = ka.filter((k) => k !== '-').length;
    expect(hits).toBeGreaterThan(300);
    expect(hits).toBeLessThan(500);
    expect(ka).not.toContain('hang');
    const none = new FaultSwitches();
    none.random({ seed: 1, rate: 0 });
    expect(kinds(none, paths.slice(0, 100)).every((k) => k === '-')).toBe(true);
    const only = new FaultSwitches();
    only.random({ seed: 1, rate: 1, kinds: ['latency'], delayMs: 5 });
    expect(only.decide('/api/v1/x')).toEqual({ kind: 'latency', delayMs: 5 });
    expect(() => only.random({ seed: 1, rate: 2 })).toThrow(RangeError);
  });
});
