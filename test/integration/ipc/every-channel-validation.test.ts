/**
 * SEC-ipc: every channel of the contract, called with invalid input, answers VALIDATION with
 * Japanese field messages — never a crash, never a stack trace. The channel list comes from the
 * contract itself, so a new channel is covered the moment it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../src-shared/ipc/contract';
import { makeTestCore, type TestCore } from '../../helpers/core';

const CANDIDATES: unknown[] = [42, 'x', [], { __bogus__: true }, { id: 'not-a-number' }, { id: -1 }, null, true];

describe('every IPC channel rejects invalid input', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await makeTestCore();
  });
  afterAll(() => t.close());

  it('covers the whole contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(10);
  });

  for (const channel of CHANNELS) {
    it(`${channel}: invalid input → VALIDATION`, async () => {
      const invalid = CANDIDATES.filter((c) => !contract[channel].input.safeParse(c).success);
      expect(invalid.length, 'at least one candidate must be invalid for this channel').toBeGreaterThan(0);
      for (const input of invalid) {
        const r = await t.core.dispatch(channel, input, { via: 'test' });
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/[ぁ-ん]/);
        expect(JSON.stringify(r.error)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frames
      }
    });
  }

  it('an unknown channel answers UNKNOWN_CHANNEL', async () => {
    const r = await t.core.dispatch('nope:nothing', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
