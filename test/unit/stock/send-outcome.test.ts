import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, APP_ERROR_CODES } from '../../../src-shared/errors';
import { ambiguousReason, classifySendError, decideUnknown } from '../../../src-main/core/stock/rules/send-outcome';

const err = (code: (typeof APP_ERROR_CODES)[number], details?: Record<string, unknown>, retryable = false) =>
  new AppError(code, 'x', { ...(details ? { details } : {}), retryable });

describe('classifySendError', () => {
  it('an explicit unknown or partial outcome is unknown, whatever the code', () => {
    for (const code of APP_ERROR_CODES) {
      expect(classifySendError(err(code, { outcome: 'unknown' }))).toEqual({ kind: 'unknown' });
      expect(classifySendError(err(code, { outcome: 'partial' }))).toEqual({ kind: 'unknown' });
    }
  });

  it('422 refusals carry BCart’s messages; a rate limit and a refused connection may be retried', () => {
    expect(
      classifySendError(err('BCART_REJECTED', { outcome: 'not_applied', messages: ['stock: 在庫は数値で入力してください。'] })),
    ).toEqual({
      kind: 'rejected',
      messages: ['stock: 在庫は数値で入力してください。'],
    });
    expect(classifySendError(err('BCART_RATE_LIMITED', { waitMs: 1 }, true))).toEqual({ kind: 'not-applied-retry' });
    expect(classifySendError(err('NETWORK', { outcome: 'not_applied' }, true))).toEqual({ kind: 'not-applied-retry' });
  });

  it('authentication and permission problems fail (the clerk must act); anything else without an outcome is unknown', () => {
    for (const code of ['BCART_UNAUTHORIZED', 'BCART_MISSING_SCOPE', 'NOT_FOUND', 'NOT_CONNECTED', 'REAUTH_REQUIRED'] as const) {
      expect(classifySendError(err(code))).toEqual({ kind: 'not-applied-fail' });
    }
    expect(classifySendError(err('TIMEOUT', {}, true))).toEqual({ kind: 'unknown' });
    expect(classifySendError(err('INTERNAL'))).toEqual({ kind: 'unknown' });
    expect(classifySendError(new Error('boom'))).toEqual({ kind: 'unknown' });
    expect(classifySendError('aborted')).toEqual({ kind: 'unknown' });
  });
});

describe('decideUnknown', () => {
  it('applied only at exactly before + N; not applied only at before; else ambiguous', () => {
    expect(decideUnknown({ before: 10, after: 15, delta: 5, touched: false })).toBe('applied');
    expect(decideUnknown({ before: 10, after: 10, delta: 5, touched: false })).toBe('not-applied');
    expect(decideUnknown({ before: 10, after: 5, delta: -5, touched: false })).toBe('applied');
    expect(decideUnknown({ before: 10, after: 14, delta: 5, touched: false })).toBe('ambiguous');
    expect(decideUnknown({ before: 10, after: 20, delta: 5, touched: false })).toBe('ambiguous');
  });

  it('any order touching the set, a vanished set or a zero change makes it ambiguous', () => {
    expect(decideUnknown({ before: 10, after: 15, delta: 5, touched: true })).toBe('ambiguous');
    expect(decideUnknown({ before: 10, after: 10, delta: 5, touched: true })).toBe('ambiguous');
    expect(decideUnknown({ before: 10, after: null, delta: 5, touched: false })).toBe('ambiguous');
    expect(decideUnknown({ before: 10, after: 10, delta: 0, touched: false })).toBe('ambiguous');
  });

  it('property: "applied" and "not-applied" are each only given when they are the one explanation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -50, max: 50 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 20 }),
        (before, delta, applied, touched, orders) => {
          // what BCart really did: applied or not, and possibly buyers' orders when touched
          const after = before + (applied ? delta : 0) - (touched ? orders : 0);
          const d = decideUnknown({ before, after, delta, touched });
          if (d === 'applied') expect(applied).toBe(true);
          if (d === 'not-applied') expect(applied).toBe(false);
          if (!touched && delta !== 0) expect(d).toBe(applied ? 'applied' : 'not-applied');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reasons name what was sent and what was read', () => {
    expect(ambiguousReason({ before: 10, after: 7, delta: -5, touched: true })).toContain('注文');
    expect(ambiguousReason({ before: 10, after: 7, delta: -5, touched: false })).toContain('送信前 10 から 7');
    expect(ambiguousReason({ before: 10, after: null, delta: 2, touched: false })).toContain('+2');
  });
});
