/**
 * All IPC handlers, assembled from each domain. `Handlers` makes the compiler demand one per
 * contract channel.
 */
import type { Clock, Logger } from '../ports';
import type { SqliteDb } from '../db/open';
import type { EventBus } from '../event-bus';
import { masterHandlers } from '../masters/master-handlers';
import type { MasterRepositories } from '../masters/master-registry';
import { isStoreClosed } from '../store-mode';
import type { Handlers } from './handler-types';

export interface HandlerDeps {
  db: SqliteDb;
  repos: MasterRepositories;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  info: { version: string; dataDir: string; schemaVersion: number; demoMode: boolean };
}

export function buildHandlers(deps: HandlerDeps): Handlers {
  const changed = (domain: string) => deps.events.emit('data:changed', { domain });
  return {
    'app:info': () => ({ ...deps.info, storeClosed: isStoreClosed(deps.db) }),
    ...masterHandlers('departments', deps.repos.departments, changed),
    ...masterHandlers('taxClasses', deps.repos.taxClasses, changed),
    ...masterHandlers('workflows', deps.repos.workflows, changed),
  };
}
