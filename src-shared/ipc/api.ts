/**
 * The shape of window.api, identical in Electron (preload) and in the browser harness: one
 * function per channel, grouped by domain (`api.departments.list(input)` for `departments:list`),
 * plus `on(event, listener)` for push events. Both sides build it from CHANNELS with buildApi().
 */
import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { EventName, EventPayload } from './events';
import type { IpcResult } from './result';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

type CallOf<C extends Channel> = (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

export type ApiFunctions = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<Channel, D>]: CallOf<Extract<Channel, `${D}:${V}`>>;
  };
};

export type Unsubscribe = () => void;

export interface WindowApi extends ApiFunctions {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
}

/** Builds the grouped object from a single invoke function; shared by preload and harness. */
export function buildApi(
  channels: readonly string[],
  invoke: (channel: string, input: unknown) => Promise<unknown>,
  on: (event: string, listener: (payload: unknown) => void) => Unsubscribe,
): WindowApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of channels) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input?: unknown) => invoke(name, input);
  }
  return Object.freeze({ ...api, on }) as unknown as WindowApi;
}
