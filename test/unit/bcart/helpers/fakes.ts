/** Test doubles for the core ports: a capturing logger, a manual clock, and timers driven by that clock. */
import type { Clock, Logger, Timers } from '../../../../src-main/core/ports';

export interface CapturingLogger extends Logger {
  lines: string[];
}

/** Logger that records every line (message + JSON meta) so tests can grep it for secrets. */
export function capturingLogger(lines: string[] = [], scope = ''): CapturingLogger {
  const rec =
    (level: string) =>
    (msg: string, meta?: Record<string, unknown>): void => {
      lines.push(`${level} ${scope}${msg} ${meta ? JSON.stringify(meta) : ''}`);
    };
  return {
    lines,
    debug: rec('debug'),
    info: rec('info'),
    warn: rec('warn'),
    error: rec('error'),
    child: (s: string) => capturingLogger(lines, `${scope}${s}: `),
  };
}

export interface FakeTime {
  clock: Clock;
  timers: Timers;
  /** moves the clock and fires due timers */
  advance(ms: number): void;
  sleeps: number[];
}

/**
 * Simulated time: sleep(ms) advances the clock by ms at once (after a macrotask, so concurrent work can
 * interleave) and fires the timers that became due; setTimeout only fires when time is advanced.
 */
export function fakeTime(start = Date.parse('2025-04-14T00:00:00Z')): FakeTime {
  let now = start;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const sleeps: number[] = [];
  const advance = (ms: number): void => {
    now += Math.max(0, ms);
    for (const [id, t] of [...pending.entries()].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        pending.delete(id);
        t.fn();
      }
    }
  };
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = ++seq;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      pending.delete(h as number);
    },
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        setImmediate(() => {
          advance(ms);
          resolve();
        });
      });
    },
  };
  return { clock: { now: () => now }, timers, advance, sleeps };
}

/** Real timers whose sleeps are recorded and shortened (for retry tests that must stay fast). */
export function recordingTimers(scale = 0): Timers & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        setTimeout(resolve, ms * scale);
      });
    },
  };
}
