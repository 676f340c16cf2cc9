/**
 * EC連携商品 (used when 商品連携区分 is off): 取得 lists BCart sets (品番, JAN, 入数, name) with
 * suggested local products by code and JAN; sets seen in recent orders without a mapping come
 * first; tick and 登録 in bulk; a set without a fitting suggestion is linked to any product found
 * with 商品を検索 (main refuses a product whose 計上単位 differs from BCart's 入数); the saved
 * mappings below can be deleted.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BcartSetRow } from '../../../src-shared/ec-settings/product-link';
import { ErrorNotice } from '../../components/ErrorNotice';
import { api, ApiError, unwrap } from '../../ipc/api';
import { ProductSearchPicker, type PickedProduct } from './ProductSearchPicker';

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
  // products picked by search, per set: shown as an extra choice beside the suggestions
  const [searched, setSearched] = useState<Record<number, PickedProduct>>({});
  const fetchSets = useMutation({
    mutationFn: () => unwrap(api().productLinks.fetchBcart({ settingId: settingId! })),
    onSuccess: (r) => {
      setSearched({});
      setPicks(Object.fromEntries(r.sets.map((s) => [s.setId, s.linkedProductId === null ? (s.suggestions[0]?.productId ?? null) : null])));
    },
  });
  const accept = useMutation({
    mutationFn: (sets: BcartSetRow[]) =>
      unwrap(
        api().productLinks.accept({
          settingId: settingId!,
          links: sets.map((s) => ({
            bcartSetId: s.setId,
            productId: picks[s.setId]!,
            bcartProductNo: s.productNo,
            bcartSetName: s.name,
            bcartJanCode: s.janCode,
            bcartQuantity: s.quantity,
          })),
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
  // each refused link names its set and why (e.g. 入数 ≠ 計上単位); the notice above only counts them
  const acceptProblems = accept.error instanceof ApiError ? (accept.error.data.fields ?? []) : [];
  /** the set's choices: suggestions, then the product found by search (unless already suggested) */
  const choices = (s: BcartSetRow): PickedProduct[] => {
    const extra = searched[s.setId];
    return extra && !s.suggestions.some((g) => g.productId === extra.productId) ? [...s.suggestions, extra] : s.suggestions;
  };
  // a new choice makes the last refusal stale, so it is cleared rather than shown beside the new pick
  const choose = (setId: number, productId: number | null) => {
    accept.reset();
    setPicks((m) => ({ ...m, [setId]: productId }));
  };
  const pickSearched = (setId: number, p: PickedProduct) => {
    setSearched((m) => ({ ...m, [setId]: p }));
    choose(setId, p.productId);
  };

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
        <button
          type="button"
          className="primary"
          disabled={settingId === null || fetchSets.isPending}
          onClick={() => {
            // a fresh 取得 starts over: the last registration's result no longer describes this list
            accept.reset();
            fetchSets.mutate();
          }}
        >
          {fetchSets.isPending ? '取得中…' : '取得'}
        </button>
        <button type="button" disabled={ready.length === 0 || accept.isPending} onClick={() => accept.mutate(ready)}>
          選択したセットを登録 ({ready.length})
        </button>
      </div>
      <p className="field-hint">商品連携区分がオフの設定で使います。最近30日の注文にあって未連携のセットを先頭に表示します。</p>
      <ErrorNotice error={settings.error ?? fetchSets.error ?? accept.error ?? remove.error ?? links.error} />
      {acceptProblems.length > 0 ? (
        <ul className="field-error" aria-label="登録できなかったEC連携商品">
          {acceptProblems.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      ) : null}
      {accept.data ? (
        <div className="notice notice-ok" role="status">
          {accept.data.saved}件のEC連携商品を登録しました。
        </div>
      ) : null}
      {settings.data && settings.data.rows.length === 0 ? (
        <p className="placeholder">EC連携設定がありません。先にEC連携設定を登録してください。</p>
      ) : null}
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
                  {s.linkedProductId !== null ? (
                    <span className="badge badge-ok">連携済</span>
                  ) : (
                    <span className="badge badge-draft">未連携</span>
                  )}{' '}
                  {s.inRecentOrders && s.linkedProductId === null ? <span className="badge badge-err">最近の注文</span> : null}
                </td>
                <td>
                  {s.linkedProductId !== null ? (
                    <span>{linkedLabel(s)}</span>
                  ) : (
                    <LinkChoice
                      set={s}
                      choices={choices(s)}
                      pick={picks[s.setId] ?? null}
                      onChange={(id) => choose(s.setId, id)}
                      onSearchPick={(p) => pickSearched(s.setId, p)}
                    />
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

interface LinkChoiceProps {
  set: BcartSetRow;
  choices: PickedProduct[];
  pick: number | null;
  onChange: (productId: number | null) => void;
  onSearchPick: (product: PickedProduct) => void;
}

/** The 連携する商品 cell of an unlinked set: the choice select (if any), a 入数 warning, and the search. */
function LinkChoice({ set: s, choices, pick, onChange, onSearchPick }: LinkChoiceProps) {
  const picked = choices.find((c) => c.productId === pick);
  const mismatch = picked !== undefined && s.quantity !== null && picked.unitQuantity !== s.quantity;
  const reason = (c: PickedProduct) => {
    const g = s.suggestions.find((x) => x.productId === c.productId);
    return g ? (g.reason === 'code' ? '品番一致' : 'JAN一致') : '検索で選択';
  };
  return (
    <div className="link-choice">
      {choices.length > 0 ? (
        <select
          aria-label={`セット${s.setId}の連携商品`}
          value={pick ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">登録しない</option>
          {choices.map((g) => (
            <option key={g.productId} value={g.productId}>
              {g.code} {g.name} (計上単位 {g.unitQuantity}・{reason(g)})
            </option>
          ))}
        </select>
      ) : (
        <span className="field-hint">候補なし (品番かJANが同じ商品がありません。下の検索で商品を選んでください)</span>
      )}
      {mismatch ? (
        <div className="field-error" role="alert">
          Bカートの入数 {s.quantity} と商品「{picked.code}」の計上単位 {picked.unitQuantity}{' '}
          が違うため登録できません。入数が同じ商品を選んでください。
        </div>
      ) : null}
      <ProductSearchPicker setId={s.setId} quantity={s.quantity} onPick={onSearchPick} />
    </div>
  );
}
