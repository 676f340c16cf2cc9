/**
 * A strict PNG reader for the fake Electron's nativeImage: it refuses what Chromium's decoder
 * refuses (bad signature, a chunk running past the file, a CRC mismatch, IHDR not first, no IEND,
 * bytes after IEND, image data that does not inflate to exactly height × (1 + width × channels)
 * bytes, an unknown row filter), and returns the pixels as 8-bit RGBA so tests can look at them.
 * Written independently of scripts/draw-icons.mjs, which encodes the app's icons.
 * Supports 8-bit grey, grey+alpha, RGB, RGBA and palette images without interlacing: everything
 * else is refused too (the app ships nothing else).
 */
import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** width × height × 4 bytes, RGBA */
  rgba: Buffer;
}

export class PngError extends Error {}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Chunk {
  type: string;
  data: Buffer;
}

function readChunks(buf: Buffer): Chunk[] {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG (signature)');
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < buf.length) {
    if (at + 12 > buf.length) throw new PngError(`truncated chunk header at byte ${at}`);
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new PngError(`invalid chunk type at byte ${at}`);
    const end = at + 12 + length;
    if (end > buf.length) throw new PngError(`chunk ${type} runs past the end of the file`);
    const data = buf.subarray(at + 8, at + 8 + length);
    const crc = buf.readUInt32BE(at + 8 + length);
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== crc) throw new PngError(`CRC mismatch in chunk ${type}`);
    chunks.push({ type, data });
    at = end;
    if (type === 'IEND') break;
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new PngError('no IEND chunk');
  if (at !== buf.length) throw new PngError('bytes after IEND');
  return chunks;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(buf: Buffer): DecodedPng {
  const chunks = readChunks(buf);
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw new PngError('IHDR is not the first chunk');
  const width = ihdr.data.readUInt32BE(0);
  const height = ihdr.data.readUInt32BE(4);
  const [bitDepth, colorType, compression, filter, interlace] = [...ihdr.data.subarray(8, 13)] as [number, number, number, number, number];
  if (width === 0 || height === 0) throw new PngError('zero width or height');
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngError(`unknown colour type ${colorType}`);
  if (bitDepth !== 8 || compression !== 0 || filter !== 0 || interlace !== 0) throw new PngError('only 8-bit, non-interlaced images are supported');
  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  if (colorType === 3 && !palette) throw new PngError('palette image without PLTE');
  const trns = chunks.find((c) => c.type === 'tRNS')?.data;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  if (idat.length === 0) throw new PngError('no image data');
  let raw: Buffer;
  try {
    raw = inflateSync(idat);
  } catch (e) {
    throw new PngError(`image data does not inflate: ${(e as Error).message}`);
  }
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new PngError(`image data is ${raw.length} bytes, expected ${height * (stride + 1)}`);

  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    if (type > 4) throw new PngError(`unknown row filter ${type} in row ${y}`);
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const pred = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }

  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, i * channels + channels);
    let r: number, g: number, b: number, alpha: number;
    if (colorType === 0) [r, g, b, alpha] = [p[0]!, p[0]!, p[0]!, 255];
    else if (colorType === 4) [r, g, b, alpha] = [p[0]!, p[0]!, p[0]!, p[1]!];
    else if (colorType === 2) [r, g, b, alpha] = [p[0]!, p[1]!, p[2]!, 255];
    else if (colorType === 6) [r, g, b, alpha] = [p[0]!, p[1]!, p[2]!, p[3]!];
    else {
      const idx = p[0]!;
      if (idx * 3 + 2 >= palette!.length) throw new PngError(`palette index ${idx} out of range`);
      [r, g, b] = [palette![idx * 3]!, palette![idx * 3 + 1]!, palette![idx * 3 + 2]!];
      alpha = trns && idx < trns.length ? trns[idx]! : 255;
    }
    rgba.set([r, g, b, alpha], i * 4);
  }
  return { width, height, rgba };
}
