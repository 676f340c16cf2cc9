/**
 * The simulator's control surface (security item 10): /__admin and the instant-approve OAuth
 * endpoints exist only in test mode, and every request must name the simulator in its Host header
 * (a page that rebinds its own name to 127.0.0.1 sends Host: its-name). Raw node:http requests,
 * because fetch does not let a caller choose the Host header.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, startSimulator, type RunningSimulator } from '../../../src-main/simulator';

function get(sim: RunningSimulator, path: string, host: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { port } = new URL(sim.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), path, method, headers: { host, authorization: `Bearer ${sim.token}` } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const AUTHORIZE =
  `/oauth/authorize?response_type=code&client_id=x&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/callback')}&state=s&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`;

describe('simulator control surface', () => {
  let api: RunningSimulator;
  let test: RunningSimulator;
  beforeAll(async () => {
    api = await startSimulator({ orders: 2, rateLimit: false });
    test = await startSimulator({ mode: 'test', orders: 2, rateLimit: false });
  });
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  it('by default serves the API only: no /__admin, no instant-approve OAuth', async () => {
    const host = new URL(api.origin).host;
    expect((await get(api, '/api/v1/orders?limit=1', host)).status).toBe(200);
    expect((await get(api, '/__admin/state', host)).status).toBe(404);
    expect((await get(api, '/__admin/tokens', host, 'POST')).status).toBe(404);
    expect((await get(api, AUTHORIZE, host)).status).toBe(404);
    expect((await get(api, '/oauth/token', host, 'POST')).status).toBe(404);
  });

  it('test mode adds them', async () => {
    const host = new URL(test.origin).host;
    expect((await get(test, '/__admin/state', host)).status).toBe(200);
    expect((await get(test, AUTHORIZE, host)).status).toBe(302);
  });

  it('a request naming another host is refused on every route, in both modes', async () => {
    for (const sim of [api, test]) {
      const port = new URL(sim.origin).port;
      for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, `localhost:${Number(port) + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${port}`]) {
        for (const path of ['/api/v1/orders?limit=1', '/__admin/state', AUTHORIZE]) {
          const r = await get(sim, path, host);
          expect(r.status, `${host} ${path}`).toBe(403);
          expect(r.body).not.toContain('orders');
        }
      }
      expect((await get(sim, '/api/v1/orders?limit=1', `localhost:${port}`)).status).toBe(200);
    }
  });

  it('the demo shop the app starts (「デモデータで試す」, npm run demo) has no control surface', async () => {
    const demo = await startDemoShop('2026-10-01', '2026-10-31');
    try {
      const host = new URL(demo.origin).host;
      expect((await get(demo, '/api/v1/orders?limit=1', host)).status).toBe(200);
      expect((await get(demo, '/__admin/state', host)).status).toBe(404);
      expect((await get(demo, AUTHORIZE, host)).status).toBe(404);
    } finally {
      await demo.close();
    }
  });
});
