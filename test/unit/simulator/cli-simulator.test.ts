/** Flag parsing of `cli simulator`; the running command is covered in test/integration/simulator. */
import { describe, expect, it } from 'vitest';
import { parseSimulatorArgs } from '../../../src-main/simulator/cli-simulator';

describe('parseSimulatorArgs', () => {
  it('reads --port --seed --orders --rate-limit (space or = form)', () => {
    expect(parseSimulatorArgs(['--port', '8080', '--seed=3', '--orders', '50', '--rate-limit', 'off'])).toEqual({
      mode: 'test',
      port: 8080,
      seed: 3,
      orders: 50,
      rateLimit: false,
    });
    // the command is the test tool: /__admin and the instant-approve OAuth are served
    expect(parseSimulatorArgs([])).toEqual({ mode: 'test' });
  });

  it('rejects bad values and unknown flags with Japanese messages', () => {
    expect(() => parseSimulatorArgs(['--rate-limit', 'maybe'])).toThrow(/on または off/);
    expect(() => parseSimulatorArgs(['--orders', '-1'])).toThrow(/整数/);
    expect(() => parseSimulatorArgs(['--port'])).toThrow(/整数/);
    expect(() => parseSimulatorArgs(['--verbose'])).toThrow(/不明なオプション/);
  });
});
