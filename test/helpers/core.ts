/** Builds a real core (real SQLite file in a temp folder) for integration tests. */
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/create-core';
import { createMemoryLogger, type MemoryLogger } from '../../src-main/core/logging';
import { createMemoryTokenStore } from '../../src-main/core/memory-token-store';
import { demoShopPort } from '../../src-main/simulator';
import { makeTempDir } from './temp-dir';

export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'drizzle');

export interface TestCore {
  core: Core;
  logger: MemoryLogger;
  dataDir: string;
  /** calls dispatch and returns the value, throwing the error data when not ok */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  close(): void;
}

export async function makeTestCore(overrides: Partial<CoreOptions> = {}, dataDir?: string): Promise<TestCore> {
  const tmp = dataDir ? null : makeTempDir();
  const dir = dataDir ?? tmp!.dir;
  const logger = createMemoryLogger();
  const core = await createCore({
    dataDir: dir,
    migrationsDir: MIGRATIONS_DIR,
    logger,
    tokenStore: createMemoryTokenStore(),
    // as the shell and the harness inject it: 「デモデータで試す」 works in tests
    demoShop: demoShopPort,
    ...overrides,
  });
  return {
    core,
    logger,
    dataDir: dir,
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const r = await core.dispatch(channel, input, { via: 'test' });
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
      return r.value as T;
    },
    close() {
      core.close();
      tmp?.cleanup();
    },
  };
}
