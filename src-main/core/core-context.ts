/**
 * Everything a domain service may use, built once by create-core.ts and handed to each domain's
 * handler factory: the database, the repositories, the push-event bus and the injected ports.
 */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SqliteDb } from './db/open';
import type * as schema from './db/schema';
import type { EventBus } from './event-bus';
import type { MasterRepositories } from './masters/master-registry';
import type { Clock, Fetch, Logger, OpenExternal, Timers, TokenStore } from './ports';
import type { SalesModule } from './sales/sales-module';

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
  demoMode: boolean;
}

export interface CoreContext {
  db: SqliteDb;
  orm: BetterSQLite3Database<typeof schema>;
  repos: MasterRepositories;
  events: EventBus;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  fetch: Fetch;
  tokenStore: TokenStore;
  openExternal: OpenExternal;
  dataDir: string;
  /** developer setting: https hosts besides bcart.jp allowed for EC連携設定 URLs (api-url-policy.ts) */
  extraApiHosts: readonly string[];
  info: AppInfo;
  /** ISO-8601 with +09:00 of the clock's now */
  now(): string;
  /** 売上伝票 */
  sales: SalesModule;
}
