/**
 * UTF-8 files are decoded in pieces of a fixed byte count (decodeCsvInPieces) and read in smaller
 * pieces of text, so characters of 2, 3 and 4 bytes (and quoted cells with line ends) are cut
 * between two pieces. The records must be exactly those of the whole text parsed in one go
 * (csv-parse/sync on the string: the oracle), for every offset of the cut.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeCsvInPieces } from '../../../src-main/core/csv/csv-encoding';
import { readCsvRows } from '../../../src-main/core/csv/csv-read';
import { scanCsvText } from '../../../src-main/core/csv/csv-records';

const ROWS = 40_000;

/** rows of 2-, 3- and 4-byte characters, quotes and line ends inside quotes, about 1.3 MB */
function text(shift: number): string {
  const lines = ['名前,メモ,値'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`${'x'.repeat(shift)}é${i},"あ""い, う${i % 7 === 0 ? '\r\n改行' : ''}🍣",${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function recordsOf(bytes: Uint8Array): Promise<string[][]> {
  const decoded = await decodeCsvInPieces(bytes, 'auto');
  expect(decoded).toMatchObject({ encoding: 'utf-8', invalid: false });
  const out: string[][] = [];
  const stop = await scanCsvText(decoded.pieces, (record) => {
    out.push(record.cells);
    return undefined;
  });
  expect(stop).toBeNull();
  return out;
}

describe('UTF-8 read in pieces', () => {
  it('gives the records of the whole text, wherever a piece boundary cuts a character', async () => {
    for (let shift = 0; shift < 4; shift++) {
      const t = text(shift);
      const oracle = parse(t, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true }) as string[][];
      const bytes = Buffer.from(t, 'utf8');
      // more than one decoder piece (1 MB), and many pieces of text
      expect(bytes.length).toBeGreaterThan(1 << 20);
      expect(await recordsOf(bytes)).toEqual(oracle);
    }
  });

  it('a BOM is left out and only a valid UTF-8 file is read as UTF-8', async () => {
    const body = Buffer.from('a,b\r\n1,é\r\n', 'utf8');
    const text = async (bytes: Uint8Array, encoding: 'auto' | 'utf-8' | 'cp932') => {
      const d = await decodeCsvInPieces(bytes, encoding);
      return { text: d.pieces.join(''), encoding: d.encoding };
    };
    expect(await text(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]), 'auto')).toEqual({ text: 'a,b\r\n1,é\r\n', encoding: 'utf-8' });
    expect(await text(body, 'utf-8')).toEqual({ text: 'a,b\r\n1,é\r\n', encoding: 'utf-8' });
    expect(await text(Buffer.from([0x61, 0x2c, 0x82, 0xa0]), 'auto')).toEqual({ text: 'a,あ', encoding: 'cp932' }); // CP932 あ
    expect((await text(body, 'cp932')).encoding).toBe('cp932');
  });

  it('readCsvRows reads the same rows from the bytes and from CP932 of the same text', async () => {
    const t = text(1).replace(/é|🍣/gu, '');
    const layout = { label: 'テスト', columns: ['名前', 'メモ', '値'], otherColumns: 'error' as const, cellCount: 'exact' as const };
    const read = (bytes: Uint8Array) => readCsvRows(bytes, layout, (r) => [r.cell('名前'), r.cell('メモ'), r.cell('値')]);
    const utf8 = await read(Buffer.from(t, 'utf8'));
    const { default: iconv } = await import('iconv-lite');
    const cp932 = await read(iconv.encode(t, 'cp932'));
    expect(utf8.ok && utf8.rows.length).toBe(ROWS);
    expect(cp932.ok && cp932.encoding).toBe('cp932');
    expect(utf8.ok && cp932.ok && utf8.rows).toEqual(cp932.ok && cp932.rows);
  });
});
