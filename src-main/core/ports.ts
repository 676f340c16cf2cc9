/**
 * Ports: everything the core needs from the outside world, injected by the composition root
 * (create-core.ts). The Electron shell, the CLI, the harness and the tests each provide their own.
 * Nothing in src-main/core reaches for globals such as Date.now(), fetch or setTimeout directly
 * where a port exists, so time and network can be simulated in tests.
 */

export interface Clock {
  /** epoch milliseconds */
  now(): number;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** resolves after ms on this clock (a fake clock resolves when advanced) */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, meta?: Record<string, unknown>): void;
  info(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
  error(msg: string, meta?: Record<string, unknown>): void;
  /** a logger whose lines carry a scope prefix, e.g. "bcart" */
  child(scope: string): Logger;
}

/** The WHATWG fetch signature (Node 20 global fetch, or a test double). */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Secret storage. In the shell: Electron safeStorage (refuses Linux basic_text).
 * In CLI/tests: an in-memory or file store. Values never reach logs or the database.
 */
export interface TokenStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Opens a URL in the user's system browser (OAuth). The shell restricts it to https allow-listed hosts. */
export type OpenExternal = (url: string) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(t);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The ports as the services receive them, with the clock's JST time. */
export interface CorePorts {
  clock: Clock;
  timers: Timers;
  logger: Logger;
  fetch: Fetch;
  tokenStore: TokenStore;
  openExternal: OpenExternal;
  /** ISO-8601 with +09:00 of the clock's now */
  now(): string;
}

/** A running demo shop (the built-in BCart simulator): its API URL and personal token. */
export interface RunningDemoShop {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The demo shop for 「デモデータで試す」. The core never imports the simulator: the shell, the harness
 * and the CLI inject it (absent = no demo).
 */
/**
 * What the demo shop's owner configured in BCart beyond the defaults, which the demo's 初期設定
 * copies into its EC連携設定: payment methods the shop created (each booked to a customer of its
 * own through the payment rule) and the shop's own name for a cancelled order.
 */
export interface DemoShopConventions {
  payments: readonly { paymentName: string; customerCode: string; customerName: string }[];
  cancelStatuses: readonly string[];
}

export interface DemoShopPort {
  /** days of orders the shop holds, up to today */
  days: number;
  /** the shop's own payment names and cancel statuses (the 初期設定 of the demo copies them) */
  conventions: DemoShopConventions;
  /** starts the shop with orders from `from` to `today` */
  start(from: string, today: string, opts: { clock: Clock }): Promise<RunningDemoShop>;
}

/** Applies 「ログイン時に起動」 to the OS (Electron's app.setLoginItemSettings; only the shell has it). */
export type LoginItemPort = (openAtLogin: boolean) => void;
