/**
 * CSV import/export through dispatch on a real SQLite file: create + update by code, the
 * all-or-nothing rule, confirmed records, 受付停止 for 商品, and the new masters' channels.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../../src-shared/errors';
import { setStoreClosed } from '../../helpers/store-mode';
import { makeTestCore, type TestCore } from '../../helpers/core';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const PRODUCT_HEADER = '商品コード,枝番(横),枝番(縦),SKUコード,商品名,計上単位,棚卸対象,税区分コード,単価,JANコード\r\n';

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; fields?: FieldProblem[] }> {
  try {
    await p;
  } catch (e) {
    return (e as { data: { code: string; message: string; fields?: FieldProblem[] } }).data;
  }
  throw new Error('expected a failure');
}

describe('csv:import / csv:export through dispatch', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
  });
  afterEach(() => t.close());

  it('imports 商品 (UTF-8), then re-imports to update by code+枝番 and reports unchanged rows', async () => {
    const csv = `${PRODUCT_HEADER}P001,,,SKU-1,①コーヒー,12,対象,STD10,1200,4901234567894\r\nP001,RED,M,,㈱髙～Tシャツ,1,対象外,,0,\r\n`;
    const r = await t.call('csv:import', { master: 'products', fileName: 'a.csv', contentBase64: b64(csv) });
    expect(r).toEqual({ created: 2, updated: 0, unchanged: 0, encoding: 'utf-8' });
    const list = await t.call<{ rows: { code: string; variationH: string; taxClassId: number | null; inventoryTracked: boolean }[] }>('products:list', {});
    expect(list.rows.map((p) => [p.code, p.variationH, p.inventoryTracked])).toEqual([
      ['P001', '', true],
      ['P001', 'RED', false],
    ]);
    expect(list.rows[0]!.taxClassId).not.toBeNull();
    const again = csv.replace('1200', '1300');
    const r2 = await t.call('csv:import', { master: 'products', fileName: 'a.csv', contentBase64: b64(again) });
    expect(r2).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it('one bad row → CSV_INVALID with row/column problems and nothing written', async () => {
    const csv = `${PRODUCT_HEADER}P001,,,,良い商品,1,対象,,100,\r\nP002,,,,,0,たぶん,XX,-5,123\r\n`;
    const err = await failure(t.call('csv:import', { master: 'products', fileName: 'b.csv', contentBase64: b64(csv) }));
    expect(err.code).toBe('CSV_INVALID');
    const at = (column: string) => err.fields?.find((f) => f.row === 3 && f.column === column)?.message;
    expect(at('商品名')).toContain('商品名を入力してください');
    expect(at('計上単位')).toContain('1以上の整数');
    expect(at('棚卸対象')).toContain('「対象」か「対象外」');
    expect(at('税区分コード')).toContain('税区分マスタにありません');
    expect(at('単価')).toContain('0以上の整数');
    expect(at('JANコード')).toContain('8桁または13桁');
    expect(err.fields?.every((f) => f.row === 3)).toBe(true);
    expect((await t.call<{ total: number }>('products:list', {})).total).toBe(0);
  });

  it('a confirmed record changed by the file is an error of its row; unchanged confirmed rows pass', async () => {
    await t.call('csv:import', { master: 'departments', fileName: 'd.csv', contentBase64: b64('部門コード,部門名\r\nD1,営業部\r\nD2,総務部\r\n') });
    const d1 = (await t.call<{ rows: { id: number; code: string }[] }>('departments:list', {})).rows.find((d) => d.code === 'D1')!;
    await t.call('departments:confirm', { id: d1.id });
    const same = await t.call('csv:import', { master: 'departments', fileName: 'd.csv', contentBase64: b64('部門コード,部門名\r\nD1,営業部\r\nD2,総務二部\r\n') });
    expect(same).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const err = await failure(t.call('csv:import', { master: 'departments', fileName: 'd.csv', contentBase64: b64('部門コード,部門名\r\nD3,新部\r\nD1,営業一部\r\n') }));
    expect(err.code).toBe('CSV_INVALID');
    expect(err.fields).toEqual([expect.objectContaining({ row: 3, column: '部門コード', message: expect.stringContaining('確定済み') })]);
    // D3 of row 2 was rolled back with the rest of the file
    expect((await t.call<{ rows: { code: string }[] }>('departments:list', {})).rows.map((d) => d.code)).toEqual(['D1', 'D2']);
  });

  it('a SKU code taken by another product is a row error found while writing, and rolls back', async () => {
    await t.call('csv:import', { master: 'products', fileName: 'p.csv', contentBase64: b64(`${PRODUCT_HEADER}A1,,,SKU-A,A,1,対象,,0,\r\n`) });
    const err = await failure(
      t.call('csv:import', { master: 'products', fileName: 'p.csv', contentBase64: b64(`${PRODUCT_HEADER}B1,,,,B,1,対象,,0,\r\nC1,,,SKU-A,C,1,対象,,0,\r\n`) }),
    );
    expect(err.fields).toEqual([expect.objectContaining({ row: 3, column: 'SKUコード' })]);
    expect((await t.call<{ total: number }>('products:list', {})).total).toBe(1);
  });

  it('duplicate keys inside one file are reported on the later row', async () => {
    const err = await failure(t.call('csv:import', { master: 'partners', fileName: 'x.csv', contentBase64: b64('取引先コード,取引先名,取引先種別\r\nW1,倉庫A,倉庫\r\nW1,倉庫B,倉庫\r\n') }));
    expect(err.fields?.[0]).toMatchObject({ row: 3, column: '取引先コード' });
    expect(err.fields?.[0]?.message).toContain('2行目と同じコード');
  });

  it('商品 keys are code + 枝番: a row without 枝番 and rows with one are different products; the same three parts twice are refused', async () => {
    const rows = ['P1,,,,無地,1,対象,,0,', 'P1,RED,,,赤,1,対象,,0,', 'P1,,RED,,縦赤,1,対象,,0,', 'P1RED,,,,別商品,1,対象,,0,'];
    await t.call('csv:import', { master: 'products', fileName: 'p.csv', contentBase64: b64(`${PRODUCT_HEADER}${rows.join('\r\n')}\r\n`) });
    expect((await t.call<{ total: number }>('products:list', {})).total).toBe(4);
    for (const [again, earlier] of [['P1,,,,無地2,1,対象,,0,', 2], ['P1,RED,,,赤2,1,対象,,0,', 3], ['P1,,RED,,縦赤2,1,対象,,0,', 4]] as const) {
      const err = await failure(
        t.call('csv:import', { master: 'products', fileName: 'p.csv', contentBase64: b64(`${PRODUCT_HEADER}${[...rows, again].join('\r\n')}\r\n`) }),
      );
      expect(err.fields).toEqual([expect.objectContaining({ row: 6, column: '商品コード' })]);
      expect(err.fields?.[0]?.message).toContain(`${earlier}行目と同じコードと枝番`);
    }
  });

  it('unknown and missing columns are header (row 1) problems', async () => {
    const err = await failure(t.call('csv:import', { master: 'bankAccounts', fileName: 'x.csv', contentBase64: b64('口座コード,銀行名,備考\r\nB1,みずほ,x\r\n') }));
    expect(err.fields?.every((f) => f.row === 1)).toBe(true);
    expect(err.fields?.map((f) => f.column)).toEqual(expect.arrayContaining(['備考', '支店名', '口座番号']));
  });

  it('商品 import and edits are refused while 受付停止; other masters still import', async () => {
    setStoreClosed(t.core, true, '2026-01-01T00:00:00+09:00');
    const err = await failure(t.call('csv:import', { master: 'products', fileName: 'p.csv', contentBase64: b64(`${PRODUCT_HEADER}A1,,,,A,1,対象,,0,\r\n`) }));
    expect(err.code).toBe('STORE_CLOSED');
    const edit = await failure(t.call('products:create', { code: 'A1', name: 'A', unitQuantity: 1, inventoryTracked: true, unitPrice: 0 }));
    expect(edit.code).toBe('STORE_CLOSED');
    await expect(t.call('csv:import', { master: 'departments', fileName: 'd.csv', contentBase64: b64('部門コード,部門名\r\nD1,営業部\r\n') })).resolves.toMatchObject({ created: 1 });
  });

  it('exports with a BOM, CRLF, formula guard, filter, and CP932 errors naming row/column', async () => {
    await t.call('partners:create', { code: 'C1', name: '=HYPERLINK("x")', kind: '得意先', billingType: '締', closingDay: 31, taxDisplay: '税込' });
    await t.call('partners:create', { code: 'W1', name: '倉庫🍣', kind: '倉庫' });
    const out = await t.call<{ fileName: string; contentBase64: string; rows: number }>('csv:export', { master: 'partners', encoding: 'utf-8' });
    const bytes = Buffer.from(out.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(`取引先コード,取引先名,フリガナ,取引先種別,請求区分,締日,税表示,郵便番号,住所1,住所2,電話番号,担当者,登録番号,回収月,回収日,休日の場合,消費税計算単位,消費税端数処理,請求書発行,期首売掛金残高\r\nC1,"'=HYPERLINK(""x"")",,得意先,締,31,税込,,,,,,,1,31,前営業日,伝票単位,切り捨て,発行する,0\r\nW1,倉庫🍣,,倉庫${',,'.repeat(8)}\r\n`);
    expect(out.fileName).toMatch(/^取引先_\d{8}\.csv$/);
    const filtered = await t.call<{ rows: number }>('csv:export', { master: 'partners', encoding: 'utf-8', query: { query: 'W1' } });
    expect(filtered.rows).toBe(1);
    const err = await failure(t.call('csv:export', { master: 'partners', encoding: 'cp932' }));
    expect(err.code).toBe('CSV_UNENCODABLE');
    expect(err.fields).toEqual([expect.objectContaining({ row: 3, column: '取引先名', message: expect.stringContaining('🍣') })]);
  });

  it('取引先 export with 取引先種別 倉庫 holds only 倉庫 rows (search still applies); kind is refused for other masters', async () => {
    await t.call('partners:create', { code: 'C1', name: '得意先A', kind: '得意先', billingType: '個別', taxDisplay: '税込' });
    await t.call('partners:create', { code: 'S1', name: '仕入先A', kind: '仕入先' });
    await t.call('partners:create', { code: 'W1', name: '東倉庫', kind: '倉庫' });
    await t.call('partners:create', { code: 'W2', name: '西倉庫', kind: '倉庫' });
    const out = await t.call<{ contentBase64: string; rows: number }>('csv:export', { master: 'partners', encoding: 'utf-8', kind: '倉庫' });
    const text = Buffer.from(out.contentBase64, 'base64').subarray(3).toString('utf8');
    const empty = ','.repeat(16); // 請求区分 … 期首売掛金残高 stay empty for a 倉庫
    expect(text).toBe(`取引先コード,取引先名,フリガナ,取引先種別,請求区分,締日,税表示,郵便番号,住所1,住所2,電話番号,担当者,登録番号,回収月,回収日,休日の場合,消費税計算単位,消費税端数処理,請求書発行,期首売掛金残高\r\nW1,東倉庫,,倉庫${empty}\r\nW2,西倉庫,,倉庫${empty}\r\n`);
    expect(out.rows).toBe(2);
    const searched = await t.call<{ contentBase64: string; rows: number }>('csv:export', { master: 'partners', encoding: 'utf-8', kind: '倉庫', query: { query: '西' } });
    expect(searched.rows).toBe(1);
    expect(Buffer.from(searched.contentBase64, 'base64').toString('utf8')).toContain('W2,西倉庫,,倉庫');
    const all = await t.call<{ rows: number }>('csv:export', { master: 'partners', encoding: 'utf-8' });
    expect(all.rows).toBe(4);
    const err = await failure(t.call('csv:export', { master: 'products', encoding: 'utf-8', kind: '倉庫' }));
    expect(err.code).toBe('VALIDATION');
  });

  it('CP932 file is detected and read; partners:listByKind filters by kind', async () => {
    const csv = '取引先コード,取引先名,取引先種別,請求区分,締日,税表示\r\nC1,㈱髙島屋～本店,得意先,個別,,税抜\r\nW1,第①倉庫,倉庫,,,\r\n';
    const r = await t.call('csv:import', { master: 'partners', fileName: 's.csv', contentBase64: iconv.encode(csv, 'cp932').toString('base64') });
    expect(r).toMatchObject({ created: 2, encoding: 'cp932' });
    const wh = await t.call<{ rows: { code: string; name: string }[]; total: number }>('partners:listByKind', { kind: '倉庫' });
    expect(wh).toMatchObject({ total: 1, rows: [{ code: 'W1', name: '第①倉庫' }] });
    const all = await t.call<{ rows: { name: string }[] }>('partners:list', { query: '髙島屋' });
    expect(all.rows[0]?.name).toBe('㈱髙島屋～本店');
  });
});
