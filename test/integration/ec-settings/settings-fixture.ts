/** A real core on a temp SQLite file plus the BCart simulator on 127.0.0.1, set up by the init. */
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import type { CoreOptions } from '../../../src-main/core/create-core';
import { makeTestCore, type TestCore } from '../../helpers/core';

export interface SettingsFixture {
  t: TestCore;
  sim: RunningSimulator;
  settingId: number;
  close(): Promise<void>;
}

/** Starts both and runs the initial setup with the simulator's token (unless `setup` is false). */
export async function startSettingsFixture(opts: { token?: string; setup?: boolean; core?: Partial<CoreOptions>; orders?: number } = {}): Promise<SettingsFixture> {
  // test mode: the OAuth tests log in through the simulator's instant-approve consent screen
  const sim = await startSimulator({ mode: 'test', rateLimit: false, orders: opts.orders ?? 60, ...(opts.token ? { token: opts.token } : {}) });
  const t = await makeTestCore(opts.core ?? {});
  let settingId = 0;
  if (opts.setup !== false) settingId = (await t.core.services.initialSetup.run({ baseUrl: sim.url, token: sim.token })).settingId;
  return {
    t,
    sim,
    settingId,
    async close() {
      t.close();
      await sim.close();
    },
  };
}
