/**
 * Fake Clock + Timers with two time lines, like a real PC: the wall clock (Clock.now) and the
 * monotonic time that timers run on. advance() moves both and fires due timers in order;
 * sleepPc() moves only the wall clock, as when the machine is suspended and timers stand still.
 */
import type { Clock, Logger, Timers } from '../../../src-main/core/ports';

interface FakeTimer {
  id: number;
  dueMono: number;
  fn: () => void;
}

export interface FakeTime {
  clock: Clock;
  timers: Timers;
  /** moves both clocks by ms, firing every due timer in due order and letting promises settle in between */
  advance(ms: number): Promise<void>;
  /** the PC sleeps for ms: the wall clock jumps, timers do not move */
  sleepPc(ms: number): Promise<void>;
  /** number of armed timers */
  pending(): number;
}

/** Lets every queued promise callback run (microtasks drain before a setImmediate callback). */
export const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export function createFakeTime(startWallMs: number): FakeTime {
  let wall = startWallMs;
  let mono = 0;
  let seq = 0;
  const armed = new Map<number, FakeTimer>();

  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = ++seq;
      armed.set(id, { id, dueMono: mono + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      armed.delete(handle as number);
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const id = timers.setTimeout(() => resolve(), ms);
        signal?.addEventListener(
          'abort',
          () => {
            timers.clearTimeout(id);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
  };

  return {
    clock: { now: () => wall },
    timers,
    async advance(ms) {
      const target = mono + ms;
      for (;;) {
        let next: FakeTimer | undefined;
        for (const t of armed.values()) if (t.dueMono <= target && (!next || t.dueMono < next.dueMono)) next = t;
        if (!next) break;
        wall += next.dueMono - mono;
        mono = next.dueMono;
        armed.delete(next.id);
        next.fn();
        await settle();
      }
      wall += target - mono;
      mono = target;
      await settle();
    },
    async sleepPc(ms) {
      wall += ms;
      await settle();
    },
    pending: () => armed.size,
  };
}

/** A Logger that keeps its lines for assertions. */
export function createMemoryLogger(): Logger & { lines: { level: string; msg: string; meta?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; meta?: Record<string, unknown> }[] = [];
  const make = (): Logger => ({
    debug: (msg, meta) => void lines.push({ level: 'debug', msg, meta }),
    info: (msg, meta) => void lines.push({ level: 'info', msg, meta }),
    warn: (msg, meta) => void lines.push({ level: 'warn', msg, meta }),
    error: (msg, meta) => void lines.push({ level: 'error', msg, meta }),
    child: () => make(),
  });
  return Object.assign(make(), { lines });
}
