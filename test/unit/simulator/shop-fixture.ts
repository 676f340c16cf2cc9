/** A simulator shop built in memory for unit tests (no HTTP). */
import { SimulatorState, type StateOptions } from '../../../src-main/simulator/state';

/** 2025-05-01 12:00 JST */
export const NOW = Date.parse('2025-05-01T03:00:00Z');

export function shop(over: Partial<StateOptions> = {}): SimulatorState {
  return new SimulatorState({
    seed: 1,
    orders: 1000,
    fromDate: '2025-04-01',
    toDate: '2025-05-01',
    includeUnsupported: true,
    maxLinesPerOrder: 6,
    orderLinesOver300: 0,
    rateLimit: false,
    token: 'unit-token',
    clock: { now: () => NOW },
    ...over,
  });
}

/** "12.5" → 125n tenths (prices have at most one decimal place in the demo shop) */
export function tenths(price: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d))?$/.exec(price);
  if (!m) throw new Error(`unexpected price ${price}`);
  const v = BigInt(m[2]!) * 10n + BigInt(m[3] ?? '0');
  return m[1] === '-' ? -v : v;
}
