/** Renderer entry: react-query for server state, zustand for UI state, push events invalidate queries. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { ApiError } from './ipc/api';
import { listenToHash } from './stores/navigation';
import './styles.css';

z.config(z.locales.ja());

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'always',
      staleTime: 5_000,
      retry: (count, e) => count < 2 && e instanceof ApiError && e.data.retryable,
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

window.api.on('data:changed', ({ domain }) => {
  void queryClient.invalidateQueries({ queryKey: [domain] });
});
// 在庫反映 rounds change the outbox counts and states: every stock query refreshes
window.api.on('stock:pushChanged', () => {
  void queryClient.invalidateQueries({ queryKey: ['stock'] });
});
listenToHash();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
