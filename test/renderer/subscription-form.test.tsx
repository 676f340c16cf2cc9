/**
 * 定期申込 form: an 得意先コード that is no 得意先 in the 取引先 master is refused beside its field
 * (nothing sent), a known one saves; ¥0 prices are warned; 商品番号 fills 商品名 from the 商品 master;
 * 削除 asks first (nothing sent when declined) and is not offered for a new one or while 受付停止.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteQuestion, SubscriptionForm } from '../../src-renderer/features/subscriptions/SubscriptionForm';
import { NEW_APPLICATION, NEW_ITEM } from '../../src-renderer/features/subscriptions/subscription-form-values';
import { confirmLeave } from '../../src-renderer/stores/unsaved-changes';

afterEach(() => {
  cleanup();
  confirmLeave(() => true);
});

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

function setup() {
  const save = vi.fn((input: { application: { code: string } }) => ok({ ...input.application }));
  const listByKind = vi.fn((input: { query: string }) => ok({ rows: input.query === 'C001' ? [{ id: 1, code: 'C001', name: '山田商店' }] : [{ id: 2, code: 'C0011', name: '別' }], total: 1 }));
  const productsList = vi.fn(() => ok({ rows: [{ id: 9, code: 'P1', variationH: '', variationV: '', name: 'コーヒー豆 200g' }], total: 1 }));
  (window as unknown as { api: unknown }).api = { subscriptions: { save }, partners: { listByKind }, products: { list: productsList } };
  const initial = { ...NEW_APPLICATION, code: 'S1', items: [{ ...NEW_ITEM, productCode: '', name: '', firstPrice: 1000, regularPrice: 1000, lastPrice: 0, options: [] }] };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SubscriptionForm initial={initial} create readOnly={false} onSaved={() => undefined} />
    </QueryClientProvider>,
  );
  return { save, listByKind };
}

describe('SubscriptionForm', () => {
  it('refuses an 得意先コード the 取引先 master does not have, saves a known one', async () => {
    const { save } = setup();
    fireEvent.change(screen.getByLabelText('商品1の商品番号'), { target: { value: 'P1' } });
    fireEvent.change(screen.getByLabelText('商品1の商品名'), { target: { value: 'コーヒー豆 200g' } });
    fireEvent.change(screen.getByLabelText(/得意先コード/), { target: { value: 'C00' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByText(/得意先コード「C00」は取引先マスタの得意先にありません/)).toBeInTheDocument());
    expect(save).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/得意先コード/), { target: { value: 'C001' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
  });

  it('warns about ¥0 prices and fills 商品名 from the 商品 master', async () => {
    setup();
    expect(screen.getByText(/最終回価格が¥0です/)).toBeInTheDocument();
    const code = screen.getByLabelText('商品1の商品番号');
    fireEvent.change(code, { target: { value: 'P1' } });
    fireEvent.blur(code);
    await waitFor(() => expect((screen.getByLabelText('商品1の商品名') as HTMLInputElement).value).toBe('コーヒー豆 200g'));
    expect(screen.getByText('商品マスタから商品名「コーヒー豆 200g」を入れました。')).toBeInTheDocument();
  });

  it('削除 asks first, sends nothing when declined, and reports the deleted code', async () => {
    const del = vi.fn((input: { code: string }) => ok({ code: input.code }));
    (window as unknown as { api: unknown }).api = { subscriptions: { delete: del } };
    const onDeleted = vi.fn();
    const initial = { ...NEW_APPLICATION, code: 'S7', customerCode: 'C001', items: [{ ...NEW_ITEM, productCode: 'P1', name: '豆', options: [] }] };
    const ask = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SubscriptionForm initial={initial} create={false} readOnly={false} onSaved={() => undefined} onDeleted={onDeleted} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '削除' }));
    expect(ask).toHaveBeenLastCalledWith(deleteQuestion('S7'));
    expect(deleteQuestion('S7')).toContain('解約');
    expect(del).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '削除' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('S7'));
    expect(del).toHaveBeenCalledWith({ code: 'S7' });
    ask.mockRestore();
  });

  it('削除 is not offered for a new 申込 and is disabled while 受付停止', () => {
    setup();
    expect(screen.queryByRole('button', { name: '削除' })).toBeNull();
    cleanup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SubscriptionForm initial={{ ...NEW_APPLICATION, code: 'S8' }} create={false} readOnly onSaved={() => undefined} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('button', { name: '削除' })).toBeDisabled();
  });
});
