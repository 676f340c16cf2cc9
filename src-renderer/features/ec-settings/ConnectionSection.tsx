/**
 * ECサイト認証: state (未認証 / 認証済 + expiry / 要再認証), granted scopes, the browser login
 * (result arrives as the `connection:changed` push event), a pasted personal token, 接続テスト.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { formatJstDateTime } from '../../format/datetime';
import { formatCount } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { ecSettingQueries } from '../../queries/ec-settings';

const STATUS_BADGE: Record<string, string> = { 認証済: 'badge-ok', 未認証: 'badge-draft', 要再認証: 'badge-err' };

export function ConnectionSection({ settingId }: { settingId: number }) {
  const state = useQuery(ecSettingQueries.connection(settingId));
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'info'; text: string } | null>(null);
  const [loginError, setLoginError] = useState<string | null>(null);

  // the outcome of a browser login started here (the state itself refreshes through data:changed)
  useEffect(
    () =>
      api().on('connection:changed', (e) => {
        if (e.settingId !== settingId || e.runId === null) return;
        if (e.ok) setMessage({ kind: 'success', text: 'Bカートへのログインが完了しました。' });
        else setLoginError(e.error?.message ?? 'Bカートへのログインに失敗しました。もう一度お試しください。');
      }),
    [settingId],
  );

  const login = useMutation({
    mutationFn: () => unwrap(api().connection.login({ settingId })),
    onMutate: () => {
      setLoginError(null);
      setMessage(null);
    },
    onSuccess: () => setMessage({ kind: 'info', text: 'ブラウザでBカートにログインし、アクセスを許可してください。完了するとここに表示されます。' }),
  });
  const save = useMutation({
    mutationFn: () => unwrap(api().connection.savePersonalToken({ settingId, token })),
    meta: { changes: ['ecSettings'] },
    onSuccess: () => {
      setToken('');
      setMessage({ kind: 'success', text: 'アクセストークンを保存しました。「接続テスト」で確認してください。' });
    },
  });
  const logout = useMutation({ mutationFn: () => unwrap(api().connection.logout({ settingId })), meta: { changes: ['ecSettings'] } });
  const test = useMutation({ mutationFn: () => unwrap(api().connection.test({ settingId })) });

  const s = state.data;
  return (
    <section className="master-detail" aria-label="ECサイト認証">
      <h2>ECサイト認証</h2>
      <ErrorNotice error={state.error ?? login.error ?? save.error ?? logout.error} />
      {loginError ? (
        <Notice kind="error" title="Bカートへのログインに失敗しました">
          <p>{loginError}</p>
        </Notice>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {s ? (
        <dl className="facts" aria-label="接続状態">
          <dt>状態</dt>
          <dd>
            <span className={`badge ${STATUS_BADGE[s.status] ?? 'badge-draft'}`}>{s.status}</span>
          </dd>
          <dt>方式</dt>
          <dd>{s.method === 'oauth' ? 'OAuthログイン' : s.method === 'personal_token' ? 'アクセストークン' : '—'}</dd>
          <dt>有効期限</dt>
          <dd>{s.expiresAt ? formatJstDateTime(s.expiresAt) : s.method === 'personal_token' ? '期限なし (Bカートで失効させるまで)' : '—'}</dd>
          <dt>権限 (スコープ)</dt>
          <dd>{s.scopes.length > 0 ? s.scopes.join(', ') : '—'}</dd>
        </dl>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => login.mutate()} disabled={login.isPending}>
          ECサイト認証 (ブラウザでログイン)
        </button>
        <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'テスト中…' : '接続テスト'}
        </button>
        {s && s.status !== '未認証' ? (
          <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
            ログアウト
          </button>
        ) : null}
      </div>
      {test.data ? (
        <Notice kind="success">
          接続できました (応答 {test.data.latencyMs} ms、受注 {test.data.ordersTotal === null ? '—' : formatCount(test.data.ordersTotal)} 件)。
        </Notice>
      ) : null}
      <ErrorNotice error={test.error} />
      <form
        className="form-field"
        style={{ marginTop: 12 }}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}>
        <label htmlFor={`token-${settingId}`}>アクセストークン</label>
        <div style={{ display: 'flex', gap: 8 }}>
          <input id={`token-${settingId}`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} placeholder="Bカートで発行したトークンを貼り付け" />
          <button type="submit" disabled={token.trim() === '' || save.isPending}>
            トークンを保存
          </button>
        </div>
        <div className="field-hint">ログインの代わりに、Bカートの「アプリ」で発行した個人用アクセストークンを使えます。暗号化して保存し、画面には表示しません。</div>
      </form>
    </section>
  );
}
