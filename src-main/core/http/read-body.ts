import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body as UTF-8 text, refusing (and dropping the connection) past `limitBytes`,
 * so a local server of ours (harness, simulator) cannot be made to buffer without bound.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limitBytes) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
