/**
 * The quick reader for plain CSV (core/csv/csv-plain-records.ts) with csv-parse behind it for the
 * rest of a file (scanCsvText) must read every text exactly as csv-parse alone does: the same
 * records on the same spreadsheet rows, and the same stop at the same row for a broken quote.
 * The oracle is csv-parse/sync on the whole text with the options the app uses. Texts are random
 * (heavy in '"', ',', CR and LF, so unusual cases and errors come up often) and cut into random
 * pieces, so records, quotes and CRLFs are split between pieces.
 */
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN_MAX_RECORD_CHARS, PlainCsvRecords } from '../../../src-main/core/csv/csv-plain-records';
import { scanCsvText } from '../../../src-main/core/csv/csv-records';

const OPTIONS = { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true };

interface Read {
  records: { row: number; cells: string[] }[];
  problem: { row: number; kind: string } | null;
}

/** what a message says, in the words the app uses for each csv-parse error */
function kindOf(message: string): string {
  if (message.includes('閉じられていません')) return 'CSV_QUOTE_NOT_CLOSED';
  if (message.includes('余分な文字')) return 'CSV_INVALID_CLOSING_QUOTE';
  return 'other';
}

const KIND: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'CSV_QUOTE_NOT_CLOSED',
  CSV_INVALID_CLOSING_QUOTE: 'CSV_INVALID_CLOSING_QUOTE',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'CSV_INVALID_CLOSING_QUOTE',
};

const nonBlank = (records: string[][]): Read['records'] =>
  records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));

/** csv-parse alone: the records before a broken one (`to`), and the broken one's row */
function oracle(text: string): Read {
  try {
    return { records: nonBlank(parse(text, OPTIONS) as string[][]), problem: null };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const before = (e as CsvError & { records: number }).records;
    const records = before === 0 ? [] : (parse(text, { ...OPTIONS, to: before }) as string[][]);
    return { records: nonBlank(records), problem: { row: before + 1, kind: KIND[e.code] ?? 'other' } };
  }
}

async function scanned(pieces: string[]): Promise<Read> {
  const records: Read['records'] = [];
  const problem = await scanCsvText(pieces, (record) => {
    records.push({ row: record.row, cells: record.cells });
    return undefined;
  });
  return { records, problem: problem === null ? null : { row: problem.row!, kind: kindOf(problem.message) } };
}

/** the text cut at the given offsets */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** characters that matter to CSV, and a few that do not */
const anyText = fc.string({ unit: fc.constantFrom('a', 'b', 'あ', ' ', ',', '"', '\r', '\n'), maxLength: 80 });

/** a plain cell: unquoted (a '"' only after its first character), or quoted with any content */
const plainCell = fc.oneof(
  fc.tuple(fc.constantFrom('', 'x', 'い', ' '), fc.string({ unit: fc.constantFrom('x', 'い', ' ', '-', '"'), maxLength: 6 })).map(([head, rest]) => (head === '' ? rest.replaceAll('"', '') : head + rest)),
  fc.string({ unit: fc.constantFrom('y', '"', ',', '\r', '\n', 'う'), maxLength: 8 }).map((s) => `"${s.replaceAll('"', '""')}"`),
);
const lineEnd = fc.constantFrom('\r\n', '\n', '\r');
/** CSV as files are written: rows of plain cells, mixed line ends, with or without a last one */
const plainText = fc
  .tuple(fc.array(fc.tuple(fc.array(plainCell, { minLength: 1, maxLength: 5 }), lineEnd), { maxLength: 8 }), fc.boolean())
  .map(([rows, endLast]) => rows.map(([cells, end], i) => cells.join(',') + (i < rows.length - 1 || endLast ? end : '')).join(''));

const offsets = fc.array(fc.nat({ max: 200 }), { maxLength: 6 });

describe('plain CSV reader, with csv-parse for the rest', () => {
  it('reads random text as csv-parse does, however it is cut into pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, plainText), offsets, async (text, at) => {
        expect(await scanned(cut(text, at))).toEqual(oracle(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads plain text by itself, without handing any of it to csv-parse', () => {
    fc.assert(
      fc.property(plainText, offsets, (text, at) => {
        const reader = new PlainCsvRecords();
        const records: string[][] = [];
        const pieces = cut(text, at);
        pieces.forEach((piece, i) => {
          const read = reader.feed(piece, i === pieces.length - 1, (cells) => {
            records.push(cells);
            return true;
          });
          expect(read.unsure).toBe(false);
        });
        expect(records).toEqual(parse(text, OPTIONS));
      }),
      { numRuns: 1000 },
    );
  });

  it('hands a record longer than its limit to csv-parse, from that record on', () => {
    const long = `a,"${'長'.repeat(PLAIN_MAX_RECORD_CHARS)}"\r\n`;
    const reader = new PlainCsvRecords();
    const records: string[][] = [];
    const read = reader.feed(`x,y\r\n${long}z\r\n`, true, (cells) => {
      records.push(cells);
      return true;
    });
    expect(records).toEqual([['x', 'y']]);
    expect(read).toEqual({ unsure: true, rest: `${long}z\r\n` });
  });

  it('stops when told to, and reads nothing after', () => {
    const reader = new PlainCsvRecords();
    const records: string[][] = [];
    const read = reader.feed('a\nb\nc\n', true, (cells) => {
      records.push(cells);
      return records.length < 2;
    });
    expect(read.unsure).toBe(false);
    expect(records).toEqual([['a'], ['b']]);
  });
});
