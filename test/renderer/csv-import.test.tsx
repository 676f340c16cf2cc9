/**
 * CSV取込 on screen (features/csv): a file above the limit is refused with its size before any of
 * it is read and nothing is sent to main; while main reads a file the screen shows that job's
 * progress and 中止 asks main to stop exactly that job.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CSV_FILE_BYTES } from '../../src-shared/csv/csv-limits';
import type { CsvProgress } from '../../src-shared/csv/csv-job';
import { ApiError } from '../../src-renderer/ipc/api';
import { CsvToolbar } from '../../src-renderer/features/csv/CsvToolbar';
import { readCsvFile } from '../../src-renderer/features/csv/csv-file';

/** a real file whose reported size is `size` (the browser knows a file's size without reading it) */
function fileOfSize(size: number, name = 'big.csv'): File {
  const file = new File(['部門コード,部門名\r\n'], name, { type: 'text/csv' });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

let listeners: ((payload: CsvProgress) => void)[];
let api: { csv: { import: ReturnType<typeof vi.fn>; cancel: ReturnType<typeof vi.fn>; export: ReturnType<typeof vi.fn> }; on: unknown };
let readAsDataURL: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  listeners = [];
  api = {
    csv: { import: vi.fn(), cancel: vi.fn(async () => ({ ok: true, value: { cancelled: true } })), export: vi.fn() },
    on: (event: string, listener: (payload: CsvProgress) => void) => {
      if (event === 'csv:progressed') listeners.push(listener);
      return () => undefined;
    },
  };
  (window as unknown as { api: unknown }).api = api;
  readAsDataURL = vi.spyOn(FileReader.prototype, 'readAsDataURL');
});
afterEach(() => {
  cleanup();
  readAsDataURL.mockRestore();
});

function renderToolbar() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <CsvToolbar master="departments" title="部門" query={{}} />
    </QueryClientProvider>,
  );
}

const choose = (file: File) => fireEvent.change(screen.getByLabelText('部門のCSVファイルを選ぶ'), { target: { files: [file] } });

describe('CSV file size limit in the renderer', () => {
  it('readCsvFile refuses a file above the limit with its size, without reading it', async () => {
    const e = await readCsvFile(fileOfSize(MAX_CSV_FILE_BYTES + 5_500_000)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).data).toMatchObject({ code: 'CSV_TOO_LARGE' });
    expect((e as ApiError).data.message).toContain('ファイル「big.csv」は80.5MBあり');
    expect((e as ApiError).data.message).toContain('75.0MBまで');
    expect(readAsDataURL).not.toHaveBeenCalled();
    // a file at the limit is read
    const ok = await readCsvFile(fileOfSize(MAX_CSV_FILE_BYTES, 'ok.csv'));
    expect(ok.fileName).toBe('ok.csv');
    expect(atob(ok.contentBase64)).toBe(String.fromCharCode(...new TextEncoder().encode('部門コード,部門名\r\n')));
    expect(readAsDataURL).toHaveBeenCalledTimes(1);
  });

  it('choosing a file above the limit shows the Japanese message with its size and sends nothing to main', async () => {
    renderToolbar();
    choose(fileOfSize(80_512_345));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('CSVファイルが大きすぎます');
    expect(alert.textContent).toContain('80.5MB');
    expect(readAsDataURL).not.toHaveBeenCalled();
    expect(api.csv.import).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'CSV取込' })).toBeEnabled();
  });
});

describe('progress and 中止 of a CSV取込', () => {
  it('shows the progress of its own job and 中止 cancels that job', async () => {
    let answer: (r: unknown) => void = () => undefined;
    api.csv.import.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    renderToolbar();
    choose(new File(['部門コード,部門名\r\nD1,営業部\r\n'], 'd.csv', { type: 'text/csv' }));
    await waitFor(() => expect(api.csv.import).toHaveBeenCalledTimes(1));
    const sent = api.csv.import.mock.calls[0]![0] as { master: string; fileName: string; contentBase64: string; jobId: string };
    expect(sent).toMatchObject({ master: 'departments', fileName: 'd.csv', encoding: 'auto' });
    expect(sent.jobId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(screen.getByRole('button', { name: '取込中…' })).toBeDisabled();

    // another job's progress is not this one's
    act(() => listeners.forEach((l) => l({ jobId: 'someone-else', phase: 'reading', rows: 9, bytesRead: 9, bytesTotal: 10 })));
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => listeners.forEach((l) => l({ jobId: sent.jobId, phase: 'reading', rows: 12_345, bytesRead: 400, bytesTotal: 1000 })));
    const bar = screen.getByRole('progressbar', { name: 'CSV取込の進み具合' });
    expect(bar.getAttribute('value')).toBe('400');
    expect(bar.getAttribute('max')).toBe('1000');
    expect(document.querySelector('.csv-progress')?.textContent).toContain('12,345行');

    fireEvent.click(screen.getByRole('button', { name: '中止' }));
    expect(api.csv.cancel).toHaveBeenCalledWith({ jobId: sent.jobId });
    await act(async () => answer({ ok: false, error: { code: 'CSV_CANCELLED', message: 'CSV取込を中止しました。ファイルの内容は何も取り込んでいません。', retryable: false } }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('CSV取込を中止しました');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'CSV取込' })).toBeEnabled();
  });

  it('once main writes, the line says so and 中止 is gone', async () => {
    let answer: (r: unknown) => void = () => undefined;
    api.csv.import.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    renderToolbar();
    choose(new File(['部門コード,部門名\r\nD1,営業部\r\n'], 'd.csv'));
    await waitFor(() => expect(api.csv.import).toHaveBeenCalledTimes(1));
    const { jobId } = api.csv.import.mock.calls[0]![0] as { jobId: string };
    act(() => listeners.forEach((l) => l({ jobId, phase: 'writing', rows: 1, bytesRead: 30, bytesTotal: 30 })));
    expect(document.querySelector('.csv-progress')?.textContent).toContain('登録しています');
    expect(screen.queryByRole('button', { name: '中止' })).toBeNull();
    await act(async () => answer({ ok: true, value: { created: 1, updated: 0, unchanged: 0, encoding: 'cp932' } }));
    expect((await screen.findByRole('status')).textContent).toContain('CSVを取り込みました(Shift_JIS): 新規 1件');
  });
});
