/** `partners:listByKind`: the 取引先 list restricted to one 取引先種別 (e.g. 倉庫 for 連携倉庫). */
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../core-context';
import { partners } from '../db/schema';
import type { Handlers } from '../ipc/handler-types';

/** Builds the partner-specific list handler; the six generic verbs come from masterHandlers. */
export function createPartnerHandlers(ctx: CoreContext): Pick<Handlers, 'partners:listByKind'> {
  return {
    'partners:listByKind': ({ kind, ...query }) => ctx.repos.partners.list(query, eq(partners.kind, kind)),
  };
}
