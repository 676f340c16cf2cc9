/**
 * Bytes ⇄ text for every CSV of the app, in the encodings of src-shared/csv/csv-encoding.ts.
 * Detection (`auto`): a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (a CP932 file with
 * any kana or kanji is practically never valid UTF-8); anything else is CP932.
 * CP932 output never holds '?': JIS variants such as 〜 U+301C are written as their CP932 twins
 * (see cp932-variants.ts), and writers check firstUnencodableCp932 and report anything else by cell.
 */
import iconv from 'iconv-lite';
import type { CsvEncoding, CsvReadEncoding } from '../../../src-shared/csv/csv-encoding';
import { toCp932Variants } from './cp932-variants';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** some bytes were not valid in that encoding; U+FFFD marks them */
  invalid: boolean;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

function decodeUtf8(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalid: false };
  } catch {
    return { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes), invalid: true };
  }
}

/** Bytes → text; `auto` detects as described above. Never throws. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvReadEncoding = 'auto'): DecodedCsv {
  const bom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'utf-8' || (encoding === 'auto' && bom)) return { ...decodeUtf8(body), encoding: 'utf-8' };
  if (encoding === 'auto') {
    const utf8 = decodeUtf8(body);
    if (!utf8.invalid) return { ...utf8, encoding: 'utf-8' };
  }
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932');
  return { text, encoding: 'cp932', invalid: text.includes('\uFFFD') };
}

const cp932Ok = new Map<string, boolean>();

/**
 * First character (code point) a CP932 file cannot hold — emoji, 𠮷, ¥ (0x5C reads back as \) —
 * or null. JIS variants (〜 ‖ − ¢ £ ¬) count as encodable: encodeCsv writes their CP932 twins.
 */
export function firstUnencodableCp932(text: string): string | null {
  // ASCII always survives; this fast path keeps a 100,000-row export quick
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return null;
  for (const ch of text) {
    let ok = cp932Ok.get(ch);
    if (ok === undefined) {
      const twin = toCp932Variants(ch);
      ok = iconv.decode(iconv.encode(twin, 'cp932'), 'cp932') === twin;
      cp932Ok.set(ch, ok);
    }
    if (!ok) return ch;
  }
  return null;
}

/** "U+1F363" for messages. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text → file bytes. UTF-8 starts with a BOM (so Excel opens it as UTF-8) unless `bom: false`
 * (a later piece of a file written in pieces). CP932 maps the JIS variants; check the text first
 * with firstUnencodableCp932, since anything else CP932 cannot hold would become '?'.
 */
export function encodeCsv(text: string, encoding: CsvEncoding, opts: { bom?: boolean } = {}): Uint8Array {
  if (encoding === 'cp932') return new Uint8Array(iconv.encode(toCp932Variants(text), 'cp932'));
  const body = new TextEncoder().encode(text);
  if (opts.bom === false) return body;
  const out = new Uint8Array(body.length + BOM.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
