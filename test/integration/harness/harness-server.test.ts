/**
 * The harness must not let other local processes reach the data: every request needs the
 * per-start token (URL once, then an HttpOnly cookie), the Host header must be the loopback
 * origin, and IPC over HTTP goes through the same dispatch (validation included).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server';
import { bridgeScript } from '../../../src-main/harness/bridge-script';
import { CHANNELS } from '../../../src-shared/ipc/contract';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('harness server', () => {
  let t: TestCore;
  let h: RunningHarness;
  const renderer = makeTempDir();
  beforeAll(async () => {
    mkdirSync(join(renderer.dir, 'assets'));
    writeFileSync(join(renderer.dir, 'index.html'), '<html><head><script type="module" src="./assets/a.js"></script></head></html>');
    writeFileSync(join(renderer.dir, 'assets', 'a.js'), 'console.log(1)');
    t = await makeTestCore();
    h = await startHarness({ core: t.core, rendererDir: renderer.dir, logger: t.logger });
  });
  afterAll(async () => {
    await h.close();
    t.close();
    renderer.cleanup();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(h.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses every path without the token', async () => {
    for (const path of ['/', '/assets/a.js', '/__harness/bridge.js', '/__events']) {
      expect((await raw(`${h.origin}${path}`)).status, path).toBe(403);
    }
    const ipc = await raw(`${h.origin}/__ipc/departments:list`, { method: 'POST', body: '{"input":{}}', headers: { 'content-type': 'application/json' } });
    expect(ipc.status).toBe(403);
    expect(ipc.body).not.toContain('rows');
    const wrong = await raw(`${h.origin}/?t=not-the-token`);
    expect(wrong.status).toBe(403);
  });

  it('the tokened URL sets an HttpOnly SameSite=Strict cookie and injects the bridge before the app', async () => {
    const page = await raw(h.url);
    expect(page.status).toBe(200);
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.body.indexOf('/__harness/bridge.js')).toBeLessThan(page.body.indexOf('type="module"'));
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const asset = await raw(`${h.origin}/assets/a.js`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    const traversal = await raw(`${h.origin}/..%2f..%2fetc%2fpasswd`, { headers: { cookie } });
    expect(traversal.status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await raw(`${h.url}`, { headers: { host: 'evil.example:80' } });
    expect(r.status).toBe(403);
  });

  it('carries IPC through the same dispatch, validation included', async () => {
    const headers = { 'x-harness-token': h.token, 'content-type': 'application/json' };
    const ok = JSON.parse((await raw(`${h.origin}/__ipc/departments:create`, { method: 'POST', headers, body: JSON.stringify({ input: { code: 'H1', name: 'ハーネス' } }) })).body);
    expect(ok).toMatchObject({ ok: true, value: { code: 'H1' } });
    const bad = JSON.parse((await raw(`${h.origin}/__ipc/departments:create`, { method: 'POST', headers, body: JSON.stringify({ input: { code: '' } }) })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const foreign = await raw(`${h.origin}/__ipc/departments:list`, { method: 'POST', headers: { ...headers, origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
  });

  it('the bridge script builds window.api from the same names list as the preload', () => {
    const script = bridgeScript();
    const win: Record<string, any> = {};
    const replaced: string[] = [];
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) };
    const location = { href: 'http://127.0.0.1:1/?t=secret&x=1#/departments' };
    new Function('window', 'fetch', 'EventSource', 'location', 'history', script)(win, async () => ({ json: async () => ({ ok: true }) }), class {}, location, history);
    expect(replaced).toEqual(['/?x=1#/departments']); // the access token leaves the address bar (e2e: harness-address)
    const names: string[] = [];
    for (const [d, verbs] of Object.entries(win.api)) if (d !== 'on') for (const v of Object.keys(verbs as object)) names.push(`${d}:${v}`);
    expect(names.sort()).toEqual([...CHANNELS].sort());
    expect(typeof win.api.on).toBe('function');
  });
});
