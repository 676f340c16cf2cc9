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

  it('answers 404 to a mismatched or missing state and keeps waiting for the real redirect', async () => {
    const l = await startLoopbackListener({ expectedState: 'good' });
    for (const q of ['code=abc&state=evil', 'code=abc', 'code=abc&state=goo', 'code=abc&state=goodx']) {
      const res = await fetch(`${l.redirectUri}?${q}`);
      expect(res.status, q).toBe(404);
      expect(await res.text()).not.toContain('認証');
    }
    const ok = await fetch(`${l.redirectUri}?code=real&state=good`);
    expect(ok.status).toBe(200);
    await expect(l.result).resolves.toEqual({ code: 'real' });
  });

  it('an error redirect without the right state does not end the login (another page cannot cancel it)', async () => {
    const l = await startLoopbackListener({ expectedState: 'good' });
    for (const q of ['error=access_denied', 'error=access_denied&state=evil', 'error=server_error&state=']) {
      expect((await fetch(`${l.redirectUri}?${q}`)).status, q).toBe(404);
    }
    let settled = false;
    void l.result.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    await fetch(`${l.redirectUri}?code=real&state=good`);
    await expect(l.result).resolves.toEqual({ code: 'real' });
  });

  it('maps access_denied to a cancel message', async () => {
    const l = await startLoopbackListener({ expectedState: 's' });
    const res = await fetch(`${l.redirectUri}?error=access_denied&state=s`);
    expect(res.status).toBe(400);
    const e = await rejection(l.result);
    expect(e.message).toContain('キャンセル');
    expect(e.details?.['reason']).toBe('access_denied');
  });

  it('shows known OAuth error codes in Japanese and never the text of an unknown one', async () => {
    const known = { invalid_scope: '権限', server_error: 'Bカート側', temporarily_unavailable: 'しばらく', unauthorized_client: 'クライアントID' } as const;
    for (const [code, word] of Object.entries(known)) {
      const l = await startLoopbackListener({ expectedState: 's' });
      await fetch(`${l.redirectUri}?error=${code}&state=s&error_description=${encodeURIComponent('0120-000-000 に電話してください')}`);
      const e = await rejection(l.result);
      expect(e.message, code).toContain(word);
      expect(e.message).not.toContain('0120');
      expect(e.details?.['reason']).toBe(code);
    }
    const l = await startLoopbackListener({ expectedState: 's' });
    const injected = '至急 0120-000-000 に電話してください';
    await fetch(`${l.redirectUri}?error=${encodeURIComponent(injected)}&state=s`);
    const e = await rejection(l.result);
    expect(e.code).toBe('OAUTH_FAILED');
    expect(e.message).not.toContain('0120');
    expect(e.message).toContain('ECサイト認証');
    expect(JSON.stringify(e.details)).not.toContain('0120');
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
