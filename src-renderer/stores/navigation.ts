/** Which page is shown (UI state only; server state lives in react-query). Synced with location.hash. */
import { create } from 'zustand';
import { navigationRequested } from '../../src-shared/ipc/navigation';
import { api } from '../ipc/api';
import { confirmLeave } from './unsaved-changes';

export type PageId = string;

interface NavigationState {
  page: PageId;
  /** optional record id to open on the page */
  param: string | null;
  go(page: PageId, param?: string | null): void;
}

function fromHash(): { page: PageId; param: string | null } {
  const [page, param] = window.location.hash.replace(/^#\/?/, '').split('/');
  return { page: page || 'home', param: param ? decodeURIComponent(param) : null };
}

export const useNavigation = create<NavigationState>((set) => ({
  ...fromHash(),
  go(page, param = null) {
    const state = useNavigation.getState();
    if ((state.page !== page || state.param !== param) && !confirmLeave()) return;
    const hash = `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ page, param });
  },
}));

/** Keeps the store in step with the browser's back/forward buttons (unsaved edits are asked about first). */
export function listenToHash(): () => void {
  const onPop = () => {
    if (!confirmLeave()) {
      // stay: put back the address of the page that is still shown
      const { page, param } = useNavigation.getState();
      window.history.pushState(null, '', `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`);
      return;
    }
    useNavigation.setState(fromHash());
  };
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}

/**
 * The desktop shell's requests to show a screen (a notification or the tray's 最終結果 was
 * clicked): the page changes inside the app, so unsaved forms on other pages are not reloaded away.
 */
export function listenToMainNavigation(): () => void {
  return api().on('app:navigationRequested', (payload) => {
    const p = navigationRequested.safeParse(payload);
    if (p.success) useNavigation.getState().go(p.data.page, p.data.param);
  });
}
