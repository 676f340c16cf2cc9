/**
 * The editors of the screens that came after the form rules (入荷・在庫移動, 売上伝票, 入金処理) follow
 * them: typed edits make leaving ask (a declined キャンセル keeps the editor), main's problems show
 * beside the button that was pressed, each linked to its field, and focus moves to the first field
 * in error. In jsdom with the IPC api answered by stubs.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaymentForm } from '../../src-renderer/features/receivables/PaymentForm';
import { SalesEditor } from '../../src-renderer/features/sales/SalesEditor';
import { StockSlipEditor } from '../../src-renderer/features/stock/StockSlipEditor';
import { confirmLeave, hasUnsavedChanges } from '../../src-renderer/stores/unsaved-changes';

afterEach(() => {
  cleanup();
  confirmLeave(() => true);
  vi.restoreAllMocks();
});

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const refused = (fields: { path: string; message: string }[]) =>
  Promise.resolve({ ok: false as const, error: { code: 'VALIDATION', message: '入力内容に誤りがあります。各項目のメッセージを確認してください。', fields } });
const list = <T,>(rows: T[]) => ok({ rows, total: rows.length });
const wrap = (ui: ReactNode) => render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{ui}</QueryClientProvider>);

/** The summary beside the buttons: its links name the fields to fix. */
function summaryLinks(form: HTMLElement): string[] {
  const summary = within(form.querySelector('.form-actions, .toolbar:last-of-type') as HTMLElement).getByRole('alert', { name: '保存できませんでした' });
  return within(summary)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('入荷伝票 editor', () => {
  const partners = { listByKind: () => list([{ id: 4, code: 'W1', name: '本社倉庫', kind: '倉庫', confirmed: true }]) };

  it('asks before キャンセル drops typed edits; a no keeps the editor', () => {
    (window as unknown as { api: unknown }).api = { partners, products: { list: () => list([]) } };
    const onCancel = vi.fn();
    wrap(<StockSlipEditor kind="receipt" slip={null} today="2026-12-04" onSaved={() => undefined} onCancel={onCancel} />);
    expect(hasUnsavedChanges()).toBe(false);
    fireEvent.change(screen.getByLabelText('備考'), { target: { value: '初回入荷' } });
    expect(hasUnsavedChanges()).toBe(true);
    const ask = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(ask.mock.calls[0]![0]).toContain('入荷伝票の新規作成');
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("shows main's problems beside 保存 and focuses the first field in error", async () => {
    const create = vi.fn(() => refused([
      { path: 'warehouseId', message: '入荷先倉庫を選んでください。' },
      { path: 'lines.0.quantity', message: '数量は1以上で入力してください。' },
    ]));
    (window as unknown as { api: unknown }).api = { partners, products: { list: () => list([]) }, stockSlips: { create } };
    wrap(<StockSlipEditor kind="receipt" slip={null} today="2026-12-04" onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('ss-wh'));
    const editor = screen.getByRole('region', { name: '入荷伝票の新規作成' });
    expect(summaryLinks(editor)).toEqual(['入荷先倉庫', '1行目の数量']);
    expect(screen.getByLabelText('1行目の数量').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('売上伝票 editor', () => {
  const masters = {
    partners: { listByKind: () => list([]) },
    departments: { list: () => list([]) },
    products: { list: () => list([{ id: 9, code: 'P1', name: '豆', unitPrice: 1500 }]) },
    taxClasses: { list: () => list([]) },
  };

  it("a new slip: typing makes it dirty; main's problems sit beside the buttons, focus on the first", async () => {
    const save = vi.fn(() => refused([{ path: 'customerId', message: '得意先を選んでください。' }, { path: 'lines.0.quantity', message: '数量は0以外で入力してください (返品はマイナス)。' }]));
    (window as unknown as { api: unknown }).api = { ...masters, sales: { save } };
    wrap(<SalesEditor id={null} onDone={() => undefined} onCancel={() => undefined} />);
    expect(hasUnsavedChanges()).toBe(false);
    fireEvent.change(screen.getByLabelText('1行目の数量'), { target: { value: '0' } });
    expect(hasUnsavedChanges()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('se-customer'));
    expect(summaryLinks(screen.getByRole('form', { name: '売上伝票の入力' }))).toEqual(['得意先', '1行目の数量']);
  });

  it('an opened slip is no edit until something changes, and says which slip it edits', async () => {
    const detail = { id: 5, slipNo: 'EC-000005', customerId: 1, warehouseId: 2, departmentId: 3, date: '2026-12-01', memo: '', lines: [{ productId: 9, quantity: 2, unitPrice: 1500, taxClassId: 1 }] };
    (window as unknown as { api: unknown }).api = { ...masters, sales: { get: () => ok(detail), customerPrices: () => list([]) } };
    wrap(<SalesEditor id={5} onDone={() => undefined} onCancel={() => undefined} />);
    await screen.findByRole('heading', { name: '売上伝票 EC-000005 の編集' });
    await waitFor(() => expect((screen.getByLabelText('1行目の数量') as HTMLInputElement).value).toBe('2'));
    expect(hasUnsavedChanges()).toBe(false);
    fireEvent.change(screen.getByLabelText('1行目の数量'), { target: { value: '3' } });
    expect(hasUnsavedChanges()).toBe(true);
  });
});

describe('入金伝票 form', () => {
  it("typed amounts make leaving ask; main's problems sit beside 入金を登録 with focus on the first", async () => {
    const record = vi.fn(() => refused([{ path: 'lines.0.amount', message: '金額は1円以上で入力してください。' }]));
    (window as unknown as { api: unknown }).api = {
      partners: { listByKind: () => list([{ id: 1, code: 'C001', name: 'さくら商店' }]) },
      receivables: { openItems: () => ok({ items: [], unallocated: 0 }) },
      payments: { record },
    };
    wrap(<PaymentForm customerId={1} onCustomer={() => undefined} />);
    expect(hasUnsavedChanges()).toBe(false);
    fireEvent.change(screen.getByLabelText('1行目の金額'), { target: { value: '12' } });
    expect(hasUnsavedChanges()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '入金を登録' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('payment-line-0-amount'));
    expect(summaryLinks(screen.getByRole('form', { name: '入金伝票の登録' }))).toEqual(['1行目の金額']);
  });
});
