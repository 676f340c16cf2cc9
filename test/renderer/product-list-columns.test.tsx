/**
 * The 商品 list hides the columns every listed 商品 leaves empty (枝番, SKU, フリガナ) and shows them
 * again as soon as one 商品 has a value; the names get the width. Rendered in jsdom with the list
 * answered by a stub of the IPC api.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProductPage } from '../../src-renderer/features/masters/product-page';
import { useNavigation } from '../../src-renderer/stores/navigation';

afterEach(cleanup);

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const product = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  code: `P${id}`,
  variationH: '',
  variationV: '',
  skuCode: '',
  name: `商品${id}`,
  kana: '',
  unitQuantity: 1,
  inventoryTracked: true,
  taxClassId: null,
  unitPrice: 100,
  janCode: '',
  confirmed: true,
  createdAt: '2026-12-01T00:00:00+09:00',
  updatedAt: '2026-12-01T00:00:00+09:00',
  ...extra,
});

async function headersOf(rows: object[]): Promise<string[]> {
  (window as unknown as { api: unknown }).api = {
    products: { list: () => ok({ rows, total: rows.length }) },
    taxClasses: { list: () => ok({ rows: [], total: 0 }) },
  };
  useNavigation.setState({ page: 'products', param: null });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ProductPage />
    </QueryClientProvider>,
  );
  const table = screen.getByRole('table', { name: '商品一覧' });
  // the list's rows have arrived once the table counts them (jsdom gives the scroller no height to render rows in)
  if (rows.length > 0) await waitFor(() => expect(table.getAttribute('aria-rowcount')).toBe(String(rows.length + 1)));
  return within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent?.replace(/[▲▼]/g, '').trim() ?? '');
}

describe('商品 list columns', () => {
  it('leaves out 枝番, SKU and フリガナ while every 商品 lacks them', async () => {
    expect(await headersOf([product(1), product(2)])).toEqual(['商品コード', '商品名', '入数', '単価', '状態']);
  });

  it('shows a column again as soon as one 商品 has a value in it', async () => {
    expect(await headersOf([product(1), product(2, { variationV: 'L', kana: 'ショウヒン' })])).toEqual(['商品コード', '枝番', '商品名', 'フリガナ', '入数', '単価', '状態']);
    cleanup();
    expect(await headersOf([product(1, { skuCode: 'SKU-1' })])).toEqual(['商品コード', 'SKU', '商品名', '入数', '単価', '状態']);
  });

  it('an empty list keeps every column (the header does not jump while searching)', async () => {
    expect(await headersOf([])).toEqual(['商品コード', '枝番', 'SKU', '商品名', 'フリガナ', '入数', '単価', '状態']);
  });
});
