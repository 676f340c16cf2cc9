/** /__admin endpoints and the `simulator` CLI command (a real child process). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator/index';
import { call } from './sim-http';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mode: 'test', seed: 4, orders: 20, rateLimit: false, token: 'primary-token' });
});
afterAll(() => sim.close());

describe('/__admin', () => {
  it('needs the primary token', async () => {
    expect((await call(sim, '/__admin/state', { token: null })).status).toBe(401);
    sim.state.auth.registerToken('other');
    expect((await call(sim, '/__admin/state', { token: 'other' })).status).toBe(401);
  });

  it('adds orders (generated or described), ships a shipment, reports the state', async () => {
    const gen = await call(sim, '/__admin/orders', { method: 'POST', body: { generate: 3 } });
    expect(gen.status).toBe(201);
    expect(gen.body.orders).toHaveLength(3);
    const desc = await call(sim, '/__admin/orders', {
      method: 'POST',
      body: { order: { customerId: 5003, payment: 'Bカート掛け払い', lines: [{ productNo: 'CUP-200', count: 4 }] } },
    });
    const o = desc.body.orders[0];
    expect(o).toMatchObject({ customer_id: 5003, payment: 'Bカート掛け払い', status: '新規注文' });
    expect(o.logistics[0].status).toBe('未発送');
    const shipped = await call(sim, `/__admin/logistics/${o.logistics[0].id}/ship`, {
      method: 'POST',
      body: { shipment_date: '2025-05-02', delivery_code: '1111-2222-3333' },
    });
    expect(shipped.body.logistic).toMatchObject({ status: '発送済', shipment_date: '2025-05-02', delivery_code: '1111-2222-3333' });
    expect((await call(sim, `/orders/${o.id}`)).body.order.status).toBe('完了');
    const bad = await call(sim, '/__admin/orders', { method: 'POST', body: { order: { lines: [{ productNo: 'NOPE' }] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]['lines.0']).toMatch(/見つかりません/);
    const state = await call(sim, '/__admin/state');
    expect(state.body).toMatchObject({ orders: 24, customers: 40, rate_limit: { enabled: false } });
  });

  it('registers scoped tokens and revokes every token', async () => {
    await call(sim, '/__admin/tokens', { method: 'POST', body: { token: 'ro', scopes: ['customers-read'] } });
    expect((await call(sim, '/customers', { token: 'ro' })).status).toBe(200);
    expect((await call(sim, '/orders', { token: 'ro' })).status).toBe(403);
    await call(sim, '/__admin/tokens/revoke', { method: 'POST', body: {} });
    expect((await call(sim, '/customers', { token: 'ro' })).status).toBe(401);
    expect((await call(sim, '/customers')).status).toBe(401);
    expect((await call(sim, '/__admin/state')).status).toBe(200); // admin keeps working
    sim.state.auth.primaryRevoked = false;
    expect((await call(sim, '/customers')).status).toBe(200);
  });
});

describe('cli simulator', () => {
  it('prints exactly the URL and token lines, serves, and exits on SIGTERM', async () => {
    const script = join(__dirname, 'run-cli-simulator.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--seed', '2', '--orders', '15', '--rate-limit', 'off'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.split('\n').length >= 3) resolve();
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^BCART_SIMULATOR_URL=http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(lines[1]).toMatch(/^BCART_TOKEN=\S+$/);
    const url = lines[0]!.slice('BCART_SIMULATOR_URL='.length);
    const token = lines[1]!.slice('BCART_TOKEN='.length);
    const r = await fetch(`${url}/orders`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await r.json()) as { meta: { total: number } }).meta.total).toBe(15);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
