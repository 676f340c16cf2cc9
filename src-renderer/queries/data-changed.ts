/**
 * How screens learn that data changed. Every query key starts with a data root (src-shared/ipc/
 * data-roots.ts); main's `data:changed` names the roots a write changed, and exactly the queries
 * under them — or reading them (meta.reads) — are refetched. A mutation's own roots
 * (meta.changes) are invalidated as soon as it succeeds, before the push event arrives.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import { dataChanged, type DataRoot } from '../../src-shared/ipc/data-roots';
import type { Unsubscribe } from '../../src-shared/ipc/api';
import { api } from '../ipc/api';

declare module '@tanstack/react-query' {
  interface Register {
    /** reads: other roots this query shows data of (a 決済方法 row shows its 得意先's status) */
    queryMeta: { reads?: readonly DataRoot[] };
    /** changes: the roots a mutation writes */
    mutationMeta: { changes?: readonly DataRoot[] };
  }
}

/** True when the query's key starts with one of the roots or the query reads one of them. */
export function showsAnyRoot(query: Pick<Query, 'queryKey' | 'meta'>, roots: readonly DataRoot[]): boolean {
  const root = query.queryKey[0];
  return roots.some((r) => r === root || (query.meta?.reads ?? []).includes(r));
}

/** Refetches (or marks stale) every query showing data of these roots. */
export function invalidateRoots(qc: QueryClient, roots: readonly DataRoot[]): Promise<void> {
  if (roots.length === 0) return Promise.resolve();
  return qc.invalidateQueries({ predicate: (q) => showsAnyRoot(q, roots) });
}

/**
 * Follows main's `data:changed`. A payload that does not match the contract (a main newer than
 * this screen) refreshes everything: stale numbers on screen are worse than one extra fetch.
 */
export function listenToDataChanges(qc: QueryClient): Unsubscribe {
  return api().on('data:changed', (payload) => {
    const parsed = dataChanged.safeParse(payload);
    void (parsed.success ? invalidateRoots(qc, parsed.data.roots) : qc.invalidateQueries());
  });
}
