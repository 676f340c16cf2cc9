/**
 * Master CSV without a database: export → parse round trips for every master in UTF-8 (BOM) and
 * CP932 (①㈱髙～ and the wave dash 〜), the formula guard, and unencodable characters as errors.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CSV_MASTERS, type CsvMaster } from '../../../src-shared/csv/master-csv';
import { AppError } from '../../../src-shared/errors';
import { toCp932Variants } from '../../../src-main/core/csv/cp932-variants';
import { masterCsvDef } from '../../../src-main/core/csv/master-csv-columns';
import { exportMasterCsv } from '../../../src-main/core/csv/master-csv-export';
import { parseMasterCsv } from '../../../src-main/core/csv/master-csv-import';
import { SAMPLES, TAX_CODES, TAX_IDS, WAREHOUSE_BILLING } from './master-samples';

async function roundTrip(master: CsvMaster, rows: Record<string, unknown>[], encoding: 'utf-8' | 'cp932') {
  const def = masterCsvDef(master);
  const bytes = exportMasterCsv(def, rows, encoding, TAX_CODES);
  const parsed = await parseMasterCsv(def, bytes, 'auto', TAX_IDS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { bytes, parsed };
}

describe('master CSV round trips', () => {
  for (const master of CSV_MASTERS) {
    for (const encoding of ['utf-8', 'cp932'] as const) {
      it(`${master} in ${encoding}: export → import gives back the same values`, async () => {
        const { parsed } = await roundTrip(master, SAMPLES[master], encoding);
        expect(parsed.encoding).toBe(encoding === 'cp932' ? 'cp932' : 'utf-8');
        expect(parsed.rows.map((r) => r.values)).toEqual(SAMPLES[master]);
        expect(parsed.rows.map((r) => r.row)).toEqual(SAMPLES[master].map((_, i) => i + 2));
      });
    }
  }

  it('UTF-8 output has a BOM, CRLF line ends and the Japanese header', () => {
    const bytes = exportMasterCsv(masterCsvDef('workflows'), SAMPLES.workflows, 'utf-8', TAX_CODES);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes.subarray(3)).toString('utf8')).toBe('ワークフローコード,ワークフロー名,種別\r\nSHIP,出荷管理,出荷\r\n');
  });

  it('CP932 bytes of ①㈱髙～ are the Microsoft code points', () => {
    const bytes = Buffer.from(exportMasterCsv(masterCsvDef('departments'), [{ code: 'D', name: '①㈱髙～' }], 'cp932', TAX_CODES));
    // ① 0x8740, ㈱ 0x878A, 髙 0xFBFC (IBM extension), ～ 0x8160
    expect(bytes.includes(Buffer.from([0x87, 0x40, 0x87, 0x8a, 0xfb, 0xfc, 0x81, 0x60]))).toBe(true);
  });

  it('wave dash 〜 (U+301C): UTF-8 keeps it; CP932 writes 0x8160 and reads back ～ (U+FF5E), never "?"', async () => {
    const rows = [{ code: 'D', name: '5〜10個' }];
    expect((await roundTrip('departments', rows, 'utf-8')).parsed.rows[0]!.values.name).toBe('5〜10個');
    const { bytes, parsed } = await roundTrip('departments', rows, 'cp932');
    expect(Buffer.from(bytes).includes(Buffer.from([0x81, 0x60]))).toBe(true);
    expect(Buffer.from(bytes).includes(0x3f)).toBe(false);
    expect(parsed.rows[0]!.values.name).toBe('5～10個');
    // iconv-lite alone would have written '?': the reason for cp932-variants.ts
    expect(iconv.encode('〜', 'cp932')).toEqual(Buffer.from('?'));
    expect(toCp932Variants('〜‖−¢£¬')).toBe('～∥－￠￡￢');
  });
});

describe('formula guard', () => {
  it("text cells starting with = + - @ get a leading '; numbers in numeric columns do not", async () => {
    const def = masterCsvDef('departments');
    const rows = ['=1+1', '+81-3', '-x', '@SUM(A1)', "'=already", 'ok=1'].map((name, i) => ({ code: `D${i}`, name }));
    const text = Buffer.from(exportMasterCsv(def, rows, 'utf-8', TAX_CODES).subarray(3)).toString('utf8');
    expect(text.split('\r\n').slice(1, 7).map((l) => l.slice(l.indexOf(',') + 1))).toEqual(["'=1+1", "'+81-3", "'-x", "'@SUM(A1)", "''=already", 'ok=1']);
    const back = await parseMasterCsv(def, exportMasterCsv(def, rows, 'utf-8', TAX_CODES), 'auto', TAX_IDS);
    expect(back.ok && back.rows.map((r) => r.values.name)).toEqual(rows.map((r) => r.name));
  });

  it('a negative number in a numeric column stays a number', () => {
    const def = masterCsvDef('taxClasses');
    const text = Buffer.from(exportMasterCsv(def, [{ code: 'X', name: 'x', rate: -5, kind: '標準' }], 'utf-8', TAX_CODES).subarray(3)).toString('utf8');
    expect(text).toContain('X,x,-5,標準\r\n');
  });

  it("an imported number cell written as '100 by another tool is read as 100", async () => {
    const csv = "税区分コード,税区分名,税率,区分\r\nT,t,'10,標準\r\n";
    const r = await parseMasterCsv(masterCsvDef('taxClasses'), Buffer.from(csv), 'auto', TAX_IDS);
    expect(r.ok && r.rows[0]!.values.rate).toBe(10);
  });
});

describe('unencodable characters in CP932', () => {
  it.each(['🍣', '𠮷', '¥'])('%s → CSV_UNENCODABLE naming row and column, never "?"', (ch) => {
    const rows = [
      { code: 'D1', name: 'ok' },
      { code: 'D2', name: `寿司${ch}` },
    ];
    let error: unknown;
    try {
      exportMasterCsv(masterCsvDef('departments'), rows, 'cp932', TAX_CODES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('CSV_UNENCODABLE');
    expect(e.fields).toEqual([expect.objectContaining({ row: 3, column: '部門名' })]);
    expect(e.fields?.[0]?.message).toContain(ch);
    expect(e.message).toContain('UTF-8で出力する');
  });

  it('the same rows export fine in UTF-8', () => {
    const bytes = exportMasterCsv(masterCsvDef('departments'), [{ code: 'D', name: '🍣𠮷' }], 'utf-8', TAX_CODES);
    expect(Buffer.from(bytes).toString('utf8')).toContain('🍣𠮷');
  });
});

describe('import encodings', () => {
  const csv = '部門コード,部門名\r\nD1,髙橋商店\r\n';
  it('auto: BOM → UTF-8, valid UTF-8 → UTF-8, otherwise CP932', async () => {
    const def = masterCsvDef('departments');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]);
    for (const [bytes, enc] of [
      [withBom, 'utf-8'],
      [Buffer.from(csv), 'utf-8'],
      [iconv.encode(csv, 'cp932'), 'cp932'],
    ] as const) {
      const r = await parseMasterCsv(def, bytes, 'auto', TAX_IDS);
      expect(r.ok && [r.encoding, r.rows[0]!.values.name]).toEqual([enc, '髙橋商店']);
    }
  });

  it('explicit utf-8 on a CP932 file names the unreadable cell', async () => {
    const r = await parseMasterCsv(masterCsvDef('departments'), iconv.encode(csv, 'cp932'), 'utf-8', TAX_IDS);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    // the header's own kanji are unreadable too, so the data cell is named by position
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, '1列目'],
      [1, '2列目'],
      [2, '2列目'],
    ]);
    expect(problems[2]?.message).toContain('文字コード(UTF-8)として読めない文字');
  });

  it('LF line ends and a missing optional column are accepted', async () => {
    const r = await parseMasterCsv(masterCsvDef('partners'), Buffer.from('取引先コード,取引先名,取引先種別\nW1,倉庫,倉庫\n'), 'auto', TAX_IDS);
    expect(r.ok && r.rows[0]!.values).toEqual({ code: 'W1', name: '倉庫', kind: '倉庫', billingType: null, closingDay: null, taxDisplay: null, ...WAREHOUSE_BILLING });
  });
});
