import type { Channel, ChannelOutput, ChannelParsedInput } from '../../../src-shared/ipc/contract';

/** What a handler may know about its caller (for logs; the sender check happened before). */
export interface HandlerContext {
  /** 'ipc' (Electron), 'harness' (browser over HTTP), 'cli' */
  via: 'ipc' | 'harness' | 'cli' | 'test';
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  ctx: HandlerContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The compiler demands one handler per contract channel. */
export type Handlers = { [C in Channel]: Handler<C> };
