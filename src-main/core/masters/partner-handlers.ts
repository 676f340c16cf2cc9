/** `partners:listByKind`: the 取引先 list restricted to one 取引先種別 (e.g. 倉庫 for 連携倉庫). */
import type { Handlers } from '../ipc/handler-types';
import type { MasterRepositories } from './master-repositories';

/** Builds the partner-specific list handler; the six generic verbs come from masterHandlers. */
export function createPartnerHandlers(partners: MasterRepositories['partners']): Pick<Handlers, 'partners:listByKind'> {
  return {
    'partners:listByKind': ({ kind, ...query }) => partners.listByKind(kind, query),
  };
}
