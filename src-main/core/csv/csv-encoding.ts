/**
 * Bytes ⇄ text for every CSV of the app, in the encodings of src-shared/csv/csv-encoding.ts.
 * Detection (`auto`): a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (a CP932 file with
 * any kana or kanji is practically never valid UTF-8); anything else is CP932.
 * CP932 output never holds '?': JIS variants such as 〜 U+301C are written as their CP932 twins
 * (see cp932-variants.ts), and writers check firstUnencodableCp932 and report anything else by cell.
 */
import { isUtf8 } from 'node:buffer';
import { setImmediate as nextTurn } from 'node:timers/promises';
import iconv from 'iconv-lite';
import type { CsvEncoding, CsvReadEncoding } from '../../../src-shared/csv/csv-encoding';
import { toCp932Variants } from './cp932-variants';
import { csvCancelled } from './csv-problems';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** some bytes were not valid in that encoding; U+FFFD marks them */
  invalid: boolean;
}

export interface DecodedCsvPieces {
  /** the text, piece by piece (about 1 MB of the file each) */
  pieces: string[];
  encoding: CsvEncoding;
  invalid: boolean;
}

const BOM = [0xef, 0xbb, 0xbf] as const;
/** Bytes decoded at a time: a 75 MB file takes seconds to decode, and must not take them in one go. */
const DECODE_PIECE_BYTES = 1 << 20;

/** Which encoding a file is read in, and whether its bytes are valid in it (UTF-8: known before decoding). */
function chooseEncoding(body: Uint8Array, bom: boolean, encoding: CsvReadEncoding): { encoding: CsvEncoding; utf8Valid: boolean } {
  if (encoding === 'cp932') return { encoding, utf8Valid: false };
  const utf8Valid = isUtf8(body);
  return { encoding: encoding === 'utf-8' || bom || utf8Valid ? 'utf-8' : 'cp932', utf8Valid };
}

/** Decodes piece by piece; streaming decoders keep a character split between two pieces whole. */
function* decodePieces(bytes: Uint8Array, requested: CsvReadEncoding): Generator<string, { encoding: CsvEncoding; invalid: boolean }> {
  const bom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  const { encoding, utf8Valid } = chooseEncoding(body, bom, requested);
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
    for (let at = 0; at < body.length; at += DECODE_PIECE_BYTES) yield decoder.decode(body.subarray(at, at + DECODE_PIECE_BYTES), { stream: true });
    yield decoder.decode();
    return { encoding, invalid: !utf8Valid };
  }
  // CP932 maps no byte sequence to U+FFFD: one in the text always marks an unreadable byte
  const decoder = iconv.getDecoder('cp932');
  let invalid = false;
  const take = (text: string): string => {
    invalid ||= text.includes('\uFFFD');
    return text;
  };
  for (let at = 0; at < body.length; at += DECODE_PIECE_BYTES) {
    const piece = body.subarray(at, at + DECODE_PIECE_BYTES);
    yield take(decoder.write(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)));
  }
  yield take(decoder.end() ?? '');
  return { encoding, invalid };
}

/** Bytes → text; `auto` detects as described above. Never throws. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvReadEncoding = 'auto'): DecodedCsv {
  const pieces: string[] = [];
  const gen = decodePieces(bytes, encoding);
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return { text: pieces.join(''), ...r.value };
    pieces.push(r.value);
  }
}

/**
 * Bytes → text pieces, with a turn of the event loop after each piece so other work (IPC, 中止)
 * runs while a large file is decoded. Same result as decodeCsv.
 * @throws CSV_CANCELLED when the signal aborts
 */
export async function decodeCsvInPieces(bytes: Uint8Array, encoding: CsvReadEncoding, signal?: AbortSignal): Promise<DecodedCsvPieces> {
  const pieces: string[] = [];
  const gen = decodePieces(bytes, encoding);
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return { pieces, ...r.value };
    pieces.push(r.value);
    await nextTurn();
    if (signal?.aborted) throw csvCancelled();
  }
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
