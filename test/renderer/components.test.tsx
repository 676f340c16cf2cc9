/**
 * Renderer pieces in jsdom: the error table covers every AppErrorCode, the virtualized table keeps
 * the DOM small at 100,000 rows, and a master form shows the shared zod schema's Japanese messages
 * beside each field without calling main.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { APP_ERROR_CODES } from '../../src-shared/errors';
import { departmentInput } from '../../src-shared/masters/department';
import { VirtualTable } from '../../src-renderer/components/VirtualTable';
import { describeError, ERROR_TITLES } from '../../src-renderer/i18n/error-messages';
import { ApiError } from '../../src-renderer/ipc/api';
import { MasterForm } from '../../src-renderer/features/masters/MasterForm';

describe('error messages', () => {
  it('has a Japanese heading for every error code', () => {
    for (const code of APP_ERROR_CODES) expect(ERROR_TITLES[code], code).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('shows the message from main under the heading, and a generic text for anything else', () => {
    const d = describeError(new ApiError({ code: 'DB_READ_ONLY', message: 'データファイルに書き込めません。', retryable: false }));
    expect(d).toMatchObject({ title: 'データファイルに書き込めません', message: 'データファイルに書き込めません。' });
    expect(describeError(new Error('x')).title).toBe(ERROR_TITLES.INTERNAL);
  });
});

describe('VirtualTable', () => {
  it('renders only a window of rows out of 100,000', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i, code: `P${i}` }));
    render(
      <VirtualTable label="商品一覧" rows={rows} rowKey={(r) => r.id} columns={[{ key: 'code', header: 'コード', render: (r) => r.code }]} height={400} />,
    );
    const table = screen.getByRole('table', { name: '商品一覧' });
    expect(table.getAttribute('aria-rowcount')).toBe('100001');
    expect(screen.getAllByRole('row').length).toBeLessThan(100);
  });
});

describe('MasterForm', () => {
  it('shows every schema problem beside its field and sends nothing', async () => {
    const create = vi.fn();
    (window as unknown as { api: unknown }).api = { departments: { create, update: vi.fn(), confirm: vi.fn(), unconfirm: vi.fn() } };
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MasterForm
          prefix="departments"
          title="部門"
          fields={[
            { name: 'code', label: '部門コード', type: 'text', required: true },
            { name: 'name', label: '部門名', type: 'text', required: true },
          ]}
          schema={departmentInput}
          row={null}
          empty={{ code: '', name: '' }}
          onSaved={() => undefined}
        />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText(/部門コード/), { target: { value: 'コード' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(document.getElementById('departments-code-error')?.textContent).toContain('半角英数字'));
    expect(document.getElementById('departments-name-error')?.textContent).toContain('部門名を入力してください');
    expect(screen.getByLabelText(/部門コード/).getAttribute('aria-invalid')).toBe('true');
    expect(create).not.toHaveBeenCalled();
  });
});

describe('withHiddenEmptied', () => {
  it('empties fields whose condition is not met, following chains in field order', async () => {
    const { withHiddenEmptied } = await import('../../src-renderer/features/masters/master-attributes');
    const fields = [
      { name: 'kind', label: '種別', type: 'select' as const },
      { name: 'billingType', label: '請求区分', type: 'select' as const, showWhen: { field: 'kind', values: ['得意先'] } },
      { name: 'closingDay', label: '締日', type: 'number' as const, showWhen: { field: 'billingType', values: ['締'] } },
      { name: 'taxDisplay', label: '税表示', type: 'select' as const, showWhen: { field: 'kind', values: ['得意先'] } },
    ];
    expect(withHiddenEmptied({ kind: '倉庫', billingType: '締', closingDay: 31, taxDisplay: '税込' }, fields)).toEqual({
      kind: '倉庫',
      billingType: '',
      closingDay: '',
      taxDisplay: '',
    });
    expect(withHiddenEmptied({ kind: '得意先', billingType: '締', closingDay: 31, taxDisplay: '税込' }, fields)).toEqual({
      kind: '得意先',
      billingType: '締',
      closingDay: 31,
      taxDisplay: '税込',
    });
    expect(withHiddenEmptied({ kind: '得意先', billingType: '個別', closingDay: 20, taxDisplay: '税抜' }, fields).closingDay).toBe('');
  });
});
