/** 「最新まで取込」's decision after each window, every branch. */
import { describe, expect, it } from 'vitest';
import { catchUpNext, MAX_CATCH_UP_WINDOWS, type CatchUpState } from '../../../src-shared/import/catch-up';

const base: CatchUpState = { windows: 0, calls: 0, maxWindowCalls: 0, budget: 250, last: null };
const ok = { status: 'succeeded' as const, caughtUp: false };

describe('catchUpNext', () => {
  it('always runs the first window (its own refusal reaches the caller)', () => {
    expect(catchUpNext(base)).toBe('run');
    expect(catchUpNext({ ...base, budget: 0 })).toBe('run');
  });
  it('stops at the first window that failed or was cancelled, whatever is left', () => {
    expect(catchUpNext({ ...base, windows: 2, last: { status: 'failed', caughtUp: false } })).toBe('failed');
    expect(catchUpNext({ ...base, windows: 2, last: { status: 'cancelled', caughtUp: false } })).toBe('cancelled');
    expect(catchUpNext({ ...base, windows: 2, last: { status: 'failed', caughtUp: true } })).toBe('failed');
  });
  it('stops when the last window reached today', () => {
    expect(catchUpNext({ ...base, windows: 3, calls: 30, maxWindowCalls: 10, last: { status: 'succeeded', caughtUp: true } })).toBe('caught-up');
  });
  it('stops before a window that could overrun the budget: calls so far + the biggest window > budget', () => {
    expect(catchUpNext({ ...base, windows: 2, calls: 200, maxWindowCalls: 50, last: ok })).toBe('run');
    expect(catchUpNext({ ...base, windows: 2, calls: 201, maxWindowCalls: 50, last: ok })).toBe('budget');
    expect(catchUpNext({ ...base, windows: 1, calls: 260, maxWindowCalls: 260, last: ok })).toBe('budget');
  });
  it('stops at the window limit', () => {
    expect(catchUpNext({ ...base, windows: MAX_CATCH_UP_WINDOWS - 1, last: ok })).toBe('run');
    expect(catchUpNext({ ...base, windows: MAX_CATCH_UP_WINDOWS, last: ok })).toBe('max-windows');
  });
});
