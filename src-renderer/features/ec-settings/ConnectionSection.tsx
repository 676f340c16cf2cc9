/**
 * ECサイト認証: state (未認証 / 認証済 + expiry / 要再認証), granted scopes, the browser login
 * (result arrives as the `connection:changed` push event), a pasted personal token, 接続テスト.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';

const STATUS_BADGE: Record<string, string> = { 認証済: 'badge-ok', 未認証: 'badge-draft', 要再認証: 'badge-err' };

export function ConnectionSection({ settingId }: { settingId: number }) {
  const qc = useQueryClient();
  const key = ['settings', 'connection', settingId];
  const state = useQuery({ queryKey: key, queryFn: () => unwrap(api().connection.state({ settingId })) });
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'info'; text: string } | null>(null);
  const [loginError, setLoginError] = useState<string | null>(null);

  useEffect(
    () =>
      api().on('connection:changed', (e) => {
        if (e.settingId !== settingId) return;
        void qc.invalidateQueries({ queryKey: ['settings', 'connection', settingId] });
        if (e.runId === null) return;
        if (e.ok) setMessage({ kind: 'ok', text: 'Bカートへのログインが完了しました。' });
        else setLoginError(e.error?.message ?? 'Bカートへのログインに失敗しました。もう一度お試しください。');
      }),
    [qc, settingId],
  );

  const onDone = () => void qc.invalidateQueries({ queryKey: key });
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
    onSuccess: () => {
      setToken('');
      setMessage({ kind: 'ok', text: 'アクセストークンを保存しました。「接続テスト」で確認してください。' });
      onDone();
    },
  });
  const logout = useMutation({ mutationFn: () => unwrap(api().connection.logout({ settingId })), onSuccess: onDone });
  const test = useMutation({ mutationFn: () => unwrap(api().connection.test({ settingId })) });

  const s = state.data;
  return (
    <section className="master-detail" aria-label="ECサイト認証">
      <h2>ECサイト認証</h2>
      <ErrorNotice error={state.error ?? login.error ?? save.error ?? logout.error} />
      {loginError ? (
        <div className="notice notice-error" role="alert">
          <strong>Bカートへのログインに失敗しました</strong>
          <p>{loginError}</p>
        </div>
      ) : null}
      {message ? (
        <div className={`notice notice-${message.kind}`} role="status">
          {message.text}
        </div>
      ) : null}
      {s ? (
        <dl className="facts" aria-label="接続状態">
          <dt>状態</dt>
          <dd>
            <span className={`badge ${STATUS_BADGE[s.status] ?? 'badge-draft'}`}>{s.status}</span>
          </dd>
          <dt>方式</dt>
          <dd>{s.method === 'oauth' ? 'OAuthログイン' : s.method === 'personal_token' ? 'アクセストークン' : '—'}</dd>
          <dt>有効期限</dt>
          <dd>{s.expiresAt ? s.expiresAt.replace('T', ' ').replace('+09:00', '') : s.method === 'personal_token' ? '期限なし (Bカートで失効させるまで)' : '—'}</dd>
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
        <div className="notice notice-ok" role="status">
          接続できました (応答 {test.data.latencyMs} ms、受注 {test.data.ordersTotal?.toLocaleString('ja-JP') ?? '—'} 件)。
        </div>
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
