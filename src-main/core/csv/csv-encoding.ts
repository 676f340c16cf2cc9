/**
 * CSV bytes ⇄ text for Excel in Japan: UTF-8 (with BOM on export) and CP932 (Windows Shift_JIS).
 * Auto-detection on import: a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (a CP932 file
 * with any kana or kanji is practically never valid UTF-8); anything else is CP932. Encoding to
 * CP932 never writes '?': callers check firstUnencodableCp932 and report the cell instead.
 */
import iconv from 'iconv-lite';

export type CsvTextEncoding = 'utf8' | 'cp932';

export interface DecodedCsvText {
  text: string;
  encoding: CsvTextEncoding;
  /** some bytes were not valid in that encoding; U+FFFD marks them */
  invalid: boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

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

/** First character (code point) CP932 cannot hold unchanged — emoji, 𠮷, ¥ (0x5C reads back as \) — or null. */
export function firstUnencodableCp932(text: string): string | null {
  // ASCII always survives; this fast path keeps a 100,000-row export quick
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return null;
  for (const ch of text) {
    let ok = cp932Ok.get(ch);
    if (ok === undefined) {
      ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
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

/** Text → file bytes: UTF-8 with a BOM (so Excel opens it as UTF-8) or CP932 (check the text first). */
export function encodeCsv(text: string, encoding: 'utf8-bom' | 'cp932'): Uint8Array {
  if (encoding === 'cp932') return new Uint8Array(iconv.encode(text, 'cp932'));
  const body = Buffer.from(text, 'utf8');
  return new Uint8Array(Buffer.concat([Buffer.from(BOM), body]));
}
