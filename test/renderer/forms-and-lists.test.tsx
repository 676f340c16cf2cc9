/**
 * The form and list pieces every screen shares, in jsdom: the unsaved-changes guard (menu, another
 * record and the back button ask before edits are dropped; a declined question keeps the page),
 * the error summary beside the button with focus on the first field in error, the date field that
 * reads the same on every PC, and the list's ↑↓ / Enter.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { departmentInput } from '../../src-shared/masters/department';
import { DateInput } from '../../src-renderer/components/DateInput';
import { VirtualTable } from '../../src-renderer/components/VirtualTable';
import { MasterForm } from '../../src-renderer/features/masters/MasterForm';
import { listenToHash, useNavigation } from '../../src-renderer/stores/navigation';
import { confirmLeave, hasUnsavedChanges } from '../../src-renderer/stores/unsaved-changes';

const FIELDS = [
  { name: 'code', label: '部門コード', type: 'text' as const, required: true },
  { name: 'name', label: '部門名', type: 'text' as const, required: true },
];

function renderForm(row: { id: number; code: string; name: string; confirmed: boolean; createdAt: string; updatedAt: string } | null = null) {
  const api = { create: vi.fn(), update: vi.fn(), confirm: vi.fn(), unconfirm: vi.fn() };
  (window as unknown as { api: unknown }).api = { departments: api };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MasterForm prefix="departments" title="部門" fields={FIELDS} schema={departmentInput} row={row} empty={{ code: '', name: '' }} onSaved={() => undefined} />
    </QueryClientProvider>,
  );
  return api;
}

afterEach(() => {
  cleanup();
  confirmLeave(() => true);
});

const ROW = { id: 7, code: 'D001', name: '営業部', confirmed: false, createdAt: '2026-12-01T00:00:00+09:00', updatedAt: '2026-12-01T00:00:00+09:00' };

describe('unsaved-changes guard', () => {
  let stopHash: () => void;
  beforeEach(() => {
    window.location.hash = '#/departments/7';
    useNavigation.setState({ page: 'departments', param: '7' });
    stopHash = listenToHash();
  });
  afterEach(() => {
    stopHash();
    vi.restoreAllMocks();
  });

  it('says which record the form edits and explains 未確定', () => {
    renderForm(ROW);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('部門 D001 営業部');
    expect(screen.getByText(/未確定です: 保存済みですが/)).toBeInTheDocument();
  });

  it('asks before a menu click drops edits; declining stays, accepting moves on', () => {
    renderForm(ROW);
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    act(() => useNavigation.getState().go('products'));
    expect(ask).not.toHaveBeenCalled(); // nothing typed yet: no question
    expect(useNavigation.getState().page).toBe('products');

    act(() => useNavigation.setState({ page: 'departments', param: '7' }));
    fireEvent.change(screen.getByLabelText(/部門名/), { target: { value: '営業一部' } });
    expect(hasUnsavedChanges()).toBe(true);
    act(() => useNavigation.getState().go('products'));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0]![0]).toContain('部門 D001 営業部の変更が保存されていません');
    expect(useNavigation.getState().page).toBe('departments');

    ask.mockReturnValue(true);
    act(() => useNavigation.getState().go('departments', '8'));
    expect(useNavigation.getState()).toMatchObject({ page: 'departments', param: '8' });
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('the back button with unsaved edits asks too, and a no puts the address back', () => {
    renderForm(ROW);
    fireEvent.change(screen.getByLabelText(/部門名/), { target: { value: '営業一部' } });
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    window.history.pushState(null, '', '#/home');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(ask).toHaveBeenCalledTimes(1);
    expect(useNavigation.getState().page).toBe('departments');
    expect(window.location.hash).toBe('#/departments/7');
    expect(confirmLeave(() => true)).toBe(true);
  });

  it('an unchanged form, or one changed back, never asks', () => {
    renderForm(ROW);
    const input = screen.getByLabelText(/部門名/);
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.change(input, { target: { value: '営業部' } });
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('error summary beside the button', () => {
  it('lists the fields to fix next to 保存, links to them and focuses the first', async () => {
    const api = renderForm(null);
    fireEvent.change(screen.getByLabelText(/部門コード/), { target: { value: 'コード' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const summary = await screen.findByRole('alert', { name: '保存できませんでした' });
    expect(summary.closest('.form-actions')).not.toBeNull();
    expect(summary.textContent).toContain('部門コード');
    expect(summary.textContent).toContain('部門名');
    await waitFor(() => expect(document.activeElement?.id).toBe('departments-code'));
    fireEvent.click(screen.getByRole('link', { name: '部門名' }));
    expect(document.activeElement?.id).toBe('departments-name');
    expect(api.create).not.toHaveBeenCalled();
  });
});

describe('DateInput', () => {
  it('reads typed dates the same on every PC and shows them as 2026/12/04(金)', () => {
    const onChange = vi.fn();
    render(<DateInput aria-label="日付" value="" onChange={onChange} />);
    const input = screen.getByLabelText('日付') as HTMLInputElement;
    expect(input.type).toBe('text');
    fireEvent.change(input, { target: { value: '2026/12/4' } });
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith('2026-12-04');
    expect(input.value).toBe('2026/12/04(金)');
    fireEvent.change(input, { target: { value: '2026/13/40' } });
    fireEvent.blur(input);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('VirtualTable keyboard', () => {
  it('↑↓ move the highlighted row and Enter opens it', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, code: `S${i + 1}` }));
    const onSelect = vi.fn();
    render(<VirtualTable label="伝票" rows={rows} rowKey={(r) => r.id} onSelect={onSelect} columns={[{ key: 'code', header: 'コード', render: (r) => r.code }]} height={400} totals={{ code: '5 件' }} />);
    const body = document.querySelector('.vtable-body')!;
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'ArrowUp' });
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(rows[1]);
    fireEvent.keyDown(body, { key: 'End' });
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(rows[4]);
    expect(screen.getByRole('row', { name: '合計' }).textContent).toContain('5 件');
  });

  it('Enter on the row that has the focus (Tab lands on the first) opens it before any ↑↓', async () => {
    // jsdom lays nothing out: give the scroller a size so the virtualizer renders the rows
    const size = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
    const rows = Array.from({ length: 3 }, (_, i) => ({ id: i + 1, code: `S${i + 1}` }));
    const onSelect = vi.fn();
    render(<VirtualTable label="伝票" rows={rows} rowKey={(r) => r.id} onSelect={onSelect} columns={[{ key: 'code', header: 'コード', render: (r) => r.code }]} height={400} />);
    await waitFor(() => expect(document.querySelector('[data-index="0"]')).not.toBeNull());
    const first = document.querySelector<HTMLElement>('[data-index="0"]')!;
    expect(first.tabIndex).toBe(0);
    fireEvent.keyDown(first, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(rows[0]);
    size.mockRestore();
    width.mockRestore();
  });
});
