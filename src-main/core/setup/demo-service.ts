/**
 * 「デモデータで試す」: the built-in BCart simulator, started in-process once per core and kept for the
 * app's lifetime, with the whole 初期設定 run against it (a settings row named デモ). The simulator's
 * token is saved as a personal token and never leaves the core.
 */
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import type { CoreContext } from '../core-context';
import { DEMO_SHOP, startDemoShop, type RunningSimulator } from '../../simulator';
import { runInitialSetup } from './initial-setup';

export const DEMO_SETTING_NAME = 'デモ (シミュレーター)';

const running = new WeakMap<CoreContext, Promise<RunningSimulator>>();

/** The core's demo simulator, started on first use. */
export function demoSimulator(ctx: CoreContext): Promise<RunningSimulator> {
  let sim = running.get(ctx);
  if (!sim) {
    // the same shop as `npm run demo`: only orders the import can take, so the first run succeeds
    const today = jstDateOf(ctx.clock.now());
    sim = startDemoShop(addDays(today, -DEMO_SHOP.days), today, { clock: ctx.clock });
    // a failed start must not be cached, so the next click tries again
    sim.catch(() => running.delete(ctx));
    running.set(ctx, sim);
  }
  return sim;
}

/** Starts (or reuses) the simulator and sets everything up against it. */
export async function startDemo(ctx: CoreContext) {
  const sim = await demoSimulator(ctx);
  const today = jstDateOf(ctx.clock.now());
  const report = await runInitialSetup(ctx, { baseUrl: sim.url, token: sim.token, from: addDays(today, -DEMO_SHOP.days), settingName: DEMO_SETTING_NAME });
  ctx.logger.child('demo').info('demo shop ready', { url: sim.url, settingId: report.settingId });
  return { url: sim.url, settingId: report.settingId, created: report.created };
}

/** Stops the demo simulator of a core, if any (tests, app quit). */
export async function stopDemoSimulator(ctx: CoreContext): Promise<void> {
  const sim = running.get(ctx);
  running.delete(ctx);
  if (sim) await (await sim).close();
}
