/**
 * The desktop shell asks the page to show a screen (a notification's or the tray's 最終結果 click)
 * with the push event app:navigationRequested: the page changes inside the app — no reload, so a
 * form being typed on another page is not thrown away — and a malformed request is ignored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenToMainNavigation, useNavigation } from '../../src-renderer/stores/navigation';

let listeners: Record<string, (payload: unknown) => void> = {};
beforeEach(() => {
  listeners = {};
  (window as unknown as { api: unknown }).api = {
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners[event] = listener;
      return () => delete listeners[event];
    },
  };
  window.history.replaceState(null, '', '#/products');
  useNavigation.setState({ page: 'products', param: null });
});
afterEach(() => {
  delete (window as unknown as { api?: unknown }).api;
});

describe('app:navigationRequested', () => {
  it('shows the requested page and record, in the address hash too', () => {
    const off = listenToMainNavigation();
    const before = window.location.href.split('#')[0];
    listeners['app:navigationRequested']!({ page: 'schedules', param: '3' });
    expect(useNavigation.getState()).toMatchObject({ page: 'schedules', param: '3' });
    expect(window.location.hash).toBe('#/schedules/3');
    expect(window.location.href.split('#')[0]).toBe(before); // same document: no reload
    off();
    expect(listeners['app:navigationRequested']).toBeUndefined();
  });

  it('ignores a request that is not a page id', () => {
    listenToMainNavigation();
    for (const bad of [{ page: '../x', param: null }, { page: 'schedules' }, null, 'schedules', { page: 'a'.repeat(41), param: null }]) {
      listeners['app:navigationRequested']!(bad);
      expect(useNavigation.getState()).toMatchObject({ page: 'products', param: null });
    }
  });
});
