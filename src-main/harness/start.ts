/**
 * `npm run harness`: the real core and the built renderer in your browser (127.0.0.1 only).
 * Data lives in APP_DATA_DIR, or .data/harness in the project folder.
 */
import { join, resolve } from 'node:path';
import { parseHostList } from '../../src-shared/ec-settings/api-url-policy';
import { createCore } from '../core/create-core';
import { createConsoleLogger } from '../core/logging';
import { createMemoryTokenStore } from '../core/memory-token-store';
import { demoShopPort } from '../simulator';
import { startHarness } from './server';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const dataDir = process.env.APP_DATA_DIR ?? join(root, '.data', 'harness');
  const logger = createConsoleLogger('harness', 'warn');
  const core = await createCore({
    dataDir,
    migrationsDir: join(root, 'drizzle'),
    logger,
    tokenStore: createMemoryTokenStore(),
    appVersion: process.env.npm_package_version ?? '0.0.0',
    demoShop: demoShopPort,
    extraApiHosts: parseHostList(process.env.BCART_EXTERNAL_HOSTS),
  });
  const schedules = core.services.schedules.start();
  core.services.stock.pusher.start();
  const port = process.env.HARNESS_PORT ? Number(process.env.HARNESS_PORT) : 0;
  const harness = await startHarness({ core, rendererDir: join(root, 'dist', 'renderer'), logger, port });
  process.stdout.write(`BCart Desk (ハーネス) を起動しました。ブラウザで開いてください:\n${harness.url}\nデータフォルダ: ${dataDir}\n終了するには Ctrl+C を押してください。\n`);
  const stop = () => {
    void Promise.all([schedules.stop(), core.services.demo.stop(), core.services.stock.pusher.stop(), harness.close()]).then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`起動できませんでした: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
