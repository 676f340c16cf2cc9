/**
 * All IPC handlers, assembled from each domain's factory. `Handlers` makes the compiler demand one
 * per contract channel. Adding a domain = one spread line here.
 */
import type { CoreContext } from '../core-context';
import { masterHandlers } from '../masters/master-handlers';
import { isStoreClosed } from '../store-mode';
import type { Handlers } from './handler-types';

export function buildHandlers(ctx: CoreContext): Handlers {
  const changed = (domain: string) => ctx.events.emit('data:changed', { domain });
  return {
    'app:info': () => ({ ...ctx.info, storeClosed: isStoreClosed(ctx.db) }),
    ...masterHandlers('departments', ctx.repos.departments, changed),
    ...masterHandlers('taxClasses', ctx.repos.taxClasses, changed),
    ...masterHandlers('workflows', ctx.repos.workflows, changed),
  };
}
