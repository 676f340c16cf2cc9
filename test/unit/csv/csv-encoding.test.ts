/**
 * The app's one CSV encoding layer, used by every CSV (masters, 定期申込, the tax-update CSV):
 * detection (BOM / valid UTF-8 / CP932), round trips with ①㈱髙～, the JIS-variant rule
 * (〜 → ～ on CP932, never '?') and what stays unencodable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLabel, decodeCsv, encodeCsv, firstUnencodableCp932 } from '../../../src-main/core/csv/csv-encoding';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('csv-encoding', () => {
  it('round trips ①㈱髙～ in UTF-8 with BOM, UTF-8 without, and CP932, detecting each', () => {
    const text = '名前\r\n①㈱髙～,x\r\n';
    expect(hex(encodeCsv(text, 'utf-8')).startsWith('efbbbf')).toBe(true);
    expect(decodeCsv(encodeCsv(text, 'utf-8'), 'auto')).toEqual({ text, encoding: 'utf-8', invalid: false });
    expect(decodeCsv(encodeCsv(text, 'utf-8', { bom: false }), 'auto')).toEqual({ text, encoding: 'utf-8', invalid: false });
    const cp = encodeCsv(text, 'cp932');
    expect(hex(cp)).toContain('8740878afbfc8160');
    expect(decodeCsv(cp, 'auto')).toEqual({ text, encoding: 'cp932', invalid: false });
    // detection is the default
    expect(decodeCsv(cp)).toEqual({ text, encoding: 'cp932', invalid: false });
    expect(decodeCsv(encodeCsv(text, 'utf-8'))).toEqual({ text, encoding: 'utf-8', invalid: false });
    expect(hex(encodeCsv(text, 'utf-8', { bom: false }))).toBe(hex(new TextEncoder().encode(text)));
  });

  it('JIS variants are encodable and written as their CP932 twins, never "?"', () => {
    expect(firstUnencodableCp932('5〜10‖−¢£¬')).toBeNull();
    const bytes = encodeCsv('5〜10', 'cp932');
    expect(hex(bytes)).toBe('3581603130');
    expect(decodeCsv(bytes, 'cp932').text).toBe('5～10');
  });

  it('names the first character CP932 cannot hold', () => {
    expect(firstUnencodableCp932('abc')).toBeNull();
    expect(firstUnencodableCp932('寿司🍣𠮷')).toBe('🍣');
    expect(firstUnencodableCp932('𠮷')).toBe('𠮷');
    expect(firstUnencodableCp932('¥100')).toBe('¥');
    expect(codePointLabel('🍣')).toBe('U+1F363');
    expect(codePointLabel('〜')).toBe('U+301C');
  });

  it('invalid bytes are flagged, never thrown (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('auto' as const, 'utf-8' as const, 'cp932' as const), (bytes, enc) => {
        const d = decodeCsv(bytes, enc);
        // a flagged decode always shows where (U+FFFD); CP932 flags exactly when it had to
        if (d.invalid) expect(d.text).toContain('\uFFFD');
        if (d.encoding === 'cp932') expect(d.invalid).toBe(d.text.includes('\uFFFD'));
        if (enc !== 'auto') expect(d.encoding).toBe(enc);
      }),
      { numRuns: 300 },
    );
  });

  it('text CP932 accepts round trips through encode/decode (property)', () => {
    const piece = fc.constantFrom('a', ',', '"', '\r\n', 'ｱ', '商', '①', '㈱', '髙', '～', '〜', '−', '🍣', '¥');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (text) => {
        const bad = firstUnencodableCp932(text);
        if (bad !== null) return;
        const back = decodeCsv(encodeCsv(text, 'cp932'), 'cp932');
        expect(back.invalid).toBe(false);
        expect(back.text).toBe(text.replace(/〜/g, '～').replace(/−/g, '－'));
      }),
      { numRuns: 300 },
    );
  });
});
