/**
 * 「デモデータで試す」: the built-in BCart simulator's demo shop, reached through the DemoShopPort the
 * shell, the harness and the CLI inject (the core never imports the simulator), started once per
 * core and kept for the app's lifetime, with the whole 初期設定 run against it (a settings row named
 * デモ). The shop's token is saved as a personal token and never leaves the core.
 */
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError } from '../../../src-shared/errors';
import type { CorePorts, DemoShopPort, RunningDemoShop } from '../ports';
import { runInitialSetup, type InitialSetupDeps } from './initial-setup';

export const DEMO_SETTING_NAME = 'デモ (シミュレーター)';

export interface DemoService {
  /** the running demo shop, started on first use */
  shop(): Promise<RunningDemoShop>;
  /** starts (or reuses) the shop and sets everything up against it */
  start(): Promise<{ url: string; settingId: number; created: Record<string, string[]> }>;
  /** stops the shop, if any (app quit, tests) */
  stop(): Promise<void>;
}

export function createDemoService(port: DemoShopPort | undefined, setup: InitialSetupDeps, ports: Pick<CorePorts, 'clock' | 'logger'>): DemoService {
  let running: Promise<RunningDemoShop> | null = null;

  function shop(): Promise<RunningDemoShop> {
    if (!port) {
      return Promise.reject(new AppError('FORBIDDEN', 'この環境ではデモデータを使えません。デスクトップアプリ、または npm run harness で起動した画面からお試しください。'));
    }
    if (!running) {
      // the same shop as `npm run demo`: only orders the import can take, so the first run succeeds
      const today = jstDateOf(ports.clock.now());
      const started = port.start(addDays(today, -port.days), today, { clock: ports.clock });
      // a failed start must not be kept, so the next click tries again
      started.catch(() => {
        if (running === started) running = null;
      });
      running = started;
    }
    return running;
  }

  return {
    shop,
    async start() {
      const sim = await shop();
      const today = jstDateOf(ports.clock.now());
      const report = await runInitialSetup(setup, { baseUrl: sim.url, token: sim.token, from: addDays(today, -port!.days), settingName: DEMO_SETTING_NAME, conventions: port!.conventions });
      ports.logger.child('demo').info('demo shop ready', { url: sim.url, settingId: report.settingId });
      return { url: sim.url, settingId: report.settingId, created: report.created };
    },
    async stop() {
      const sim = running;
      running = null;
      if (sim) await (await sim).close();
    },
  };
}
