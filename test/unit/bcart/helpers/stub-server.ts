/** A tiny node:http stub on 127.0.0.1 whose handler each test scripts; records every request. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type StubHandler = (req: StubRequest, res: ServerResponse) => void | Promise<void>;

export interface StubServer {
  url: string;
  origin: string;
  requests: StubRequest[];
  handle(h: StubHandler): void;
  close(): Promise<void>;
}

/** Sends JSON with a status. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export async function startStub(): Promise<StubServer> {
  let handler: StubHandler = (_req, res) => json(res, 404, { errors: ['no handler'] });
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const r: StubRequest = {
        method: req.method ?? 'GET',
        path: u.pathname.replace(/^\/api\/v1/, ''),
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(r);
      void Promise.resolve(handler(r, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/api/v1`,
    origin,
    requests,
    handle: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * One stub for a test file: started before its tests, closed after them, its request log emptied
 * before each test. The returned object is filled in by beforeAll, so read its fields inside tests.
 */
export function useStubServer(): StubServer {
  const stub = {} as StubServer;
  beforeAll(async () => {
    Object.assign(stub, await startStub());
  });
  afterAll(() => stub.close());
  beforeEach(() => {
    stub.requests.length = 0;
  });
  return stub;
}
