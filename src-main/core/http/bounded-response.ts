/**
 * Reading answers of servers we call (the BCart API, the OAuth token endpoint) without trusting
 * their size or shape: a body is read up to a cap, and a JSON error body's nesting is measured before
 * anything walks it recursively. A compromised or misconfigured server must not be able to exhaust
 * the main process's memory or stack.
 */

/** Largest response body read from the BCart API (a 100-order page with embeds is ~1 MB). */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Largest token-endpoint answer (a few hundred bytes in practice). */
export const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/** Deepest JSON nesting accepted in an error body (BCart's envelope is 3 levels deep). */
export const MAX_ERROR_JSON_DEPTH = 32;

/** Thrown by readCappedText; callers turn it into their own AppError. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`response body larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body as UTF-8 text, refusing a declared Content-Length above `limitBytes` before reading and
 * stopping (and cancelling the stream) as soon as the bytes read pass it.
 */
export async function readCappedText(res: Response, limitBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** True when the JSON text nests arrays/objects deeper than `maxDepth` (brackets in strings ignored). */
export function jsonNestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/** "50 MB" / "16 KB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} バイト`;
}
