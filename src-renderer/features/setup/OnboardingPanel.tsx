/** Onboarding from BCart: preview, then create products (from sets) or 得意先 (from members). */
import { useMutation } from '@tanstack/react-query';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { api, unwrap } from '../../ipc/api';
import { TableHead } from '../../components/TableHead';

const STATUS = { new: '新規', exists: '登録済', invalid: '登録不可' } as const;

export function OnboardingPanel({ settingId, kind }: { settingId: number; kind: 'products' | 'customers' }) {
  const label = kind === 'products' ? '商品' : '得意先';
  const preview = useMutation({
    mutationFn: () => unwrap(kind === 'products' ? api().onboarding.previewProducts({ settingId }) : api().onboarding.previewCustomers({ settingId })),
  });
  const create = useMutation({
    mutationFn: () => unwrap(kind === 'products' ? api().onboarding.createProducts({ settingId }) : api().onboarding.createCustomers({ settingId })),
    meta: { changes: [kind === 'products' ? 'products' : 'partners'] },
    onSuccess: () => preview.reset(),
  });
  const rows = preview.data?.rows ?? [];
  const fresh = rows.filter((r) => r.status === 'new').length;
  return (
    <section aria-label={`Bカートから${label}を登録`} style={{ marginTop: 12 }}>
      <h3>Bカートから{label}を登録</h3>
      <ErrorNotice error={preview.error ?? create.error} />
      <div className="form-actions">
        <button type="button" onClick={() => preview.mutate()} disabled={preview.isPending}>
          {label}のプレビュー
        </button>
        <button type="button" className="primary" disabled={!preview.data || fresh === 0 || create.isPending} onClick={() => create.mutate()}>
          {fresh}件の{label}を作成
        </button>
      </div>
      {create.data ? (
        <Notice kind="success">
          {label}を{create.data.created.length}件作成しました (スキップ {create.data.skipped.length}件)。
        </Notice>
      ) : null}
      {rows.length > 0 ? (
        <table className="data" aria-label={`${label}のプレビュー`}>
          <TableHead headings={['コード', '名称', '状態', '理由']} />
          <tbody>
            {rows.slice(0, 500).map((r, i) => (
              <tr key={`${r.code}-${i}`}>
                <td>{r.code}</td>
                <td>{r.name}</td>
                <td>
                  <span className={`badge ${r.status === 'new' ? 'badge-ok' : r.status === 'exists' ? 'badge-draft' : 'badge-err'}`}>{STATUS[r.status]}</span>
                </td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
