/**
 * The script the harness page loads before the app: it builds window.api with the very same
 * buildApi() and CHANNELS the preload uses (the function's source is sent as is), carrying each
 * call over HTTP and push events over SSE. The token lives in an HttpOnly cookie, so this script
 * never needs it; the `?t=` the page was opened with is dropped from the address bar at once (by then
 * the server has set the cookie), so it is not left in the history, a bookmark or a screenshot.
 */
import { buildApi } from '../../src-shared/ipc/api';
import { CHANNELS } from '../../src-shared/ipc/contract';

export function bridgeScript(): string {
  return `(() => {
  const here = new URL(location.href);
  if (here.searchParams.has('t')) {
    here.searchParams.delete('t');
    history.replaceState(history.state, '', here.pathname + here.search + here.hash);
  }
  const buildApi = ${buildApi.toString()};
  const CHANNELS = ${JSON.stringify(CHANNELS)};
  const invoke = async (channel, input) => {
    try {
      const res = await fetch('/__ipc/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: input === undefined ? null : input }),
        credentials: 'same-origin',
      });
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'NETWORK', message: 'アプリ本体との通信に失敗しました。画面を再読み込みしてください。', retryable: true } };
    }
  };
  const listeners = new Map();
  let source = null;
  const on = (event, listener) => {
    if (!source) {
      source = new EventSource('/__events');
      source.onmessage = (m) => {
        const { event: name, payload } = JSON.parse(m.data);
        for (const l of listeners.get(name) || []) l(payload);
      };
    }
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  window.api = buildApi(CHANNELS, invoke, on);
})();
`;
}
