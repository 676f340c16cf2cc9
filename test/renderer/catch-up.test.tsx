/**
 * 「最新まで取込」 on screen (features/import/CatchUp.tsx): the result 「最新まで取込済み」 appears only
 * once the page's 出荷取込開始日 has been read again, so the two never contradict each other. Found
 * by the e2e soak: the notice said 最新まで取込済み while the toolbar still showed the old date and
 * 「未取込の期間があります」, because the page's query was refetched after the result was shown.
 * Main answers the re-read slowly here (150 ms) so the order is what is tested, not luck.
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatchUpButton } from '../../src-renderer/features/import/CatchUp';
import { importQueries } from '../../src-renderer/queries/import';

const OLD = '2026-12-03';
const NEW = '2026-12-05';
let cursor = OLD;

beforeEach(() => {
  cursor = OLD;
  (window as unknown as { api: unknown }).api = {
    import: {
      targets: async () => {
        const answer = cursor;
        await new Promise((r) => setTimeout(r, 150));
        return { ok: true, value: { rows: [{ id: 1, name: 'デモ', importStartDate: answer }] } };
      },
      catchUp: async () => {
        cursor = NEW;
        return {
          ok: true,
          value: { settingId: 1, windows: 2, runIds: [1, 2], stop: 'caught-up', cursor: NEW, caughtUp: true, shipments: 3, invoices: 3, message: '2期間を処理しました。' },
        };
      },
    },
    on: () => () => undefined,
  };
});
afterEach(cleanup);

/** the part of the 出荷取込処理 page that shows the 出荷取込開始日, beside the button */
function Page() {
  const targets = useQuery(importQueries.targets());
  const date = (targets.data as { rows: { importStartDate: string }[] } | undefined)?.rows[0]?.importStartDate ?? '';
  return (
    <>
      <p data-testid="start">{date}</p>
      <CatchUpButton settingId={1} disabled={false} onRunning={() => undefined} />
    </>
  );
}

describe('最新まで取込 result and the page', () => {
  it('shows 最新まで取込済み only after the 出荷取込開始日 on the page is the new one', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } })}>
        <Page />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('start').textContent).toBe(OLD));
    fireEvent.click(screen.getByRole('button', { name: '最新まで取込' }));
    const result = await screen.findByRole('status', { name: '最新まで取込の結果' }, { timeout: 3_000 });
    // at the moment the result is in the DOM, the page already shows the new date
    expect(screen.getByTestId('start').textContent).toBe(NEW);
    expect(result.textContent).toContain('最新まで取込済み');
  });
});
