/**
 * The preload, run under Node with 'electron' replaced by a fake: it exposes exactly one object,
 * window.api, with one function per contract channel (grouped by domain) and `on`; calls go to
 * ipcRenderer.invoke with the channel name; ipcRenderer itself is never exposed.
 */
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src-shared/ipc/contract';

const exposed: Record<string, any> = {};
const invoked: [string, unknown][] = [];
const pushListeners: ((e: unknown, m: unknown) => void)[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: null };
    },
    on: (_c: string, l: (e: unknown, m: unknown) => void) => pushListeners.push(l),
  },
}));

describe('preload', () => {
  it('exposes window.api with one function per channel and nothing else', async () => {
    await import('../../../src-main/preload/preload');
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api;
    const fns: string[] = [];
    for (const [domain, verbs] of Object.entries(api)) {
      if (domain === 'on') continue;
      for (const [verb, fn] of Object.entries(verbs as object)) {
        expect(typeof fn).toBe('function');
        fns.push(`${domain}:${verb}`);
      }
    }
    expect(fns.sort()).toEqual([...CHANNELS].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
    expect(Object.isFrozen(api)).toBe(true);

    await api.departments.list({ query: 'x' });
    expect(invoked).toEqual([['departments:list', { query: 'x' }]]);

    const got: unknown[] = [];
    const off = api.on('data:changed', (p: unknown) => got.push(p));
    pushListeners.forEach((l) => l({}, { event: 'data:changed', payload: { roots: ['departments'] } }));
    off();
    pushListeners.forEach((l) => l({}, { event: 'data:changed', payload: { roots: ['products'] } }));
    expect(got).toEqual([{ roots: ['departments'] }]);
  });
});
