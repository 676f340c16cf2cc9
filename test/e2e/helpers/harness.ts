/**
 * End-to-end fixture: the real core on a temp SQLite file, the harness on 127.0.0.1, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-output/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '../../../src-main/core/create-core';
import { demoShopPort } from '../../../src-main/simulator';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { createMemoryTokenStore } from '../../../src-main/core/memory-token-store';
import type { CoreOptions } from '../../../src-main/core/create-core';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server';
import { MIGRATIONS_DIR } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots');

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=ja-JP',
];

export interface E2E {
  core: Core;
  harness: RunningHarness;
  browser: Browser;
  page: Page;
  dataDir: string;
  screenshot(name: string): Promise<string>;
  /** restarts core + harness on the same data folder (a "reload after restart") */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export async function startE2E(opts: { coreOptions?: Partial<CoreOptions>; dataDir?: string } = {}): Promise<E2E> {
  const tmp = opts.dataDir ? null : makeTempDir('bcart-e2e-');
  const dataDir = opts.dataDir ?? tmp!.dir;
  const logger = createMemoryLogger();
  const make = async () => {
    const core = await createCore({
      dataDir,
      migrationsDir: MIGRATIONS_DIR,
      logger,
      tokenStore: createMemoryTokenStore(),
      // as `npm run harness` injects it: 「デモデータで試す」 works
      demoShop: demoShopPort,
      ...opts.coreOptions,
    });
    const harness = await startHarness({ core, rendererDir: join(ROOT, 'dist', 'renderer'), logger });
    return { core, harness };
  };
  let { core, harness } = await make();
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(harness.url);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const e2e: E2E = {
    core,
    harness,
    browser,
    page,
    dataDir,
    async screenshot(name) {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async restart() {
      await e2e.harness.close();
      e2e.core.close();
      ({ core, harness } = await make());
      e2e.core = core;
      e2e.harness = harness;
      await page.goto(harness.url);
    },
    async close() {
      await browser.close();
      await e2e.harness.close();
      e2e.core.close();
      tmp?.cleanup();
      if (consoleErrors.length > 0) throw new Error(`page errors: ${consoleErrors.join('\n')}`);
    },
  };
  return e2e;
}
