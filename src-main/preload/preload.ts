/**
 * Preload (sandboxed): exposes window.api with one function per contract channel, built by the
 * same buildApi() the harness uses. ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../src-shared/ipc/api';
import { CHANNELS } from '../../src-shared/ipc/contract';
import { PUSH_CHANNEL } from '../../src-shared/ipc/events';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(PUSH_CHANNEL, (_event, message: { event: string; payload: unknown }) => {
  for (const l of listeners.get(message.event) ?? []) l(message.payload);
});

const api = buildApi(
  CHANNELS,
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  },
);

contextBridge.exposeInMainWorld('api', api);
