/**
 * The app's one CSV encoding layer (master CSV and the tax-update subscription/product/plan CSV):
 * bytes ⇄ text for Excel in Japan, UTF-8 (with BOM on export) and CP932 (Windows Shift_JIS).
 * Auto-detection on import: a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (a CP932 file
 * with any kana or kanji is practically never valid UTF-8); anything else is CP932.
 * CP932 export never writes '?': JIS variants such as 〜 U+301C are written as their CP932 twins
 * (see cp932-variants.ts), and callers check firstUnencodableCp932 and report anything else by cell.
 */
import iconv from 'iconv-lite';
import { toCp932Variants } from './cp932-variants';

export type CsvTextEncoding = 'utf8' | 'cp932';

export interface DecodedCsvText {
  text: string;
  encoding: CsvTextEncoding;
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
export function decodeCsv(bytes: Uint8Array, encoding: 'auto' | CsvTextEncoding): DecodedCsvText {
  const bom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'utf8' || (encoding === 'auto' && bom)) return { ...decodeUtf8(body), encoding: 'utf8' };
  if (encoding === 'auto') {
    const utf8 = decodeUtf8(body);
    if (!utf8.invalid) return { ...utf8, encoding: 'utf8' };
  }
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932');
  return { text, encoding: 'cp932', invalid: text.includes('\uFFFD') };
}

const cp932Ok = new Map<string, boolean>();

/**
 * First character (code point) a CP932 export cannot hold — emoji, 𠮷, ¥ (0x5C reads back as \) —
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
 * Text → file bytes: UTF-8 with a BOM (so Excel opens it as UTF-8), UTF-8 without one (a later
 * chunk of a file written in pieces), or CP932 with the JIS variants mapped (check the text first
 * with firstUnencodableCp932: anything else CP932 cannot hold would become '?').
 */
export function encodeCsv(text: string, encoding: 'utf8-bom' | 'utf8' | 'cp932'): Uint8Array {
  if (encoding === 'cp932') return new Uint8Array(iconv.encode(toCp932Variants(text), 'cp932'));
  const body = new TextEncoder().encode(text);
  if (encoding === 'utf8') return body;
  const out = new Uint8Array(body.length + BOM.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
