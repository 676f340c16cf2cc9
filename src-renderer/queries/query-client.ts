/**
 * The renderer's one QueryClient: retries only what main marks retryable, works offline (IPC is
 * local), and invalidates a mutation's meta.changes roots when it succeeds.
 */
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../ipc/api';
import { invalidateRoots } from './data-changed';

export function createQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      // not awaited: the screen goes on (e.g. opens the saved record) while the lists refetch
      onSuccess: (_data, _variables, _context, mutation) => {
        void invalidateRoots(qc, mutation.meta?.changes ?? []);
      },
    }),
    defaultOptions: {
      queries: {
        networkMode: 'always',
        staleTime: 5_000,
        retry: (count, e) => count < 2 && e instanceof ApiError && e.data.retryable,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  return qc;
}
