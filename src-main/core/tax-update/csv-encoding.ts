/**
 * Byte ⇄ text for CSV files: UTF-8 (with or without BOM) and CP932 (Windows Shift_JIS, what Excel
 * in Japan writes). Detection: a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (a CP932
 * file with kanji is almost never valid UTF-8); anything else is CP932. Encoding to CP932 refuses
 * characters it cannot hold instead of writing '?', naming the character so the user can fix it.
 */
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'cp932';
export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'cp932'];

export const CSV_ENCODING_LABELS: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', cp932: 'Shift_JIS (CP932)' };

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** the bytes were not valid in the encoding; U+FFFD marks the bad places */
  invalid: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function decodeUtf8(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalid: false };
  } catch {
    return { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes), invalid: true };
  }
}

/** Decodes CSV bytes, detecting the encoding unless one is given. Never throws. */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  const bom = hasBom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'utf-8' || (encoding === undefined && bom)) return { ...decodeUtf8(body), encoding: 'utf-8' };
  if (encoding === undefined) {
    const utf8 = decodeUtf8(body);
    if (!utf8.invalid) return { ...utf8, encoding: 'utf-8' };
  }
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp932');
  return { text, encoding: 'cp932', invalid: text.includes('\uFFFD') };
}

const cp932Cache = new Map<string, boolean>();

/** True when the single character (code point) survives a CP932 round trip unchanged. */
function cp932Encodable(ch: string): boolean {
  let ok = cp932Cache.get(ch);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
    cp932Cache.set(ch, ok);
  }
  return ok;
}

/** First character of text that CP932 cannot hold (e.g. 〜 U+301C, ¥ U+00A5, emoji), or null. */
export function firstUnencodableCp932(text: string): string | null {
  // ASCII is always encodable; the fast path keeps exports of large files quick
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return null;
  for (const ch of text) if (!cp932Encodable(ch)) return ch;
  return null;
}

/** "U+301C" for messages. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text → bytes. UTF-8 gets a BOM by default so Excel opens it as UTF-8. Check CP932 text first. */
export function encodeCsvText(text: string, encoding: CsvEncoding, opts: { bom?: boolean } = {}): Uint8Array {
  if (encoding === 'cp932') return new Uint8Array(iconv.encode(text, 'cp932'));
  const body = new TextEncoder().encode(text);
  if (opts.bom === false) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(UTF8_BOM, 0);
  out.set(body, 3);
  return out;
}
