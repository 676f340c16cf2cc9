/** Renderer entry: react-query for server state (queries/), zustand for UI state, push events invalidate queries. */
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { listenToDataChanges } from './queries/data-changed';
import { createQueryClient } from './queries/query-client';
import { listenToHash, listenToMainNavigation } from './stores/navigation';
import './styles.css';

z.config(z.locales.ja());

const queryClient = createQueryClient();
listenToDataChanges(queryClient);
listenToHash();
listenToMainNavigation();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
