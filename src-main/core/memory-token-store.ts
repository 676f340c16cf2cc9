/** TokenStore kept in memory: tests and a CLI run with a pasted token. Never persisted. */
import type { TokenStore } from './ports';

export function createMemoryTokenStore(initial: Record<string, string> = {}): TokenStore {
  const map = new Map(Object.entries(initial));
  return {
    get: async (k) => map.get(k) ?? null,
    set: async (k, v) => {
      map.set(k, v);
    },
    delete: async (k) => {
      map.delete(k);
    },
  };
}
