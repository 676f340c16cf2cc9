import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { startLoopbackListener } from '../../../src-main/core/bcart/oauth/loopback-listener';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('loopback listener', () => {
  it('binds 127.0.0.1 on an ephemeral port, takes one callback, answers in Japanese, then closes', async () => {
    const l = await startLoopbackListener({ expectedState: 'st-1' });
    expect(l.redirectUri).toBe(`http://127.0.0.1:${l.port}/callback`);
    expect(l.port).toBeGreaterThan(1024);
    const fav = await fetch(`http://127.0.0.1:${l.port}/favicon.ico`);
    expect(fav.status).toBe(404); // not the callback: still waiting
    const res = await fetch(`${l.redirectUri}?code=abc&state=st-1`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('認証が完了しました');
    expect(res.headers.get('content-type')).toContain('text/html');
    await expect(l.result).resolves.toEqual({ code: 'abc' });
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${l.redirectUri}?code=again&state=st-1`)).rejects.toThrow(); // closed: refused
  });

  it('is not reachable on other interfaces', async () => {
    const l = await startLoopbackListener({ expectedState: 's' });
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${l.port}/callback?code=x&state=s`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
    }
    await l.close();
    await rejection(l.result);
  });

  it('rejects a mismatched state with OAUTH_FAILED and an error page', async () => {
    const l = await startLoopbackListener({ expectedState: 'good' });
    const res = await fetch(`${l.redirectUri}?code=abc&state=evil`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('失敗');
    const e = await rejection(l.result);
    expect(e.code).toBe('OAUTH_FAILED');
    expect(e.details?.['reason']).toBe('state_mismatch');
  });

  it('maps access_denied to a cancel message', async () => {
    const l = await startLoopbackListener({ expectedState: 's' });
    await fetch(`${l.redirectUri}?error=access_denied&state=s`);
    const e = await rejection(l.result);
    expect(e.message).toContain('キャンセル');
  });

  it('times out (injectable) and closes', async () => {
    const l = await startLoopbackListener({ expectedState: 's', timeoutMs: 100 });
    const e = await rejection(l.result);
    expect(e.code).toBe('OAUTH_FAILED');
    expect(e.details?.['reason']).toBe('timeout');
    expect(e.message).toContain('5分以内');
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${l.redirectUri}?code=x&state=s`)).rejects.toThrow();
  });
});
