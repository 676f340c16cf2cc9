import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { productTaxLookupFrom } from '../../../src-shared/tax-update/product-lookup';
import { parseProductTaxCsv } from '../../../src-main/core/tax-update/product-tax-csv';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseProductTaxCsv', () => {
  it('reads the key and 税率区分, ignores extra columns, accepts 標準税率/軽減税率 spellings (CP932)', async () => {
    const text = '商品コード,商品名,枝番横,枝番縦,単価,税率区分\r\nP1,①コーヒー,A,1,1000,標準\r\nF1,㈱髙～パン,,,300,軽減税率\r\n';
    const r = await parseProductTaxCsv(new Uint8Array(iconv.encode(text, 'cp932')));
    expect(r.ok && r.encoding).toBe('cp932');
    expect(r.ok && r.products).toEqual([
      { productCode: 'P1', variationH: 'A', variationV: '1', name: '①コーヒー', taxRateType: '標準' },
      { productCode: 'F1', variationH: '', variationV: '', name: '㈱髙～パン', taxRateType: '軽減' },
    ]);
    if (!r.ok) return;
    const lookup = productTaxLookupFrom(r.products);
    expect(lookup('F1', '', '')).toBe('軽減');
    expect(lookup('P1', 'A', '1')).toBe('標準');
    expect(lookup('P1', 'A', '2')).toBeNull(); // not in the master = deleted
  });

  it('reports missing headers, bad 税率区分, empty code and duplicates by row and column', async () => {
    expect((await parseProductTaxCsv(utf8('商品コード,枝番横,商品名\n'))).ok).toBe(false);
    const r = await parseProductTaxCsv(utf8('商品コード,枝番横,枝番縦,商品名,税率区分\nP1,,,a,標準\nP1,,,b,軽減\n,,,c,標準\nP2,,,d,非課税\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((e) => `${e.row}:${e.column}`)).toEqual(['3:商品コード', '4:商品コード', '5:税率区分']);
    expect(r.problems[0]?.message).toContain('2行目と重複');
  });
});
