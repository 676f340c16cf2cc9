/**
 * A clerk who types at once after 新規, or right after picking another record, keeps every key.
 * The input is typed from a MutationObserver callback: it runs as soon as React has put the form's
 * inputs into the document and before React's passive effects run, which is exactly the moment a
 * form that resets itself from an effect would wipe the typing (the 取引先 e2e flake).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DepartmentPage } from '../../src-renderer/features/masters/department-page';
import { useNavigation } from '../../src-renderer/stores/navigation';

const rows = [
  { id: 1, code: 'D001', name: '営業部', confirmed: false, updatedAt: '2026-12-01T09:00:00+09:00', createdAt: '2026-12-01T09:00:00+09:00' },
  { id: 2, code: 'D002', name: '管理部', confirmed: false, updatedAt: '2026-12-01T09:00:00+09:00', createdAt: '2026-12-01T09:00:00+09:00' },
];

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

function installApi(): void {
  (window as unknown as { api: unknown }).api = {
    departments: {
      list: () => ok({ rows, total: rows.length }),
      get: ({ id }: { id: number }) => ok(rows.find((r) => r.id === id)),
      create: () => ok(rows[0]),
      update: () => ok(rows[0]),
      confirm: () => ok(rows[0]),
      unconfirm: () => ok(rows[0]),
    },
  };
}

/** Sets the value of the code input the moment `ready` holds after a DOM change, like a fast typist. */
function typeAsSoonAsShown(text: string, ready: (input: HTMLInputElement) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tryType = (): boolean => {
      const input = document.querySelector<HTMLInputElement>('#departments-code');
      if (!input || !ready(input)) return false;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    };
    const observer = new MutationObserver(() => {
      if (tryType()) {
        observer.disconnect();
        clearTimeout(giveUp);
        resolve();
      }
    });
    const giveUp = setTimeout(() => observer.disconnect(), 5_000);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

describe('MasterForm keeps what is typed at once', () => {
  const actFlag = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  beforeEach(() => {
    installApi();
    window.location.hash = '#/departments/1';
    useNavigation.setState({ page: 'departments', param: '1' });
  });
  afterEach(() => {
    actFlag.IS_REACT_ACT_ENVIRONMENT = true;
  });

  async function showRecordOne(): Promise<void> {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <DepartmentPage />
      </QueryClientProvider>,
    );
    await waitFor(() => expect((document.getElementById('departments-code') as HTMLInputElement | null)?.value).toBe('D001'));
    // From here React schedules work as in the app (no act() flushing effects for us).
    actFlag.IS_REACT_ACT_ENVIRONMENT = false;
  }

  it('after 新規', async () => {
    await showRecordOne();
    const form = () => screen.getByRole('form');
    const typed = typeAsSoonAsShown('D100', () => form().getAttribute('aria-label') === '部門の新規登録');
    useNavigation.getState().go('departments', 'new');
    await typed;
    await new Promise((r) => setTimeout(r, 50));
    await act(async () => undefined);
    expect(form().getAttribute('aria-label')).toBe('部門の新規登録');
    expect((document.getElementById('departments-code') as HTMLInputElement).value).toBe('D100');
  });

  it('after switching to another record', async () => {
    await showRecordOne();
    // The clerk picks record 2 and types into the form as soon as the screen changes.
    const typed = typeAsSoonAsShown('D002-edited', () => useNavigation.getState().param === '2');
    useNavigation.getState().go('departments', '2');
    await typed;
    await new Promise((r) => setTimeout(r, 50));
    await act(async () => undefined);
    expect((document.getElementById('departments-name') as HTMLInputElement).value).toBe('管理部');
    expect((document.getElementById('departments-code') as HTMLInputElement).value).toBe('D002-edited');
  });
});
