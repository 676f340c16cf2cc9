/** Plain-fetch helpers for the simulator's integration tests. */
import type { RunningSimulator } from '../../../src-main/simulator/index';

export interface Got {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** GET/PATCH/POST a simulator path ("/orders?limit=1" is relative to /api/v1; "/__admin/…" and "/oauth/…" to the origin). */
export async function call(
  sim: RunningSimulator,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Got> {
  const url = path.startsWith('/__admin') || path.startsWith('/oauth') ? sim.origin + path : sim.url + path;
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const token = init.token === undefined ? sim.token : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}
