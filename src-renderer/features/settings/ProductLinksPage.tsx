/**
 * EC連携商品 (used when 商品連携区分 is off): 取得 lists BCart sets (品番, JAN, 入数, name) with
 * suggested local products by code and JAN; sets seen in recent orders without a mapping come
 * first; tick and 登録 in bulk; the saved mappings below can be deleted.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BcartSetRow } from '../../../src-shared/settings/product-link';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, unwrap } from '../../ipc/api';

export function ProductLinksPage() {
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings', 'list'], queryFn: () => unwrap(api().settings.list({})) });
  const [chosen, setChosen] = useState<number | null>(null);
  const settingId = chosen ?? settings.data?.rows[0]?.id ?? null;
  const links = useQuery({
    queryKey: ['productLinks', settingId],
    queryFn: () => unwrap(api().productLinks.list({ settingId: settingId! })),
    enabled: settingId !== null,
  });
  const [picks, setPicks] = useState<Record<number, number | null>>({});
  const fetchSets = useMutation({
    mutationFn: () => unwrap(api().productLinks.fetchBcart({ settingId: settingId! })),
    onSuccess: (r) => setPicks(Object.fromEntries(r.sets.map((s) => [s.setId, s.linkedProductId === null ? (s.suggestions[0]?.productId ?? null) : null]))),
  });
  const accept = useMutation({
    mutationFn: (sets: BcartSetRow[]) =>
      unwrap(
        api().productLinks.accept({
          settingId: settingId!,
          links: sets.map((s) => ({ bcartSetId: s.setId, productId: picks[s.setId]!, bcartProductNo: s.productNo, bcartSetName: s.name, bcartJanCode: s.janCode, bcartQuantity: s.quantity })),
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['productLinks', settingId] });
      fetchSets.mutate();
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => unwrap(api().productLinks.delete({ settingId: settingId!, ids: [id] })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['productLinks', settingId] }),
  });
  const sets = fetchSets.data?.sets ?? [];
  const linkedLabel = (s: BcartSetRow) => {
    const l = links.data?.rows.find((x) => x.bcartSetId === s.setId);
    return l ? `${l.productCode} ${l.productName}` : `商品ID ${s.linkedProductId}`;
  };
  const ready = sets.filter((s) => picks[s.setId] != null);

  return (
    <div className="page">
      <div className="toolbar">
        <h1>EC連携商品</h1>
        <label htmlFor="pl-setting">EC連携設定</label>
        <select id="pl-setting" value={settingId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
          {(settings.data?.rows ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={settingId === null || fetchSets.isPending} onClick={() => fetchSets.mutate()}>
          {fetchSets.isPending ? '取得中…' : '取得'}
        </button>
        <button type="button" disabled={ready.length === 0 || accept.isPending} onClick={() => accept.mutate(ready)}>
          選択したセットを登録 ({ready.length})
        </button>
      </div>
      <p className="field-hint">商品連携区分がオフの設定で使います。最近30日の注文にあって未連携のセットを先頭に表示します。</p>
      <ErrorNotice error={settings.error ?? fetchSets.error ?? accept.error ?? remove.error ?? links.error} />
      {accept.data ? (
        <div className="notice notice-ok" role="status">
          {accept.data.saved}件のEC連携商品を登録しました。
        </div>
      ) : null}
      {settings.data && settings.data.rows.length === 0 ? <p className="placeholder">EC連携設定がありません。先にEC連携設定を登録してください。</p> : null}
      {sets.length > 0 ? (
        <table className="data" aria-label="Bカートの商品セット">
          <thead>
            <tr>
              <th>セットID</th>
              <th>品番</th>
              <th>商品名・セット名</th>
              <th>JAN</th>
              <th>入数</th>
              <th>状態</th>
              <th>連携する商品</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((s) => (
              <tr key={s.setId}>
                <td className="num">{s.setId}</td>
                <td>{s.productNo}</td>
                <td>{s.name}</td>
                <td>{s.janCode}</td>
                <td className="num">{s.quantity ?? '—'}</td>
                <td>
                  {s.linkedProductId !== null ? <span className="badge badge-ok">連携済</span> : <span className="badge badge-draft">未連携</span>}{' '}
                  {s.inRecentOrders && s.linkedProductId === null ? <span className="badge badge-err">最近の注文</span> : null}
                </td>
                <td>
                  {s.linkedProductId !== null ? (
                    <span>{linkedLabel(s)}</span>
                  ) : s.suggestions.length > 0 ? (
                    <select
                      aria-label={`セット${s.setId}の連携商品`}
                      value={picks[s.setId] ?? ''}
                      onChange={(e) => setPicks((p) => ({ ...p, [s.setId]: e.target.value === '' ? null : Number(e.target.value) }))}>
                      <option value="">登録しない</option>
                      {s.suggestions.map((g) => (
                        <option key={g.productId} value={g.productId}>
                          {g.code} {g.name} (計上単位 {g.unitQuantity}・{g.reason === 'code' ? '品番一致' : 'JAN一致'})
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="field-hint">候補なし (商品マスタに品番かJANが同じ商品を登録してください)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2 style={{ marginTop: 20 }}>登録済みのEC連携商品 ({links.data?.rows.length ?? 0}件)</h2>
      <table className="data" aria-label="登録済みのEC連携商品">
        <thead>
          <tr>
            <th>セットID</th>
            <th>品番</th>
            <th>セット名</th>
            <th>入数</th>
            <th>商品</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(links.data?.rows ?? []).map((l) => (
            <tr key={l.id}>
              <td className="num">{l.bcartSetId}</td>
              <td>{l.bcartProductNo}</td>
              <td>{l.bcartSetName}</td>
              <td className="num">{l.bcartQuantity ?? '—'}</td>
              <td>
                {l.productCode} {l.productName}
              </td>
              <td>
                <button type="button" onClick={() => remove.mutate(l.id)} aria-label={`セット${l.bcartSetId}の連携を削除`}>
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
