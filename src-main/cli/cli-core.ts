/** Opens the core for a CLI command on a data folder, with console logging and no UI. */
import { join, resolve } from 'node:path';
import { parseHostList } from '../../src-shared/ec-settings/api-url-policy';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { createConsoleLogger } from '../core/logging';
import { createMemoryTokenStore } from '../core/memory-token-store';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Runs `fn` over a core opened on `dataDir` and closes it whatever happens. */
export async function withCliCore<T>(dataDir: string, fn: (core: Core) => Promise<T> | T, overrides: Partial<CoreOptions> = {}): Promise<T> {
  const core = await openCliCore(dataDir, overrides);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

export function openCliCore(dataDir: string, overrides: Partial<CoreOptions> = {}): Promise<Core> {
  return createCore({
    dataDir: resolve(dataDir),
    migrationsDir: join(PROJECT_ROOT, 'drizzle'),
    logger: createConsoleLogger('cli', process.env.BCART_DESK_DEBUG ? 'debug' : 'error'),
    tokenStore: createMemoryTokenStore(),
    appVersion: process.env.npm_package_version ?? '0.0.0',
    // developer setting: https hosts besides bcart.jp (src-shared/ec-settings/api-url-policy.ts)
    extraApiHosts: parseHostList(process.env.BCART_EXTERNAL_HOSTS),
    ...overrides,
  });
}
