/**
 * Bounded CSV reading (core/csv/csv-read.ts, csv-records.ts): a file above the size limit is
 * refused before any byte is read, an over-long row and a row with too many columns stop reading
 * with a problem of that row (before the row can grow in memory), large files are read in pieces
 * that leave the event loop free, report progress and stop at 中止.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CSV_COLUMNS, MAX_CSV_FILE_BYTES, MAX_CSV_ROW_CHARS } from '../../../src-shared/csv/csv-limits';
import { AppError } from '../../../src-shared/errors';
import { readCsv, readCsvRows, type CsvLayout, type CsvReadProgress } from '../../../src-main/core/csv/csv-read';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const LAYOUT: CsvLayout = { label: '明細', columns: ['コード', '名前', '数量'], otherColumns: 'error', cellCount: 'at-most' };
const readRow = (r: { row: number; code: (c: string, req: boolean) => string }) => ({ row: r.row, code: r.code('コード', true) });

/** a valid file of n data rows, about 40 bytes each */
function bigFile(n: number): Uint8Array {
  const lines = ['コード,名前,数量'];
  for (let i = 0; i < n; i++) lines.push(`C${i},名前は少し長めにしておく${i},${i % 100}`);
  return utf8(`${lines.join('\r\n')}\r\n`);
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('CSV bounds', () => {
  it('a file above the limit is CSV_TOO_LARGE with its size in the message, and none of it is read', async () => {
    const size = MAX_CSV_FILE_BYTES + 5_500_000;
    const touched: PropertyKey[] = [];
    // anything but its length would be a read of the file
    const file = new Proxy(
      {},
      {
        get: (_, key) => {
          if (key === 'length') return size;
          touched.push(key);
          throw new Error(`read ${String(key)}`);
        },
      },
    ) as Uint8Array;
    const e = await failure(readCsv(file, LAYOUT, { row: () => undefined }));
    expect(e.code).toBe('CSV_TOO_LARGE');
    expect(e.message).toContain('80.5MB');
    expect(e.message).toContain('75.0MB');
    expect(touched).toEqual([]);
  });

  it(`a row longer than ${MAX_CSV_ROW_CHARS.toLocaleString('en-US')} characters stops reading with a problem of that row`, async () => {
    const seen: number[] = [];
    const text = `コード,名前,数量\r\nA,ok,1\r\nB,${'長'.repeat(MAX_CSV_ROW_CHARS + 1)},2\r\nC,never,3\r\n`;
    const r = await readCsvRows(utf8(text), LAYOUT, (row) => {
      seen.push(row.row);
      return readRow(row);
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 3 });
    expect(r.problems[0]!.message).toMatch(/^3行目: 1行が長すぎます\(100,000文字まで\)/);
    expect(seen).toEqual([2]);
  });

  it('a row of endless separators stops at the row length, while its cells are still being collected (not at the end as too many columns)', async () => {
    const text = `コード,名前,数量\r\nA,ok,1\r\n${','.repeat(MAX_CSV_ROW_CHARS * 5)}\r\n`;
    const r = await readCsv(utf8(text), LAYOUT, { row: () => undefined });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.row)).toEqual([3]);
    expect(r.problems[0]!.message).toContain('1行が長すぎます');
  });

  it(`${MAX_CSV_COLUMNS.toLocaleString('en-US')} columns are read; one more is a problem of that row`, async () => {
    const row = (n: number) => `A,x,1${','.repeat(n - 3)}`;
    const ok = await readCsvRows(utf8(`コード,名前,数量\n${row(MAX_CSV_COLUMNS)}\n`), LAYOUT, readRow);
    expect(ok).toEqual({ ok: true, encoding: 'utf-8', rows: [{ row: 2, code: 'A' }] });
    const wide = await readCsvRows(utf8(`コード,名前,数量\n${row(MAX_CSV_COLUMNS + 1)}\n`), LAYOUT, readRow);
    expect(wide.ok).toBe(false);
    if (wide.ok) return;
    expect(wide.problems).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('1,001列あります。1行に書ける列は1,000列まで') })]);
    // the header is bounded the same way
    const header = await readCsv(utf8(`${'h,'.repeat(MAX_CSV_COLUMNS)}h\n`), LAYOUT, { row: () => undefined });
    expect(!header.ok && header.problems.map((p) => p.row)).toEqual([1]);
  });

  it('a large file is read in pieces: the event loop turns meanwhile and progress rises to the whole file', async () => {
    const bytes = bigFile(60_000);
    expect(bytes.length).toBeGreaterThan(2_000_000);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const progress: CsvReadProgress[] = [];
    let rows = 0;
    const r = await readCsv(bytes, LAYOUT, { row: () => void rows++ }, { onProgress: (p) => progress.push(p) });
    clearInterval(ticker);
    expect(r).toEqual({ ok: true, encoding: 'utf-8' });
    expect(rows).toBe(60_000);
    // a 0 ms timer can only fire between pieces: the read never held the loop for the whole file
    expect(turns).toBeGreaterThan(5);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead);
      expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows);
    }
    expect(progress.at(-1)).toMatchObject({ bytesRead: bytes.length, bytesTotal: bytes.length });
  });

  it('中止 (the abort signal) stops reading at the next piece with CSV_CANCELLED', async () => {
    const bytes = bigFile(60_000);
    const controller = new AbortController();
    let rows = 0;
    const e = await failure(
      readCsv(bytes, LAYOUT, { row: () => void rows++ }, { signal: controller.signal, onProgress: () => controller.abort() }),
    );
    expect(e.code).toBe('CSV_CANCELLED');
    expect(e.message).toContain('何も取り込んでいません');
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(60_000);
  });

  it('a broken quote names the row it starts in, counting blank rows', async () => {
    const r = await readCsv(utf8('コード,名前,数量\r\n\r\nA,"ok\r\n\r\nstill",1\r\n\nB,"never closed,2\r\nC,x,3\r\n'), LAYOUT, { row: () => undefined });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([[5, '5行目: 「"」で始まる項目が閉じられていません。「"」の対応を確認してください。']]);
  });
});
